#!/usr/bin/env bash
# Benchmark: Praxis, Hugo and the Markdown floor on the same synthetic catalogue, in alternating runs.
#
#   scripts/benchmark.sh [PRACTICES] [RUNS]      (default 10000 practices, 3 runs each)
#
# Each round runs, one after the other, each with a fresh output folder:
#   praxis   praxis build CORPUS --output DIR (PRAXIS_BIN, default the release build)
#   hugo     Hugo 0.111 on the corpus's twin Hugo site (shared bench/hugo-site.py)
#   floor    cmark-gfm with its 5 extensions over every practice body in one file, one process
#            (shared bench/README.md, section 5): the Markdown work alone, output thrown away
#   before   only when PRAXIS_BEFORE=path/to/an/older/praxis is set: that binary, like praxis
# Prints every run, then the medians (wall, CPU = user+sys, CPU/wall, peak RSS, files written) as
# a Markdown table, the ratios praxis/hugo and praxis/floor (of the medians, with the range of the
# rounds' own ratios), and issue 9's targets with PASS or FAIL: wall <= 0.3x Hugo, <= 4x the
# floor, CPU/wall >= 1.7, peak <= 256 MiB (the issue sets them at 10,000 practices). Figures,
# not tests: the machine's speed drifts from hour to hour, compare only runs of one invocation.
#
# Needs the shared bench/ folder beside the repository (or PRAXIS_BENCH=path/to/bench), python3,
# hugo, cmark-gfm and GNU time (./build.sh bench installs them), and a release build of praxis.
set -euo pipefail
cd "$(dirname "$0")/.."

practices=${1:-10000}
runs=${2:-3}
source scripts/bench-corpus.sh
require_tools benchmark
require_command benchmark hugo hugo
require_command benchmark cmark-gfm cmark-gfm
[ -x /usr/bin/time ] || { echo "benchmark: GNU time not found (apt-get install time)" >&2; exit 1; }
before=${PRAXIS_BEFORE:-}
[ -z "$before" ] || [ -x "$before" ] || { echo "benchmark: PRAXIS_BEFORE=$before is not an executable" >&2; exit 1; }

hugo_site_of "$practices"
bodies_of "$practices"
warm_cache "$corpus/" "$hugo_site" "$bodies"

generators=(praxis hugo floor)
[ -z "$before" ] || generators+=(before)
# run_generator NAME: one timed run; prints "wall user sys peak_kib files".
run_generator() {
  case $1 in
    praxis) timed "$out/out-praxis" "$praxis" build "$corpus" --output "$out/out-praxis" ;;
    before) timed "$out/out-before" "$before" build "$corpus" --output "$out/out-before" ;;
    hugo) timed "$out/out-hugo" hugo --quiet --ignoreCache -s "$hugo_site" -d "$out/out-hugo" ;;
    floor) timed - cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e footnotes "$bodies" ;;
  esac
}

results=$work/benchmark-$practices
mkdir -p "$results"
for generator in "${generators[@]}"; do : >"$results/$generator.txt"; done
echo "$practices practices, $runs alternating rounds of: ${generators[*]} (load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; output in $out: $(df --output=fstype "$out" | tail -1))"
# load: the machine's 1-minute load average as the run starts (other work slows every figure).
echo "round  generator  wall(s)  cpu(s)  cpu/wall  peak(MiB)  files   load"
for run in $(seq 1 "$runs"); do
  for generator in "${generators[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r wall user sys kib files < <(run_generator "$generator")
    echo "$wall $user $sys $kib $files" >>"$results/$generator.txt"
    awk -v r="$run" -v g="$generator" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kib" -v f="$files" -v l="$load" \
      'BEGIN { printf "%5d  %-9s  %7.2f  %6.2f  %8.2f  %9.0f  %5s  %5.2f\n", r, g, w, u + s, (u + s) / w, k / 1024, f, l }'
  done
done

