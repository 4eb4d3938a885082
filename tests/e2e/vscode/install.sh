#!/usr/bin/env bash
# Installs what the code-server end-to-end harness needs on Debian 12 (run as root, from any folder):
# chromium + libkrb5-dev (code-server's kerberos build) + ripgrep (pre-seeds @vscode/ripgrep, whose
# postinstall would download from GitHub), then code-server 4.100.3 and playwright-core 1.65.1 into
# tests/e2e/vscode/node_modules. ~2.5 min on a fresh 2-core machine. Quirks: /work/shared/editor-clients.md.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SECONDS=0

if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  # docker-clean deletes .debs between dpkg passes, so the first multi-pass install can fail: retry.
  for i in 1 2 3; do
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev ripgrep && break
    [ "$i" = 3 ] && { echo "apt-get install failed 3 times" >&2; exit 1; }
  done
fi
echo "apt packages ready after ${SECONDS}s"

# @vscode/ripgrep@1.15.11 downloads rg from GitHub in postinstall; give it Debian's rg 13.0.0 instead.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg

cd "$HERE"
if [ ! -x node_modules/.bin/code-server ] || ! XDG_CONFIG_HOME=$(mktemp -d) node_modules/.bin/code-server --version 2>/dev/null | grep -q '^4\.100\.3'; then
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall uses npx.
  npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund
fi
# code-server writes ~/.config/code-server/config.yaml on any start; keep it out of HOME
XDG_CONFIG_HOME=$(mktemp -d) node_modules/.bin/code-server --version 2>/dev/null | grep -v ' info ' | head -1
node -e "require('playwright-core'); console.log('playwright-core', require('playwright-core/package.json').version)"
echo "install done in ${SECONDS}s"
