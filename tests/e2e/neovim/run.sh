#!/usr/bin/env bash
# Headless Neovim end-to-end check of the DjangoLsp server on one file.
# usage: tests/e2e/neovim/run.sh <file> <expected rule id> [project root]
#   DJANGOLSP_CMD  server command (default: dotnet <repo>/server/DjangoLsp.Server/bin/Release/net10.0/djangolsp.dll --stdio)
#   LANGUAGE_ID    force the buffer filetype (= didOpen languageId), e.g. htmldjango; default: Neovim's detection
#   E2E_TIMEOUT_MS wait for diagnostics (default 30000)
# Needs Debian 12's neovim 0.7.2 (apt-get install -y neovim). Exit code: see lsp_e2e.lua. The file is never saved.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 <file> <rule id> [project root]" >&2; exit 64; }
FILE=$(readlink -f "$1")
export EXPECT_RULE="$2"
[ -f "$FILE" ] || { echo "no such file: $1" >&2; exit 64; }
if [ $# -ge 3 ]; then
  export ROOT_DIR=$(readlink -f "$3")
else
  # project root: the nearest folder above the file with manage.py, pyproject.toml or .git
  dir=$(dirname "$FILE"); ROOT_DIR=$(dirname "$FILE")
  while [ "$dir" != "/" ]; do
    if [ -e "$dir/manage.py" ] || [ -e "$dir/pyproject.toml" ] || [ -e "$dir/.git" ]; then ROOT_DIR=$dir; break; fi
    dir=$(dirname "$dir")
  done
  export ROOT_DIR
fi
if [ -z "${DJANGOLSP_CMD:-}" ]; then
  DLL="$REPO/server/DjangoLsp.Server/bin/Release/net10.0/djangolsp.dll"
  [ -f "$DLL" ] || { echo "$DLL missing: run 'dotnet build server/DjangoLsp.Server -c Release' first" >&2; exit 2; }
  export DJANGOLSP_CMD="dotnet $DLL --stdio"
fi
command -v nvim >/dev/null || { echo "nvim missing: apt-get install -y neovim" >&2; exit 2; }
# A scratch HOME/XDG keeps the user's Neovim config, shada and swap files out of the run.
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH" XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" XDG_STATE_HOME="$SCRATCH/state" XDG_CACHE_HOME="$SCRATCH/cache"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SECONDS=0
set +e
timeout 180 nvim --headless -u NONE -i NONE -n -c "luafile $HERE/lsp_e2e.lua" -- "$FILE"
code=$?
set -e
echo "{\"runner\":\"neovim\",\"file\":\"$FILE\",\"rule\":\"$EXPECT_RULE\",\"exit\":$code,\"seconds\":$SECONDS}"
exit $code