# The medians of one generator: "wall cpu cpu/wall peak_mib files".
medians() {
  local file=$results/$1.txt
  echo "$(column "$file" 1 | median) $(awk '{ print $2 + $3 }' "$file" | median)" \
    "$(awk '{ print ($2 + $3) / $1 }' "$file" | median) $(awk '{ print $4 / 1024 }' "$file" | median)" \
    "$(column "$file" 5 | median)"
}
declare -A label=([praxis]="praxis" [before]="praxis (PRAXIS_BEFORE)" [hugo]="hugo $(hugo version | grep -o 'v[0-9.]*' | head -1)"
                  [floor]="cmark-gfm floor (bodies only)")
echo
echo "Medians of $runs runs, $practices practices:"
echo
echo "| generator | wall s | CPU s (user+sys) | CPU/wall | peak RSS MiB | files written |"
echo "|---|---:|---:|---:|---:|---:|"
for generator in "${generators[@]}"; do
  read -r wall cpu ratio mib files < <(medians "$generator")
  [ "$generator" = floor ] && files="–"
  awk -v g="${label[$generator]}" -v w="$wall" -v c="$cpu" -v r="$ratio" -v m="$mib" -v f="$files" \
    'BEGIN { printf "| %s | %.2f | %.2f | %.2f | %.0f | %s |\n", g, w, c, r, m, f }'
done

# ratio A B WHAT (wall, cpu or peak): A's median / B's median, and the range of the rounds' own
# ratios (round i of A against round i of B); prints "ratio low high".
ratio() {
  local field; case $3 in wall) field=1 ;; cpu) field=2 ;; peak) field=4 ;; esac
  paste -d' ' "$results/$1.txt" "$results/$2.txt" |
    awk -v w="$3" -v m="$(medians "$1" | cut -d' ' -f$field) $(medians "$2" | cut -d' ' -f$field)" '
      function of(o) { return w == "wall" ? $(o + 1) : w == "cpu" ? $(o + 2) + $(o + 3) : $(o + 4) }
      { x = of(0) / of(5); lo = (NR == 1 || x < lo) ? x : lo; hi = (NR == 1 || x > hi) ? x : hi }
      END { split(m, f, " "); printf "%.2f %.2f %.2f\n", f[1] / f[2], lo, hi }'
}
echo
echo "Ratios (of the medians; in brackets the range of the rounds' own ratios):"
for other in hugo floor before; do
  [[ " ${generators[*]} " == *" $other "* ]] || continue
  read -r wall wlo whi < <(ratio praxis "$other" wall)
  read -r cpu clo chi < <(ratio praxis "$other" cpu)
  read -r peak plo phi < <(ratio praxis "$other" peak)
  printf '  praxis / %-6s  wall %6.2fx (%.2f-%.2f)   CPU %6.2fx (%.2f-%.2f)' "$other" "$wall" "$wlo" "$whi" "$cpu" "$clo" "$chi"
  [ "$other" = floor ] && echo || printf '   peak %5.2fx (%.2f-%.2f)\n' "$peak" "$plo" "$phi"
done

# verdict VALUE OP LIMIT: PASS or FAIL.
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= l : v >= l; print ok ? "PASS" : "FAIL" }'; }
read -r wall_hugo _ _ < <(ratio praxis hugo wall)
read -r wall_floor _ _ < <(ratio praxis floor wall)
read -r _ _ cpu_wall peak _ < <(medians praxis)
echo
echo "Issue 9's targets$([ "$practices" = 10000 ] || echo " (set at 10,000 practices; this run: $practices)"):"
printf '  wall <= 0.3x hugo             %7.2fx    %s\n' "$wall_hugo" "$(verdict "$wall_hugo" "<=" 0.3)"
printf '  wall <= 4x cmark-gfm floor    %7.2fx    %s  (the goal beyond: 1.5x, %s)\n' "$wall_floor" "$(verdict "$wall_floor" "<=" 4)" "$(verdict "$wall_floor" "<=" 1.5)"
printf '  CPU/wall >= 1.7               %7.2f     %s\n' "$cpu_wall" "$(verdict "$cpu_wall" ">=" 1.7)"
printf '  peak RSS <= 256 MiB           %7.0f MiB %s\n' "$peak" "$(verdict "$peak" "<=" 256)"
