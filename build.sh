#!/usr/bin/env bash
# Praxis: set up, build, and build the site.
#
#   ./build.sh          install what is missing, build praxis (release), build content/ into public/
#   ./build.sh test     the same set-up, then the whole test suite
#   ./build.sh bench    the same set-up, then the benchmark (scripts/benchmark.sh; see its header)
#
# System libraries come from Debian's packages: installed with apt-get when run as root,
# otherwise the exact command is printed and the script stops.
set -euo pipefail
cd "$(dirname "$0")"

command_name=${1:-build}
case "$command_name" in
  build|test|bench) ;;
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "build.sh: unknown command '$command_name' (use: build, test or bench)" >&2; exit 2 ;;
esac

# Debian packages the build needs: cmark-gfm with its extensions, pkg-config to find them.
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
if [ "$command_name" = bench ]; then packages+=(hugo hyperfine time python3); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Praxis needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# Swift: the toolchain of this machine image lives in /opt/swift when it is not on PATH.
if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  else
    echo "Praxis needs Swift 6 (swift.org/install); 'swift' was not found on PATH." >&2
    exit 1
  fi
fi

case "$command_name" in
  build)
    swift build -c release --product praxis
    .build/release/praxis build .
    ;;
  test)
    swift build --build-tests
    # XCTest only: an empty Swift Testing run would close the log with "0 tests".
    swift test --skip-build --disable-swift-testing
    ;;
  bench)
    swift build -c release --product praxis
    shift
    scripts/benchmark.sh "$@"
    ;;
esac
