#!/usr/bin/env bash
# One cold end-to-end run of the DjangoLsp extension in real VS Code (code-server 4.100.3 = VS Code 1.100.3):
# fresh profile, install the .vsix, open the workspace, drive the workbench with chromium (drive.js), stop.
# Needs install.sh first, and the .vsix (npm run package). Screenshots and logs go to $OUT.
#   VSIX       default: <repo>/djangolsp-<version>.vsix
#   WORKSPACE  default: <repo>/examples/vulnerable-shop
#   E2E_MODE   full (default): squiggle, Problems, hover with OWASP link, quick fix, workspace scan
#              smoke: the extension activates and tries to start its server (status bar + output channel)
#   FILE, RULE, SCAN_FILE   what full mode opens, expects and expects after a scan (see drive.js)
#   EXTRAS=1 (default) also runs "Explain Rule…" and "Fix All Security Issues in File" (on SCAN_FILE)
#   SERVER_PATH  sets djangolsp.server.path (e.g. a dev build or tests/e2e/fake-server/fake-djangolsp)
#   PORT (8089), OUT (tests/e2e/vscode/artifacts/<mode>-<time>), DRIVE_TIMEOUT_S (900: the whole browser run)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
VERSION=$(node -p "require('$REPO/vscode-client/package.json').version")
VSIX=${VSIX:-$REPO/djangolsp-$VERSION.vsix}
WORKSPACE=$(readlink -f "${WORKSPACE:-$REPO/examples/vulnerable-shop}")
PORT=${PORT:-8089}
export E2E_MODE=${E2E_MODE:-full}
OUT=${OUT:-$HERE/artifacts/$E2E_MODE-$(date +%H%M%S)}
CS=$HERE/node_modules/.bin/code-server
[ -x "$CS" ] || { echo "code-server missing: run $HERE/install.sh" >&2; exit 2; }
[ -f "$VSIX" ] || { echo "$VSIX missing: run 'npm run package'" >&2; exit 2; }
[ -d "$WORKSPACE" ] || { echo "workspace $WORKSPACE missing" >&2; exit 2; }
SECONDS=0

RUN=$(mktemp -d "${TMPDIR:-/tmp}/djangolsp-cs.XXXX")
mkdir -p "$RUN/user/User" "$RUN/ext" "$RUN/xdg" "$OUT"
SERVER_SETTING=""
[ -n "${SERVER_PATH:-}" ] && SERVER_SETTING="\"djangolsp.server.path\": \"$(readlink -f "$SERVER_PATH")\","
cat > "$RUN/user/User/settings.json" <<JSON
{ $SERVER_SETTING
  "djangolsp.trace.server": "verbose",
  "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "update.mode": "none", "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true, "workbench.enableExperiments": false, "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true, "files.autoSave": "off", "editor.hover.delay": 100 }
JSON
export XDG_CONFIG_HOME="$RUN/xdg" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$CS" --user-data-dir "$RUN/user" --extensions-dir "$RUN/ext" --install-extension "$VSIX" > "$OUT/install.log" 2>&1
echo "{\"step\":\"vsix-installed\",\"seconds\":$SECONDS,\"vsix\":\"$VSIX\"}"

# setsid: code-server, the extension host, the file watcher and the language server share one process
# group, so one group kill stops them all.
FAKE_LS_LOG="$OUT/fake-server.log" setsid "$CS" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN/user" --extensions-dir "$RUN/ext" "$WORKSPACE" > "$OUT/code-server.log" 2>&1 &
CS_PID=$!
cleanup() {
  kill -- -"$CS_PID" 2>/dev/null || true
  wait "$CS_PID" 2>/dev/null || true
  # the extension host's logs hold the DjangoLsp output channel
  find "$RUN/user/logs" -name '*DjangoLsp*.log' -exec cp {} "$OUT/" \; 2>/dev/null || true
  rm -rf "$RUN"
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

set +e
SERVER_MATCH="$RUN/ext/${SERVER_PATH:+|$(basename "$SERVER_PATH")}" HOME="$RUN/xdg" URL="http://127.0.0.1:$PORT/?folder=$WORKSPACE" OUT="$OUT" WORKSPACE="$WORKSPACE" \
  timeout "${DRIVE_TIMEOUT_S:-900}" node "$HERE/drive.js" | tee "$OUT/steps.jsonl"
code=${PIPESTATUS[0]}
set -e
echo "{\"runner\":\"code-server\",\"mode\":\"$E2E_MODE\",\"exit\":$code,\"seconds\":$SECONDS,\"artifacts\":\"$OUT\"}"
exit $code
