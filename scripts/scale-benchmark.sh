#!/usr/bin/env bash
# Scale benchmark: praxis build from 1,000 to 100,000 practices, Hugo beside it up to 50,000.
#
#   scripts/scale-benchmark.sh                         (all sizes: 1000 10000 50000 100000)
#   SIZES="1000 10000" scripts/scale-benchmark.sh      (in parts; the 100k corpus alone takes minutes)
#   scripts/scale-benchmark.sh --table                 (no runs: the table of every size measured so far)
#
#   SIZES       the corpus sizes, in practices
#   RUNS        runs of each generator up to 10,000 practices (default 3)
#   RUNS_LARGE  runs above 10,000 (default 1: Hugo at 50,000 takes ~3 min and 8 GiB)
#   HUGO_MAX    the largest size Hugo runs at (default 50000; 0 for none)
#
# At each size praxis and Hugo alternate, each with a fresh output folder. Prints a Markdown
# table: median wall time, CPU (user+sys) / wall, peak RSS, wall time per practice and its ratio
# to the 10,000-practice figure, files written; then issue 9's targets at 100,000 practices
# (per practice <= 1.2x the 10k figure, peak <= 1 GiB) with PASS or FAIL. Each size's runs are
# kept in $PRAXIS_BENCH_WORK/scale/ (default /tmp/praxis-bench): when 10,000 is not among SIZES,
# the ratio uses the 10k figure of an earlier run and says so (the machine's speed drifts: best
# measured in one invocation). Corpora are generated once and kept (100,000 practices: ~800 MB).
#
# Needs what scripts/benchmark.sh needs (./build.sh bench installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a sizes <<<"${SIZES:-1000 10000 50000 100000}"
table_only=false
[ "${1:-}" != --table ] || table_only=true
runs_small=${RUNS:-3}
runs_large=${RUNS_LARGE:-1}
hugo_max=${HUGO_MAX:-50000}
source scripts/bench-corpus.sh
require_tools scale-benchmark
[ "$hugo_max" = 0 ] || require_command scale-benchmark hugo hugo
[ -x /usr/bin/time ] || { echo "scale-benchmark: GNU time not found (apt-get install time)" >&2; exit 1; }

