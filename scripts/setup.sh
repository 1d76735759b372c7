#!/usr/bin/env bash
# DesignDesk's one set-up command, for a fresh Debian 12 machine and for a dev
# box alike. It runs before node_modules exists, so it is plain bash:
#
#   bash scripts/setup.sh            install what is missing, skip what is there
#   bash scripts/setup.sh --force    also reinstall node_modules from the lockfile
#
# 1. Debian packages: chromium (the e2e browser; never a downloaded one), git,
#    ripgrep, and python3/make/g++ to build better-sqlite3 from source. apt runs
#    only when one of them is missing.
# 2. npm ci with ELECTRON_SKIP_BINARY_DOWNLOAD=1: Electron's binary cannot be
#    downloaded on these machines; tests never need it. better-sqlite3 builds
#    from source against this Node's own headers (~1 minute).
# Running it twice is safe: the second run changes nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

FORCE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "setup: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

did=()
log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }
has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# --- Node.js (not from apt: Debian 12 ships Node 18, the project needs >= 20.19) ---
command -v node >/dev/null 2>&1 || die "Node.js >= 20.19 is required and not installed (Debian 12's nodejs package is too old; install Node 20 from nodejs.org or NodeSource)."
command -v npm >/dev/null 2>&1 || die "npm is missing next to node ($(command -v node))."
node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  if (maj < 20 || (maj === 20 && min < 19)) { console.error(`Node ${process.versions.node} is too old: DesignDesk needs >= 20.19.`); process.exit(1); }
' || die "upgrade Node.js."
log "node $(node -v), npm $(npm -v)"

# --- Debian packages, only the missing ones ---
CHROMIUM="${DESIGNDESK_CHROMIUM:-/usr/bin/chromium}"
missing=()
need() { # need <debian package> <test command...>
  local pkg="$1"; shift
  if "$@" >/dev/null 2>&1 || has_pkg "$pkg"; then log "ok: $pkg"; else missing+=("$pkg"); fi
}
need chromium test -x "$CHROMIUM"
need git command -v git
need ripgrep command -v rg
need python3 command -v python3
need make command -v make
need g++ command -v g++

if ((${#missing[@]})); then
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and there is no apt-get: install them by hand."
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}: run this script as root (or install sudo)."
    SUDO=(sudo)
  fi
  log "installing with apt: ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  did+=("apt-get install ${missing[*]}")
else
  log "all Debian packages present: apt skipped"
fi
test -x "$CHROMIUM" || die "chromium is installed but $CHROMIUM is not executable (set DESIGNDESK_CHROMIUM to its path)."

# --- npm dependencies ---
# node-gyp needs Node's headers and cannot download them here: point it at the
# ones installed with Node unless the user configured something already.
if [ -z "${npm_config_nodedir:-}" ]; then
  configured="$(npm config get nodedir 2>/dev/null || true)"
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if { [ -z "$configured" ] || [ "$configured" = undefined ] || [ "$configured" = null ]; } && [ -f "$node_prefix/include/node/node_api.h" ]; then
    export npm_config_nodedir="$node_prefix"
    log "building native modules against $node_prefix/include/node"
  fi
fi

STAMP="node_modules/.designdesk-setup"
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node -p 'process.versions.modules')-$(node -p 'process.arch')"
sqlite_ok() { node -e "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();" >/dev/null 2>&1; }

if [ "$FORCE" -eq 0 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && sqlite_ok; then
  log "node_modules matches package-lock.json: npm ci skipped (use --force to reinstall)"
else
  log "npm ci (Electron binary download skipped; better-sqlite3 builds from source, about a minute)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  sqlite_ok || die "better-sqlite3 does not load in Node $(node -v) after npm ci."
  printf '%s' "$want" >"$STAMP"
  did+=("npm ci")
fi

# --- what is ready now ---
log "chromium: $("$CHROMIUM" --version 2>/dev/null | head -n1)"
log "better-sqlite3: SQLite $(node -p "new (require('better-sqlite3'))(':memory:').prepare('select sqlite_version() v').get().v")"
if ((${#did[@]})); then
  log "done: ${did[*]}"
else
  log "done: nothing to do, everything was already set up"
fi
log "next: npm test"
