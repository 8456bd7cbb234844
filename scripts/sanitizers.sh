#!/usr/bin/env bash
# The XCTest suite under AddressSanitizer and ThreadSanitizer.
#
#   scripts/sanitizers.sh [address|thread ...] [-- FILTER]
#
# Each sanitizer builds in a scratch path of its own (.build-asan, .build-tsan; the normal .build
# is not touched) and runs `swift test` there. The tests start the `praxis` executable next to the
# test bundle (Tests/PraxisTests/Support/PraxisCommand.swift), so the sanitized executable runs
# too: rendering and search in parallel, serve's server and watcher. What the sanitizers report,
# in the test process and in every praxis it starts, is written to .build-{asan,tsan}/reports/
# (log_path) instead of mixing with the output the tests read; the script prints those reports,
# and fails when there is one or when a test fails. FILTER (after --) is passed as --filter.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"

kinds=()
filter=()
while [ $# -gt 0 ]; do
  case "$1" in
    address|thread) kinds+=("$1") ;;
    --) shift; [ $# -gt 0 ] && filter=(--filter "$1"); break ;;
    *) echo "sanitizers.sh: unknown argument '$1' (use: address, thread, -- FILTER)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)

failed=()
for kind in "${kinds[@]}"; do
  case "$kind" in address) scratch=.build-asan ;; thread) scratch=.build-tsan ;; esac
  reports="$PWD/$scratch/reports"
  rm -rf "$reports"; mkdir -p "$reports"
  # lld links: gold stops with an internal error on sanitized objects.
  flags=(--scratch-path "$scratch" --sanitize="$kind" -Xswiftc -use-ld=lld)
  echo "== $kind: building into $scratch"
  swift build --build-tests "${flags[@]}"
  echo "== $kind: swift test (reports: $reports/)"
  started=$SECONDS
  # Leaks are not checked: the Swift runtime keeps metadata and caches for the process's life.
  status=0
  # The Swift runtime's own crash handler stays off: the sanitizers report its memory reads of a
  # crashed process as errors of their own, hiding the real failure.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=0" TSAN_OPTIONS="log_path=$reports/tsan" \
    swift test --skip-build --disable-swift-testing "${flags[@]}" "${filter[@]}" || status=$?
  echo "== $kind: swift test exited $status after $((SECONDS - started)) s"
  found=$(find "$reports" -type f | sort)
  if [ -n "$found" ]; then
    echo "== $kind: $(echo "$found" | wc -l) report file(s):"
    for file in $found; do echo "--- $file"; cat "$file"; done
  else
    echo "== $kind: no report"
  fi
  if [ "$status" != 0 ] || [ -n "$found" ]; then failed+=("$kind"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "sanitizers.sh: failed under ${failed[*]}" >&2
  exit 1
fi
echo "sanitizers.sh: the suite passes under ${kinds[*]} with no report"
