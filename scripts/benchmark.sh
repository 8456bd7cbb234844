#!/usr/bin/env bash
# Benchmark: Praxis and Hugo on the same synthetic catalogue, in alternating runs.
#
#   scripts/benchmark.sh [PRACTICES] [RUNS]      (default 10000 practices, 3 runs each)
#
# Needs the shared bench/ folder beside the repository (or PRAXIS_BENCH=path/to/bench),
# python3, hugo and GNU time (./build.sh bench installs them), and a release build of praxis.
# The machine's speed drifts from hour to hour: compare only figures taken in one run of this
# script, where the two generators alternate. Prints wall time and peak memory per run and the
# medians.
set -euo pipefail
cd "$(dirname "$0")/.."

practices=${1:-10000}
runs=${2:-3}
source scripts/bench-corpus.sh
require_tools benchmark
command -v hugo >/dev/null || { echo "benchmark: hugo not found (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "benchmark: GNU time not found (apt-get install time)" >&2; exit 1; }

corpus_of "$practices"
if [ ! -f "$corpus-hugo/.complete" ]; then
  python3 "$bench/hugo-site.py" "$corpus" >/dev/null
  touch "$corpus-hugo/.complete"
fi

# One timed run: prints "wall_seconds peak_kib".
measure() {
  local output=$1; shift
  rm -rf "$output"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/praxis.txt"; : >"$work/hugo.txt"
echo "run  generator  wall(s)  peak(MiB)"
for run in $(seq 1 "$runs"); do
  read -r wall kib < <(measure "$work/out-hugo" hugo --quiet --ignoreCache -s "$corpus-hugo" -d "$work/out-hugo")
  echo "$wall $kib" >>"$work/hugo.txt"
  printf '%3d  %-9s  %7s  %9d\n' "$run" hugo "$wall" $((kib / 1024))
  read -r wall kib < <(measure "$work/out-praxis" "$praxis" build "$corpus" --output "$work/out-praxis")
  echo "$wall $kib" >>"$work/praxis.txt"
  printf '%3d  %-9s  %7s  %9d\n' "$run" praxis "$wall" $((kib / 1024))
done

praxis_wall=$(cut -d' ' -f1 "$work/praxis.txt" | median)
hugo_wall=$(cut -d' ' -f1 "$work/hugo.txt" | median)
praxis_mem=$(cut -d' ' -f2 "$work/praxis.txt" | median)
hugo_mem=$(cut -d' ' -f2 "$work/hugo.txt" | median)
echo
echo "$practices practices, $runs alternating runs each, medians:"
printf '  praxis  %6.2f s  %6d MiB  (%s files)\n' "$praxis_wall" $((${praxis_mem%.*} / 1024)) "$(find "$work/out-praxis" -type f | wc -l)"
printf '  hugo    %6.2f s  %6d MiB  (%s files)\n' "$hugo_wall" $((${hugo_mem%.*} / 1024)) "$(find "$work/out-hugo" -type f | wc -l)"
awk -v p="$praxis_wall" -v h="$hugo_wall" 'BEGIN { printf "  praxis wall time / hugo wall time: %.2f\n", p / h }'
