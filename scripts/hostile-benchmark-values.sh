#!/usr/bin/env bash
# Hostile sizes of front matter stay linear: time and peak memory of `praxis build` for growing
# inputs, with the parse and facets stages (from --verbose) apart. Figures, not a test: run it
# by hand on an idle machine and compare the rows of one kind (each size is double the last).
#
#   scripts/hostile-benchmark-values.sh [MAX]      MAX: the largest size (default 100000)
#
#   PRAXIS_BIN         the praxis to measure (default the release build, else the debug build)
#   PRAXIS_BENCH_WORK  where the site roots go (default /tmp/praxis-bench)
#   KINDS              the kinds to run (default "tags lines spread bomb")
#
# Kinds:
#   tags      one practice with N distinct tags (half Latin, half Cyrillic): N tag pages
#   lines     one practice whose front matter is N lines (a media: list, 4 lines an item)
#   spread    N/10 practices with 10 tags each, drawn from N/2 spellings (collision check)
#   bomb      the ten-line alias bomb, N/10,000 copies in one practice (refused at once)
set -euo pipefail
cd "$(dirname "$0")/.."

max=${1:-100000}
work=${PRAXIS_BENCH_WORK:-/tmp/praxis-bench}/hostile-values
praxis=${PRAXIS_BIN:-$PWD/.build/release/praxis}
[ -x "$praxis" ] || praxis=$PWD/.build/debug/praxis
[ -x "$praxis" ] || { echo "build praxis first: swift build -c release --product praxis" >&2; exit 1; }
mkdir -p "$work"

# site KIND N: writes a site root for KIND with size N into $work/KIND-N.
site() {
  python3 - "$work/$1-$2" "$1" "$2" <<'PY'
import os, sys, shutil
root, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.rmtree(root, ignore_errors=True)
os.makedirs(f"{root}/content/practices"); os.makedirs(f"{root}/seeds")
open(f"{root}/content/site.yaml", "w").write(
    "title: Bench\nbase_url: https://example.org/\nfacets:\n  fields:\n    label: Feld\n    values: {a: A}\n")
def practice(name, extra):
    open(f"{root}/content/practices/{name}.md", "w").write(
        f"---\ntitle: {name}\nsummary: S\nfields: [a]\n{extra}---\nText.\n")
cyr = "абвгдежзиклмнопрстуфхцчшщ"
def word(i, script):
    letters = cyr if script else "abcdefghiklmnopqrstuvwxyz"
    out = ""
    while True:
        out += letters[i % 25]; i //= 25
        if i == 0: return out
if kind == "tags":
    practice("p", "tags:\n" + "".join(f"  - {word(i, i % 2)}-{i}\n" for i in range(n)))
elif kind == "lines":
    practice("p", "media:\n" + "".join(f"  - type: video\n    url: https://example.org/v/{i}\n    title: Video {i}\n    credit: C\n"
                                       for i in range(n // 4)))
elif kind == "spread":
    for p in range(n // 10):
        practice(f"p{p}", "tags: [" + ", ".join(f"{word((p * 7 + k) % (n // 2), k % 2)}" for k in range(10)) + "]\n")
elif kind == "bomb":
    bomb = ""
    for c in range(max(1, n // 10000)):
        bomb += f"a{c}: &a{c} [x, x, x, x, x, x, x, x, x, x]\n"
        prev = f"a{c}"
        for level in "bcdefghi":
            bomb += f"{level}{c}: &{level}{c} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
            prev = f"{level}{c}"
    practice("p", bomb)
PY
}

printf '%-7s %8s %10s %10s %10s %12s %s\n' kind size "total s" "parse s" "facets s" "peak MiB" status
for kind in ${KINDS:-tags lines spread bomb}; do
  size=$((max / 8))
  while [ "$size" -le "$max" ]; do
    site "$kind" "$size"
    out=$work/out
    rm -rf "$out"
    log=$work/log
    status=0
    /usr/bin/time -v "$praxis" build "$work/$kind-$size" --output "$out" --verbose >"$log" 2>&1 || status=$?
    total=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
    peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
    parse=$(grep -oE '^ *parse[: ]+[0-9.]+' "$log" | grep -oE '[0-9.]+$' | head -1 || true)
    facets=$(grep -oE '^ *facets[: ]+[0-9.]+' "$log" | grep -oE '[0-9.]+$' | head -1 || true)
    printf '%-7s %8s %10s %10s %10s %12s %s\n' "$kind" "$size" "$total" "${parse:--}" "${facets:--}" "$peak" \
      "$([ "$status" = 0 ] && echo built || echo "exit $status: $(grep -m1 '^error:' "$log" | cut -c1-70)")"
    size=$((size * 2))
  done
done
