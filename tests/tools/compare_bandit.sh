#!/usr/bin/env bash
# Runs DjangoLsp and bandit on the example project and the rule corpora and prints the comparison tables
# (markdown) used in docs/comparison.md. Needs a Release build and `bandit` (Debian package).
# Usage: tests/tools/compare_bandit.sh [REPORTS_DIR]   (reports are kept there; default: a temp folder)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dll=${DJANGOLSP_DLL:-"$repo/server/DjangoLsp.Server/bin/Release/net10.0/djangolsp.dll"}
[ -f "$dll" ] || { echo "build first: dotnet build server/DjangoLsp.Server -c Release" >&2; exit 2; }
reports=${1:-$(mktemp -d)}
mkdir -p "$reports"
src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
mkdir -p "$src/examples" "$src/corpus"
cp -r "$repo/examples/vulnerable-shop" "$src/examples/"
for c in python python-crypto templates; do cp -r "$repo/tests/corpus/$c" "$src/corpus/"; done
python3 "$repo/examples/tools/expected_findings.py" --json > "$reports/expected.json"
cd "$src"
for pair in examples/vulnerable-shop:examples/vulnerable-shop tests/corpus/python:corpus/python \
            tests/corpus/python-crypto:corpus/python-crypto tests/corpus/templates:corpus/templates; do
  name=${pair%%:*}; path=${pair#*:}; stem="$reports/${name//\//_}"
  dotnet "$dll" check "$path" --format json --no-config --include-migrations > "$stem.djangolsp.json" || [ $? -le 1 ]
  bandit -r "$path" -f json -o "$stem.bandit.json" -q || [ $? -le 1 ]
done
python3 "$repo/tests/tools/compare_bandit.py" "$reports" "$src"
