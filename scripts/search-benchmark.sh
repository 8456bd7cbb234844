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

source scripts/bench-corpus.sh
python=${PRAXIS_PYTHON:-.build/browser-venv/bin/python}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)

require_tools search-benchmark
[ -x "$python" ] || { echo "search-benchmark: $python not found (./build.sh bench sets it up)" >&2; exit 1; }

sites=()
for practices in "${sizes[@]}"; do
  corpus_of "$practices"
  rm -rf "$work/search-$practices"
  "$praxis" build "$corpus" --output "$work/search-$practices"
  sites+=("$work/search-$practices")
done
echo
"$python" scripts/search-bytes.py "${sites[@]}"
