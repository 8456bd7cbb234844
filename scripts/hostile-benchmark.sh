#!/usr/bin/env bash
# Time and peak memory of `praxis build` on one practice with a huge or pathological body,
# to show that both grow linearly with the body (issue 8: up to a 20 MB body). Figures, not a
# test: run by hand, read the table.
#
#   scripts/hostile-benchmark.sh            # uses .build/release/praxis (swift build -c release --product praxis)
#   PRAXIS_BIN=.build/debug/praxis scripts/hostile-benchmark.sh
#
# Each row: the body, its size, whether the build passed or refused it (BodyLimits), wall
# seconds and peak resident memory (GNU time). Ordinary prose is measured at 1, 5 and 20 MB;
# the pathological inputs at two sizes each, so the ratio shows linear (about x4 for x4 input)
# against quadratic (x16) growth.
set -euo pipefail
cd "$(dirname "$0")/.."
praxis=${PRAXIS_BIN:-$PWD/.build/release/praxis}
work=${PRAXIS_BENCH_WORK:-/tmp/praxis-hostile-bench}
[ -x "$praxis" ] || { echo "hostile-benchmark: build praxis first: swift build -c release --product praxis" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "hostile-benchmark: needs GNU time (apt-get install time)" >&2; exit 1; }
mkdir -p "$work"

# site NAME: a site root whose one practice gets the body from stdin.
site() {
  local root=$work/$1
  rm -rf "$root"
  mkdir -p "$root/content/practices" "$root/seeds"
  cat > "$root/content/site.yaml" <<'YAML'
title: Benchmark
base_url: https://example.org/
language: de
facets:
  fields:
    label: Handlungsfeld
    values: { bildung: Bildung }
YAML
  { printf -- '---\ntitle: Groß\nsummary: Ein sehr langer Text.\nfields: [bildung]\n---\n'; cat; } > "$root/content/practices/gross.md"
  echo "$root"
}

# body KIND MEGABYTES: writes the body to stdout.
body() {
  python3 - "$1" "$2" <<'PY'
import sys
kind, size = sys.argv[1], int(float(sys.argv[2]) * 1024 * 1024)
units = {
    # Ordinary prose with the Markdown editors write: headings, emphasis, links, lists, tables.
    "prose": "## Abschnitt\n\nEin *gewöhnlicher* Absatz mit **Wörtern**, einem [Link](https://example.org/) und `Code`.\n"
             "Noch eine Zeile, damit der Absatz länger wird; auch Umlaute: äöüß.\n\n- eins\n- zwei\n  - drei\n\n"
             "| a | b |\n|---|---|\n| 1 | 2 |\n\n> Ein Zitat.\n\n",
    # Just within the limits, as often as the size allows.
    "quotes-32": "> " * 32 + "tief\n\n",
    "brackets-31": "![[]()" * 31 + "\n\n",
    "table-128": "|" + "a|" * 127 + "\n|" + "-|" * 127 + "\n" + ("|" + "x|" * 127 + "\n") * 50 + "\n",
    # cmark-gfm inputs that stay legal: one long paragraph of each.
    "at-signs": "a@",
    "comments": "a<!--",
    "underscores": "a_",
    "emphasis": "*a **b ",
    # Beyond the limits: refused before cmark-gfm (the time is the check's).
    "quotes-deep": ">" * 1000 + "a\n",
    "brackets-open": "![[]()",
}
unit = units[kind]
out = sys.stdout
written = 0
while written < size:
    out.write(unit)
    written += len(unit.encode())
PY
}

printf '%-14s %8s  %-8s %9s %10s\n' body size result seconds "peak MB"
run() {
  local kind=$1 megabytes=$2 root out
  root=$(body "$kind" "$megabytes" | site "$kind-$megabytes")
  out=$work/time.txt
  local status=0
  /usr/bin/time -f '%e %M' -o "$out" "$praxis" build "$root" --output "$root/public" > /dev/null 2> "$work/errors.txt" || status=$?
  read -r seconds kilobytes < <(tail -n 1 "$out")
  local result=built
  [ "$status" = 0 ] || result=refused
  printf '%-14s %6s MB  %-8s %9s %10s\n' "$kind" "$megabytes" "$result" "$seconds" "$((kilobytes / 1024))"
}

for size in 1 5 20; do run prose "$size"; done
for kind in quotes-32 brackets-31 table-128 at-signs comments underscores emphasis; do
  run "$kind" 1
  run "$kind" 4
done
run quotes-deep 20
run brackets-open 20
