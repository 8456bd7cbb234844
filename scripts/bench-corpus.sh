# Shared by the benchmark scripts (sourced, not run): where the corpora and the binary are, and
# the synthetic catalogue of N practices, generated once by ../shared/bench/gen-corpus.py.
#
#   PRAXIS_BENCH       the shared bench/ folder (default ../shared/bench)
#   PRAXIS_BENCH_WORK  where corpora and outputs go (default /tmp/praxis-bench)
#   PRAXIS_BIN         the praxis to measure (default the release build)

bench=${PRAXIS_BENCH:-../shared/bench}
work=${PRAXIS_BENCH_WORK:-/tmp/praxis-bench}
praxis=${PRAXIS_BIN:-$PWD/.build/release/praxis}

# require_tools NAME: stops with NAME's message when the binary or the generator is missing.
require_tools() {
  [ -x "$praxis" ] || { echo "$1: build praxis first: swift build -c release --product praxis" >&2; exit 1; }
  [ -f "$bench/gen-corpus.py" ] || { echo "$1: $bench/gen-corpus.py not found (set PRAXIS_BENCH)" >&2; exit 1; }
  mkdir -p "$work"
}

# corpus_of N: the corpus folder of N practices, generated when missing; sets $corpus.
corpus_of() {
  corpus=$work/corpus-$1
  if [ ! -f "$corpus/.complete" ]; then
    echo "Generating $1 practices into $corpus ..."
    python3 "$bench/gen-corpus.py" --practices "$1" --out "$corpus" --force >/dev/null
    touch "$corpus/.complete"
  fi
}
