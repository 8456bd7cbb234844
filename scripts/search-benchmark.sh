#!/usr/bin/env bash
# Search benchmark: how much of the index a reader's first query downloads, by catalogue size.
#
#   scripts/search-benchmark.sh [PRACTICES ...]      (default 1000 10000 50000)
#
# For each size: generates the synthetic catalogue (../shared/bench/gen-corpus.py, kept in
# $PRAXIS_BENCH_WORK, default /tmp/praxis-bench), builds it with the release praxis, and runs
# scripts/search-bytes.py on all of them: headless Chromium opens the search page under the
# site's sub-path, and the files the page fetched are summed raw and gzip-compressed.
# Needs chromium, chromium-driver and the browser virtualenv (./build.sh bench sets them up).
set -euo pipefail
cd "$(dirname "$0")/.."

bench=${PRAXIS_BENCH:-../shared/bench}
work=${PRAXIS_BENCH_WORK:-/tmp/praxis-bench}
praxis=${PRAXIS_BIN:-$PWD/.build/release/praxis}
python=${PRAXIS_PYTHON:-.build/browser-venv/bin/python}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)

[ -x "$praxis" ] || { echo "search-benchmark: build praxis first: swift build -c release --product praxis" >&2; exit 1; }
[ -x "$python" ] || { echo "search-benchmark: $python not found (./build.sh bench sets it up)" >&2; exit 1; }
[ -f "$bench/gen-corpus.py" ] || { echo "search-benchmark: $bench/gen-corpus.py not found (set PRAXIS_BENCH)" >&2; exit 1; }

mkdir -p "$work"
sites=()
for practices in "${sizes[@]}"; do
  corpus=$work/corpus-$practices
  if [ ! -f "$corpus/.complete" ]; then
    echo "Generating $practices practices into $corpus ..."
    python3 "$bench/gen-corpus.py" --practices "$practices" --out "$corpus" --force >/dev/null
    touch "$corpus/.complete"
  fi
  rm -rf "$work/search-$practices"
  "$praxis" build "$corpus" --output "$work/search-$practices"
  sites+=("$work/search-$practices")
done
echo
"$python" scripts/search-bytes.py "${sites[@]}"
