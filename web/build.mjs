// Builds the page into dist/: the TypeScript compiled to ES modules under dist/assets, the static
// files from public/ beside them. The gateway serves dist/ at / (GATEWAY_WEB_ROOT).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
cpSync(join(here, 'public'), join(here, 'dist'), { recursive: true });
console.log('web: built into dist/');
