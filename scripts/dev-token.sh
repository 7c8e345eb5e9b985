#!/usr/bin/env bash
# Prints an RS256 JWT for USER_ID signed with the LOCAL-ONLY dev key (dev/jwt-private.pem).
# Usage: scripts/dev-token.sh [--operator] [--url] USER_ID [TTL_SECONDS]
#   --operator  the token's groups claim holds "operator" too: it opens the operator API (/api/v1/tickets/admin).
#   --url       prints the seat-map page's address with the token in its fragment, to open in a browser
#               (the gateway at $TICKETING_URL, default http://127.0.0.1:8080; the page drops it from the address bar).
# Issuer: $MP_JWT_VERIFY_ISSUER, default https://ticketing.local/dev (what the services expect by default).
set -euo pipefail
groups='"user"'
as_url=
while [ $# -gt 0 ]; do
  case "$1" in
    --operator) groups='"user","operator"'; shift ;;
    --url) as_url=1; shift ;;
    *) break ;;
  esac
done
if [ $# -lt 1 ] || [ -z "$1" ]; then
  echo "usage: $0 [--operator] [--url] USER_ID [TTL_SECONDS]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
key="${DEV_JWT_PRIVATE_KEY:-$here/dev/jwt-private.pem}"
issuer="${MP_JWT_VERIFY_ISSUER:-https://ticketing.local/dev}"
ttl="${2:-3600}"
now=$(date +%s)

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }

header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
user=$(json_escape "$1")
payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$user" "$user" "$groups" "$now" "$((now + ttl))" "$(openssl rand -hex 16)" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
if [ -n "$as_url" ]; then
  printf '%s/#token=%s.%s.%s\n' "${TICKETING_URL:-http://127.0.0.1:8080}" "$header" "$payload" "$signature"
else
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
fi
