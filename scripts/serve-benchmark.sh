#!/usr/bin/env bash
# Benchmark of `praxis serve`: how long every kind of edit takes to be served.
#
#   scripts/serve-benchmark.sh [PRACTICES] [EDITS]      (default 10000 practices, 5 edits of each kind)
#   KINDS=body,title scripts/serve-benchmark.sh 1000    (only some kinds; see scripts/serve-benchmark.py)
#   STAGES=1 scripts/serve-benchmark.sh                 (also the server's time of each stage per edit)
#
# Serves a copy of the synthetic catalogue (scripts/bench-corpus.sh's corpus; the copy gets the
# default theme in themes/default/, so that templates and strings can be edited) with `praxis
# serve`, and measures it from the outside (scripts/serve-benchmark.py): for every kind of edit
# (body, summary, title, tags, fields, updated, partner, day, template, strings, add, delete) the
# time from writing the file to the server-sent `reload` event, median of EDITS, and after the
# event one fetch of a page that shows the change, checked. Prints a Markdown table with PASS (median
# <= 100 ms and every page showed the change) or FAIL per kind.
#
# Needs the shared bench/ folder beside the repository (or PRAXIS_BENCH=path/to/bench), python3,
# and a release build of praxis (swift build -c release --product praxis).
set -euo pipefail
cd "$(dirname "$0")/.."

practices=${1:-10000}
edits=${2:-5}
source scripts/bench-corpus.sh
require_tools serve-benchmark
corpus_of "$practices"

# The benchmark edits its site: a copy (the corpus may be a symbolic link to a folder that must
# stay as generated), with the theme the binary carries copied in.
site=$work/serve-site-$practices
rm -rf "$site"
mkdir -p "$site/themes"
cp -r "$corpus/content" "$corpus/seeds" "$site/"
cp -r themes/default "$site/themes/default"
[ ! -L "$site/content" ] && [ ! -L "$site/seeds" ] || { echo "serve-benchmark: $site is not a copy" >&2; exit 1; }
trap 'rm -rf "$site"' EXIT

echo "praxis serve, $practices practices, $edits edits of each kind (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 scripts/serve-benchmark.py "$praxis" "$site" --edits "$edits" ${KINDS:+--kinds "$KINDS"} ${STAGES:+--stages}