results=$work/scale
mkdir -p "$results"
if $table_only; then
  read -r -a sizes <<<"$(ls "$results" | sed -n 's/^praxis-\([0-9]*\)\.txt$/\1/p' | sort -n | tr '\n' ' ')"
  [ ${#sizes[@]} -gt 0 ] || { echo "scale-benchmark: nothing measured yet in $results" >&2; exit 1; }
  echo "Scale benchmark: the runs kept in $results"
else
  echo "Scale benchmark: ${sizes[*]} practices (load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; output in $out: $(df --output=fstype "$out" | tail -1))"
  echo "size    round  generator  wall(s)  cpu/wall  peak(MiB)  files   load (1-minute load average as the run starts)"
fi
for practices in "${sizes[@]}"; do
  $table_only && break
  runs=$runs_small
  [ "$practices" -le 10000 ] || runs=$runs_large
  generators=(praxis)
  [ "$practices" -gt "$hugo_max" ] || generators+=(hugo)
  corpus_of "$practices"
  [ "$practices" -gt "$hugo_max" ] || hugo_site_of "$practices"
  warm_cache "$corpus/"
  for generator in "${generators[@]}"; do : >"$results/$generator-$practices.tmp"; done
  for run in $(seq 1 "$runs"); do
    for generator in "${generators[@]}"; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      if [ "$generator" = praxis ]; then
        read -r wall user sys kib files < <(timed "$out/out-scale" "$praxis" build "$corpus" --output "$out/out-scale")
      else
        read -r wall user sys kib files < <(timed "$out/out-scale" hugo --quiet --ignoreCache -s "$hugo_site" -d "$out/out-scale")
      fi
      echo "$wall $user $sys $kib $files" >>"$results/$generator-$practices.tmp"
      awk -v n="$practices" -v r="$run" -v g="$generator" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kib" -v f="$files" -v l="$load" \
        'BEGIN { printf "%6d  %5d  %-9s  %7.2f  %8.2f  %9.0f  %5s  %5.2f\n", n, r, g, w, (u + s) / w, k / 1024, f, l }'
    done
  done
  for generator in "${generators[@]}"; do
    mv "$results/$generator-$practices.tmp" "$results/$generator-$practices.txt"
    date '+%Y-%m-%d %H:%M' >"$results/$generator-$practices.date"
  done
done

# figures GENERATOR N: "runs wall cpu/wall peak_mib files" (medians) of the stored runs, or nothing.
figures() {
  local file=$results/$1-$2.txt
  [ -s "$file" ] || return 0
  echo "$(wc -l <"$file") $(column "$file" 1 | median) $(awk '{ print ($2 + $3) / $1 }' "$file" | median)" \
    "$(awk '{ print $4 / 1024 }' "$file" | median) $(column "$file" 5 | median)"
}
reference_note=""
if $table_only || [[ " ${sizes[*]} " != *" 10000 "* ]]; then
  if [ -s "$results/praxis-10000.txt" ]; then
    $table_only || reference_note=" (the 10,000 figures: an earlier run, $(cat "$results/praxis-10000.date"))"
  else
    reference_note=" (no 10,000 figures yet: SIZES=10000 $0)"
  fi
fi

echo
echo "Medians; per practice = wall / practices, relative to the same generator at 10,000$reference_note:"
echo
echo "| practices | generator | runs | wall s | CPU/wall | peak RSS MiB | ms per practice | vs 10k | files written | measured |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
for practices in "${sizes[@]}"; do
  for generator in praxis hugo; do
    row=$(figures "$generator" "$practices")
    [ -n "$row" ] || continue
    reference=$(figures "$generator" 10000 | cut -d' ' -f2)
    awk -v n="$practices" -v g="$generator" -v row="$row" -v ref="${reference:-}" -v when="$(cat "$results/$generator-$practices.date")" 'BEGIN {
      split(row, f, " "); per = f[2] * 1000 / n
      relative = ref == "" ? "–" : sprintf("%.2fx", per / (ref * 1000 / 10000))
      printf "| %d | %s | %d | %.2f | %.2f | %.0f | %.2f | %s | %d | %s |\n", n, g, f[1], f[2], f[3], f[4], per, relative, f[5], when }'
  done
done

verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= l : v >= l; print ok ? "PASS" : "FAIL" }'; }
echo
echo "Issue 9's targets for praxis:"
[[ " ${sizes[*]} " == *" 10000 "* || " ${sizes[*]} " == *" 100000 "* ]] || echo "  (set at 10,000 and 100,000 practices: none measured in this run)"
if [[ " ${sizes[*]} " == *" 10000 "* ]]; then
  read -r _ _ cpu_wall peak _ < <(figures praxis 10000)
  printf '  10,000:  CPU/wall >= 1.7          %6.2f      %s\n' "$cpu_wall" "$(verdict "$cpu_wall" ">=" 1.7)"
  printf '  10,000:  peak RSS <= 256 MiB      %6.0f MiB  %s\n' "$peak" "$(verdict "$peak" "<=" 256)"
fi
if [[ " ${sizes[*]} " == *" 100000 "* ]]; then
  read -r _ wall _ peak _ < <(figures praxis 100000)
  reference=$(figures praxis 10000 | cut -d' ' -f2)
  if [ -n "$reference" ]; then
    relative=$(awk -v w="$wall" -v r="$reference" 'BEGIN { printf "%.2f", (w / 100000) / (r / 10000) }')
    printf '  100,000: per practice <= 1.2x 10k %6.2fx     %s%s\n' "$relative" "$(verdict "$relative" "<=" 1.2)" "$reference_note"
  fi
  printf '  100,000: peak RSS <= 1024 MiB     %6.0f MiB  %s\n' "$peak" "$(verdict "$peak" "<=" 1024)"
fi
