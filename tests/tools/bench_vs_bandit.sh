#!/usr/bin/env bash
# Full `djangolsp check` vs `bandit -r` on the same tree; prints the median wall and CPU time of each and the ratios.
# Usage: tests/tools/bench_vs_bandit.sh [TREE] [RUNS]   (default: Django's source tree, 3 runs each)
#
# Which build it measures: a framework-dependent ReadyToRun publish for this machine's platform, made by this script
# into a temporary folder (`dotnet publish server/DjangoLsp.Server -c Release -r linux-x64 --self-contained false`),
# i.e. how the CLI is meant to be installed for CI and the command line: precompiled code, tiered compilation and
# concurrent GC off (DjangoLsp.Server.csproj). An IL-only build (`dotnet build`, `dotnet run`, the VS Code extension's
# portable server) JITs at start-up and took about 1.5x the CPU on this tree (docs/performance.md).
# DJANGOLSP_DLL=/path/to/djangolsp.dll measures that build instead (no publish), e.g. the plain Release build:
#   DJANGOLSP_DLL=server/DjangoLsp.Server/bin/Release/net10.0/djangolsp.dll tests/tools/bench_vs_bandit.sh
# `check --timings` (hidden flag) prints where the CPU time of one run goes, per phase and per analyzer.
set -euo pipefail
tree=${1:-/usr/lib/python3/dist-packages/django}
runs=${2:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
if [ -n "${DJANGOLSP_DLL:-}" ]; then
  dll=$DJANGOLSP_DLL
  build="given build"
else
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64) rid=linux-arm64 ;;
    *) echo "unknown machine $(uname -m): set DJANGOLSP_DLL" >&2; exit 2 ;;
  esac
  publish=$(mktemp -d)
  trap 'rm -rf "$publish"' EXIT
  echo "publishing ReadyToRun ($rid) into $publish ..."
  dotnet publish "$here/server/DjangoLsp.Server" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$publish" --nologo -v quiet >/dev/null
  dll=$publish/djangolsp.dll
  build="ReadyToRun publish ($rid)"
fi
[ -f "$dll" ] || { echo "no build at $dll" >&2; exit 2; }
command -v bandit >/dev/null || { echo "bandit not installed (apt-get install bandit)" >&2; exit 2; }

time_one() { # prints "wall cpu" seconds (cpu = user + system); exit codes 0/1 (findings) are both success
  local out
  out=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$out" "$@" >/dev/null 2>&1 || [ $? -le 1 ]
  tail -n 1 "$out" | awk '{printf "%s %.2f\n", $1, $2 + $3}'
  rm -f "$out"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "djangolsp: $dll ($build)"
echo "tree: $tree ($(find "$tree" -name '*.py' | wc -l) .py files), $runs runs each, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Wall time is what users feel; CPU time (user + system) is steadier when other work shares the machine.
dw=(); dc=(); bw=(); bc_=()
for i in $(seq "$runs"); do
  read -r w c < <(time_one dotnet "$dll" check "$tree" --format json --no-config --include-migrations); dw+=("$w"); dc+=("$c")
  read -r w c < <(time_one bandit -r "$tree" -f json -q); bw+=("$w"); bc_+=("$c")
  echo "run $i: djangolsp wall ${dw[-1]}s cpu ${dc[-1]}s | bandit wall ${bw[-1]}s cpu ${bc_[-1]}s (load $(cut -d' ' -f1 /proc/loadavg))"
done
m() { printf '%s\n' "$@" | median; }
dwm=$(m "${dw[@]}"); dcm=$(m "${dc[@]}"); bwm=$(m "${bw[@]}"); bcm=$(m "${bc_[@]}")
printf 'median wall: djangolsp %.2fs, bandit %.2fs, ratio %.1fx\n' "$dwm" "$bwm" "$(echo "$bwm / $dwm" | bc -l)"
printf 'median cpu:  djangolsp %.2fs, bandit %.2fs, ratio %.1fx\n' "$dcm" "$bcm" "$(echo "$bcm / $dcm" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
