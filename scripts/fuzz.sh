#!/usr/bin/env bash
# Fuzzing with libFuzzer: builds the fuzz targets and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS (default 60) is each target's run time (-max_total_time); TARGET is one or more of
# front-matter, links, slug, search-text (default: all four, one after the other).
#
# The targets (Fuzz/Targets/<name>/) exist only when PRAXIS_FUZZ=1 (see Package.swift) and are built
# with -sanitize=fuzzer,address into a scratch path of their own, .build-fuzz, so the normal build
# never sees them. Each run starts from the committed seed corpus Fuzz/corpus/<name>/ (read only);
# what libFuzzer finds new goes to .build-fuzz/corpus/<name>/, kept between runs. An input that
# crashes, trips AddressSanitizer, runs longer than 10 s (-timeout) or takes more than 2 GB
# (-rss_limit_mb) is a finding: it is saved under Fuzz/findings/<name>/ (not committed), the other
# targets still run, and the script exits 1. Reproduce one with
#   .build-fuzz/debug/fuzz-<name> Fuzz/findings/<name>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"

all_targets=(front-matter links slug search-text)
seconds=60
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || {
    echo "fuzz.sh: unknown target '$target' (use: ${all_targets[*]})" >&2; exit 2; }
done

scratch=.build-fuzz
export PRAXIS_FUZZ=1
# Debug (the @testable import needs it). Package.swift instruments PraxisCore and the targets for
# libFuzzer's coverage and AddressSanitizer; -Xcc does the same for the C code (Yams' libyaml).
flags=(--scratch-path "$scratch" -Xcc -fsanitize=fuzzer-no-link,address)
for target in "${targets[@]}"; do
  echo "== building fuzz-$target"
  swift build "${flags[@]}" --product "fuzz-$target"
done

failed=()
for target in "${targets[@]}"; do
  work="$scratch/corpus/$target"
  findings="Fuzz/findings/$target"
  mkdir -p "$work" "$findings"
  echo "== fuzz-$target for $seconds s (seeds: Fuzz/corpus/$target, findings: $findings/)"
  log="$scratch/fuzz-$target.log"
  # Leaks are not findings here: the Swift runtime keeps metadata caches for the process's life.
  # libFuzzer's whole output goes to the log; its end (the finding, the stack, the stats) is shown.
  # The Swift runtime's own crash handler stays off: AddressSanitizer reports its memory reads of a
  # crashed process as a stack-buffer-underflow, hiding the real failure.
  if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$scratch/debug/fuzz-$target" "$work" "Fuzz/corpus/$target" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 8 "$log"
    echo "== fuzz-$target: no finding in $seconds s"
  else
    tail -n 60 "$log"
    echo "== fuzz-$target: FINDING, see $findings/ and $log" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]} (inputs under Fuzz/findings/)" >&2
  exit 1
fi
echo "fuzz.sh: no finding in ${targets[*]}"
