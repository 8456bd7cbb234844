#!/usr/bin/env bash
# Stage benchmark: where `praxis build` spends its time, per stage, as a Markdown table.
#
#   scripts/stage-benchmark.sh [PRACTICES] [RUNS]      (default 10000 practices, 3 runs)
#   PRAXIS_BEFORE=/tmp/praxis-old scripts/stage-benchmark.sh     (a column for an older binary too)
#
# Runs `praxis build CORPUS --output DIR --verbose` RUNS times (fresh output folder each time;
# with PRAXIS_BEFORE the two binaries alternate) and prints, per stage that --verbose names, the
# median of its seconds, then praxis's own total, the process's wall time, CPU (user+sys) and peak
# RSS (GNU time), medians too. Stages are listed in the order the build prints them; a stage one
# binary does not have shows as "–".
#
# Needs what scripts/benchmark.sh needs, without Hugo.
set -euo pipefail
cd "$(dirname "$0")/.."

practices=${1:-10000}
runs=${2:-3}
source scripts/bench-corpus.sh
require_tools stage-benchmark
[ -x /usr/bin/time ] || { echo "stage-benchmark: GNU time not found (apt-get install time)" >&2; exit 1; }
before=${PRAXIS_BEFORE:-}
[ -z "$before" ] || [ -x "$before" ] || { echo "stage-benchmark: PRAXIS_BEFORE=$before is not an executable" >&2; exit 1; }

corpus_of "$practices"
warm_cache "$corpus/"
binaries=(praxis)
[ -z "$before" ] || binaries=(before praxis)
results=$work/stages-$practices
rm -rf "$results"
mkdir -p "$results"
echo "praxis build --verbose, $practices practices, $runs runs$([ -z "$before" ] || echo ", alternating with $before") (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
for run in $(seq 1 "$runs"); do
  for binary in "${binaries[@]}"; do
    executable=$praxis
    [ "$binary" = praxis ] || executable=$before
    read -r wall user sys kib files < <(timed "$out/out-stages" "$executable" build "$corpus" --output "$out/out-stages" --verbose)
    cp "$work/stdout.txt" "$results/$binary-$run.txt"
    echo "$wall $user $sys $kib $files" >"$results/$binary-$run.time"
    printf '  run %d %-6s %7.2f s wall, %5d files\n' "$run" "$binary" "$wall" "$files"
  done
done
echo

python3 - "$results" "$practices" "${binaries[@]}" <<'PYTHON'
import os, re, statistics, sys

folder, practices, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
stages, values, totals, process = [], {}, {}, {}
for binary in binaries:
    runs = sorted(name for name in os.listdir(folder) if name.startswith(binary + "-") and name.endswith(".txt"))
    for name in runs:
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            for line in file:
                # "  parse       4.583 s" (a stage), "Built ... in 15.47 s." (the total)
                stage = re.match(r"^\s+(\S.*?)\s+([\d.]+) s$", line.rstrip("\n"))
                if stage:
                    if stage.group(1) not in stages:
                        stages.append(stage.group(1))
                    values.setdefault((binary, stage.group(1)), []).append(float(stage.group(2)))
                total = re.match(r"^Built .* in ([\d.]+) s\.$", line.strip())
                if total:
                    totals.setdefault(binary, []).append(float(total.group(1)))
        with open(os.path.join(folder, name[:-4] + ".time"), encoding="ascii") as file:
            wall, user, system, kib, _ = (float(v) for v in file.read().split())
        process.setdefault(binary, []).append((wall, user + system, kib / 1024))

def cell(numbers, form="%.2f"):
    return form % statistics.median(numbers) if numbers else "–"

names = {"praxis": "praxis", "before": "before (PRAXIS_BEFORE)"}
print(f"Stage times of `praxis build --verbose`, {practices} practices, median of {len(process[binaries[0]])} runs (seconds):")
print()
print("| stage | " + " | ".join(names[b] for b in binaries) + " |")
print("|---|" + "---:|" * len(binaries))
for stage in stages:
    print(f"| {stage} | " + " | ".join(cell(values.get((b, stage), [])) for b in binaries) + " |")
print("| total (praxis's own) | " + " | ".join(cell(totals.get(b, [])) for b in binaries) + " |")
print("| wall (process) | " + " | ".join(cell([p[0] for p in process[b]]) for b in binaries) + " |")
print("| CPU user+sys | " + " | ".join(cell([p[1] for p in process[b]]) for b in binaries) + " |")
print("| CPU / wall | " + " | ".join(cell([p[1] / p[0] for p in process[b]]) for b in binaries) + " |")
print("| peak RSS MiB | " + " | ".join(cell([p[2] for p in process[b]], "%.0f") for b in binaries) + " |")
PYTHON
