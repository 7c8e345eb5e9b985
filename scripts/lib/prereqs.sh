# shellcheck shell=bash
# The one place that decides what the scripts need from the machine, sourced by
# scripts/local-stack.sh, scripts/e2e.sh and .ci/run:
#   ticketing_require_tools TOOL...   every tool on the PATH, or installed now, or a clear message
#   ticketing_require_free_ports P... nothing listening on those ports of 127.0.0.1
# On Debian or Ubuntu as root, a missing tool is installed with apt-get (it says so). Elsewhere it
# prints the exact install command for this system and returns non-zero, before anything starts.
# The JDK is found by scripts/lib/jdk.sh (sourced from here too).

# shellcheck source=jdk.sh
. "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

# The Debian package that brings each tool.
ticketing_package_of() {
  case "$1" in
    psql | pg_isready | pgbench) echo postgresql-client ;;
    pg_ctlcluster) echo postgresql ;;
    redis-server) echo redis-server ;;
    redis-cli | redis-benchmark) echo redis-tools ;;
    nginx) echo nginx ;;
    envsubst) echo gettext-base ;;
    curl) echo curl ;;
    python3) echo python3 ;;
    docker-compose) echo docker-compose ;;
    kubectl) echo kubectl ;;
    node) echo nodejs ;;
    chromium) echo chromium ;;
    *) echo "$1" ;;
  esac
}

ticketing_require_tools() {
  local tool missing=() packages=()
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      missing+=("$tool")
      local package; package=$(ticketing_package_of "$tool")
      [[ " ${packages[*]-} " == *" $package "* ]] || packages+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  # TICKETING_NO_INSTALL=1: never install, only say what is missing (scripts/test-local-stack.sh uses it).
  if [ "${TICKETING_NO_INSTALL-}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
    echo "[prereqs] missing ${missing[*]}: installing ${packages[*]} with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null \
      || { echo "[prereqs] apt-get could not install ${packages[*]}" >&2; return 1; }
    for tool in "${missing[@]}"; do
      command -v "$tool" >/dev/null 2>&1 || { echo "[prereqs] $tool is still missing after installing its package" >&2; return 1; }
    done
    return 0
  fi
  echo "error: missing ${missing[*]}; nothing was started. Install them first:" >&2
  if command -v apt-get >/dev/null 2>&1; then
    echo "  sudo apt-get install -y ${packages[*]}" >&2
  elif command -v dnf >/dev/null 2>&1; then
    echo "  sudo dnf install -y ${packages[*]/postgresql-client/postgresql}" | sed 's/redis-tools//; s/gettext-base/gettext/' >&2
  elif command -v brew >/dev/null 2>&1; then
    echo "  brew install ${packages[*]/postgresql-client/libpq}" | sed 's/redis-server/redis/; s/redis-tools//; s/gettext-base/gettext/' >&2
  else
    echo "  (packages: ${packages[*]})" >&2
  fi
  return 1
}

ticketing_require_free_ports() {
  local port busy=()
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      busy+=("$port")
    fi
  done
  [ ${#busy[@]} -eq 0 ] && return 0
  echo "error: something already listens on 127.0.0.1 port(s) ${busy[*]}; nothing was started." >&2
  echo "  Stop it (a stack from an earlier 'up'? scripts/local-stack.sh down), or choose other ports" >&2
  echo "  (GATEWAY_PORT, SEAT_LOCK_PORT, BOOKING_PORT)." >&2
  return 1
}

# A Korean font, so that pages in a headless browser show Hangul rather than empty boxes (the
# browser suite's screenshots). Installed like the tools, from Debian's fonts-nanum.
ticketing_require_korean_font() {
  if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ko 2>/dev/null | head -1)" ]; then
    return 0
  fi
  if [ "${TICKETING_NO_INSTALL-}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[prereqs] no Korean font: installing fonts-nanum with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-nanum fontconfig >/dev/null && return 0
  fi
  echo "[prereqs] no Korean font (install fonts-nanum): screenshots will show boxes for Hangul" >&2
  return 0
}
