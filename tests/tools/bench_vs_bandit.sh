#!/usr/bin/env bash
# Full `djangolsp check` vs `bandit -r` on the same tree; prints the median wall time of each and the ratio.
# Usage: tests/tools/bench_vs_bandit.sh [TREE] [RUNS]   (default: Django's source tree, 3 runs each)
# Needs a Release build: dotnet build server/DjangoLsp.Server -c Release
set -euo pipefail
tree=${1:-/usr/lib/python3/dist-packages/django}
runs=${2:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
dll="$here/server/DjangoLsp.Server/bin/Release/net10.0/djangolsp.dll"
[ -f "$dll" ] || { echo "build first: dotnet build server/DjangoLsp.Server -c Release" >&2; exit 2; }
command -v bandit >/dev/null || { echo "bandit not installed (apt-get install bandit)" >&2; exit 2; }

time_one() { # prints seconds of wall time; exit codes 0/1 (findings) are both success
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || [ $? -le 1 ]
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "tree: $tree ($(find "$tree" -name '*.py' | wc -l) .py files), $runs runs each, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
d=(); b=()
for i in $(seq "$runs"); do
  d+=("$(time_one dotnet "$dll" check "$tree" --format json --no-config --include-migrations)")
  b+=("$(time_one bandit -r "$tree" -f json -q)")
  echo "run $i: djangolsp ${d[-1]}s  bandit ${b[-1]}s  (load $(cut -d' ' -f1 /proc/loadavg))"
done
dm=$(printf '%s\n' "${d[@]}" | median)
bm=$(printf '%s\n' "${b[@]}" | median)
printf 'median djangolsp: %.2fs\nmedian bandit:    %.2fs\nratio (bandit / djangolsp): %.1fx\n' "$dm" "$bm" "$(echo "$bm / $dm" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
