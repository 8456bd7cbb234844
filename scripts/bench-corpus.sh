# Shared by the benchmark scripts (sourced, not run): where the corpora and the binary are, the
# synthetic catalogue of N practices (generated once by ../shared/bench/gen-corpus.py), its Hugo
# twin and its Markdown floor, and one timed run with GNU time.
#
#   PRAXIS_BENCH       the shared bench/ folder (default ../shared/bench)
#   PRAXIS_BENCH_WORK  where corpora and outputs go (default /tmp/praxis-bench)
#   PRAXIS_BIN         the praxis to measure (default the release build)
#   PRAXIS_BENCH_OUT   where the generators write their output (default $PRAXIS_BENCH_WORK); a RAM disk
#                      such as /dev/shm takes this machine's file system out of the comparison (see
#                      README "Speed": its ext4 slows every file made soon after a large delete)
#
# A corpus is $PRAXIS_BENCH_WORK/corpus-N, complete once corpus-N.complete exists beside it (the
# marker lies outside the corpus, so a corpus made elsewhere can be used read-only through a
# symbolic link: ln -s /tmp/corpus-10k $work/corpus-10000 && touch $work/corpus-10000.complete).

bench=${PRAXIS_BENCH:-../shared/bench}
work=${PRAXIS_BENCH_WORK:-/tmp/praxis-bench}
praxis=${PRAXIS_BIN:-$PWD/.build/release/praxis}
out=${PRAXIS_BENCH_OUT:-$work}

# require_tools NAME: stops with NAME's message when the binary or the generator is missing.
require_tools() {
  [ -x "$praxis" ] || { echo "$1: build praxis first: swift build -c release --product praxis" >&2; exit 1; }
  [ -f "$bench/gen-corpus.py" ] || { echo "$1: $bench/gen-corpus.py not found (set PRAXIS_BENCH)" >&2; exit 1; }
  mkdir -p "$work" "$out"
}

# require_command NAME COMMAND PACKAGE: stops when COMMAND is not installed.
require_command() {
  command -v "$2" >/dev/null || { echo "$1: $2 not found (apt-get install $3; ./build.sh bench installs it)" >&2; exit 1; }
}

# corpus_of N: the corpus folder of N practices, generated when missing; sets $corpus.
corpus_of() {
  corpus=$work/corpus-$1
  [ -f "$corpus.complete" ] && return
  # The marker of earlier versions of this script, inside the corpus.
  if [ -f "$corpus/.complete" ]; then touch "$corpus.complete"; return; fi
  echo "Generating $1 practices into $corpus (at 100,000 practices: minutes) ..." >&2
  rm -rf "$corpus"
  python3 "$bench/gen-corpus.py" --practices "$1" --out "$corpus" --force >/dev/null
  touch "$corpus.complete"
}

# hugo_site_of N: the Hugo twin of corpus N (shared bench/hugo-site.py), written once; sets $hugo_site.
hugo_site_of() {
  corpus_of "$1"
  hugo_site=$work/hugo-site-$1
  [ -f "$hugo_site.complete" ] && return
  echo "Writing the Hugo site of $1 practices into $hugo_site ..." >&2
  rm -rf "$hugo_site"
  python3 "$bench/hugo-site.py" "$corpus" --out "$hugo_site" 2>/dev/null
  touch "$hugo_site.complete"
}

# bodies_of N: every practice body of corpus N (front matter cut off) in one file, the input of
# the cmark-gfm floor (shared bench/README.md, section 5); sets $bodies.
bodies_of() {
  corpus_of "$1"
  bodies=$work/bodies-$1.md
  [ -f "$bodies.complete" ] && return
  # The README's `awk 'n>=2; /^---$/ && n<2 {n++}' FILE; echo` per file, in one process.
  python3 - "$corpus/content/practices" "$bodies" <<'PYTHON'
import os, sys
folder, target = sys.argv[1], sys.argv[2]
with open(target, "wb") as out:
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(folder, name), "rb") as file:
            lines = file.read().split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        seen = 0
        for line in lines:
            if seen >= 2:
                out.write(line + b"\n")
            if line == b"---" and seen < 2:
                seen += 1
        out.write(b"\n")
PYTHON
  touch "$bodies.complete"
}

# warm_cache DIR...: reads every file once, so that no generator pays for the first read.
warm_cache() {
  find "$@" -type f -exec cat {} + >/dev/null
}

# timed OUTPUT COMMAND...: one run of COMMAND with a fresh OUTPUT folder (removed before and after,
# not timed; "-" for none), stdout to $work/stdout.txt; prints "wall user sys peak_kib files".
# Stops with the command's error output when it fails.
timed() {
  local output=$1; shift
  [ "$output" = - ] || rm -rf "$output"
  sync
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt"; then
    echo "failed: $*" >&2
    tail -n 20 "$work/stderr.txt" >&2
    exit 1
  fi
  local files=0
  if [ "$output" != - ]; then files=$(find "$output" -type f | wc -l); rm -rf "$output"; fi
  echo "$(tail -n 1 "$work/time.txt") $files"
}

# median: the median of the numbers on stdin, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# column FILE N: the Nth field of every line of FILE.
column() { awk -v n="$2" '{ print $n }' "$1"; }
