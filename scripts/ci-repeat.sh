#!/usr/bin/env bash
# CI under load: `./build.sh test` N times in a row on a clean clone, with a CPU hog beside it.
#
#   scripts/ci-repeat.sh [N]        (N = 5 by default)
#
# Clones the commit checked out here (HEAD; uncommitted changes are not part of it) into a fresh
# temporary folder, starts one `yes >/dev/null` per core so that every timing in the suite runs on a
# loaded machine, and runs `./build.sh test` in the clone N times (the first run builds everything
# from scratch, as CI does). Prints pass or fail and the time of each run; the log of each run is
# kept in a folder printed at the start (the clone itself is removed at the end). Exits 1 when a run
# failed. The hogs are stopped however the script ends. Needs root like .ci/run (build.sh installs
# Debian packages).
set -euo pipefail
runs=${1:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "ci-repeat.sh: N must be a positive number, not '$runs'" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d "${TMPDIR:-/tmp}/praxis-ci-XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/praxis-ci-logs-XXXXXX")
hogs=()
stop() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${hogs[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

git clone -q "$repo" "$work/praxis"
git -C "$work/praxis" checkout -q --detach "$commit"
cores=$(nproc)
for _ in $(seq "$cores"); do
  yes >/dev/null &
  hogs+=($!)
done
echo "ci-repeat: $runs runs of ./build.sh test on a clean clone of $commit, $cores CPU hogs beside it"
echo "ci-repeat: logs in $logs"

failures=0
for run in $(seq "$runs"); do
  log="$logs/run-$run.log"
  started=$SECONDS
  if (cd "$work/praxis" && ./build.sh test) >"$log" 2>&1; then
    result=pass
  else
    result=FAIL
    failures=$((failures + 1))
  fi
  echo "run $run: $result in $((SECONDS - started)) s ($log)"
  if [ "$result" = FAIL ]; then
    grep -E "error:|FAILED|failed|Error" "$log" | tail -n 20 | sed 's/^/    /' || true
  fi
done
echo "ci-repeat: $((runs - failures)) of $runs runs passed"
[ "$failures" = 0 ]
