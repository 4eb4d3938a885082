#!/usr/bin/env bash
# Workspace numbers for issue 8: cold/warm `djangolsp check` (CLI, /usr/bin/time for CPU and peak RSS), the server's
# whole-workspace scan cold/warm/no-cache and the save → dependent-template latency over stdio (benchmark console modes).
# Usage: tests/tools/bench_workspace.sh [DIR]   (default: Django's own source, /usr/lib/python3/dist-packages/django)
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:-/usr/lib/python3/dist-packages/django}"
dotnet build -c Release tests/DjangoLsp.Benchmarks >/dev/null
dll=server/DjangoLsp.Server/bin/Release/net10.0/djangolsp.dll
bench=tests/DjangoLsp.Benchmarks/bin/Release/net10.0/DjangoLsp.Benchmarks.dll
cache=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$cache" "$out"' EXIT
for label in no-cache cold warm; do
  opts=(--cache-dir "$cache"); [ "$label" = no-cache ] && opts=()
  DJANGOLSP_CACHE_STATS=1 /usr/bin/time -f "check $label: %e s wall, %U s user + %S s sys CPU, %M KB peak RSS" \
    dotnet "$dll" check "$target" --no-config --format json --output "$out/$label.json" "${opts[@]}" 2>&1 | grep -E "^(check|djangolsp: cache|Found)" || true
done
cmp -s "$out/cold.json" "$out/warm.json" && cmp -s "$out/no-cache.json" "$out/warm.json" && echo "check: cold, warm and no-cache reports identical"
dotnet "$bench" workspace-scan "$target"
dotnet "$bench" save-latency 200 20
