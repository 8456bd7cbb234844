#!/usr/bin/env bash
# Benchmark of `praxis serve`: how long an edit takes to be served, beside a full build.
#
#   scripts/serve-benchmark.sh [PRACTICES] [EDITS]      (default 10000 practices, 5 edits of each kind)
#
# Needs the shared bench/ folder beside the repository (or PRAXIS_BENCH=path/to/bench), python3,
# GNU time, and a release build of praxis (swift build -c release --product praxis).
#
# 1. A full build of the synthetic catalogue (scripts/benchmark.sh's corpus), wall time and peak
#    memory, into a fresh folder.
# 2. `praxis serve` on a copy of it, from the outside (scripts/serve-benchmark.py): per edit, the
#    time from the file's write to the server-sent `reload` event and to the first response of
#    the practice's page with the change, with the server's own stage times.
set -euo pipefail
cd "$(dirname "$0")/.."

practices=${1:-10000}
edits=${2:-5}
source scripts/bench-corpus.sh
require_tools serve-benchmark
[ -x /usr/bin/time ] || { echo "serve-benchmark: GNU time not found (apt-get install time)" >&2; exit 1; }

corpus_of "$practices"

echo "== full build: praxis build, $practices practices =="
rm -rf "$work/out-serve-benchmark"
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$praxis" build "$corpus" --output "$work/out-serve-benchmark" --verbose
read -r full_wall full_kib <"$work/time.txt"
printf 'full build: %s s wall, %d MiB peak\n\n' "$full_wall" $((full_kib / 1024))

echo "== praxis serve: edits of one practice, then added and deleted practices =="
# The benchmark edits its site: a copy of the corpus's folders (the corpus may be a symbolic
# link to a folder other benchmarks use, which must stay as generated).
site=$work/serve-site-$practices
rm -rf "$site"
mkdir -p "$site"
cp -r "$corpus/content" "$corpus/seeds" "$site/"
[ ! -L "$site/content" ] && [ ! -L "$site/seeds" ] || { echo "serve-benchmark: $site is not a copy" >&2; exit 1; }
python3 scripts/serve-benchmark.py "$praxis" "$site" --edits "$edits" | tee "$work/serve-benchmark.txt"
rm -rf "$site"

echo
echo "$practices practices: full build ${full_wall} s; praxis serve, medians from the write to the reload event:"
grep -E '^[a-z]+ +edit:' "$work/serve-benchmark.txt" | sed -E 's/^([a-z]+) +edit: reload event median +([0-9.]+) ms.*/  \1: \2 ms/'
