#!/usr/bin/env bash
# Praxis: set up, build, and build the site.
#
#   ./build.sh          install what is missing, build praxis (release), build content/ into public/
#   ./build.sh test     the same set-up, then the whole test suite: swift test, then the browser
#                       checks (scripts/browser/check.py) on the catalogue and the rich test fixture,
#                       and praxis serve in the browser (scripts/browser/serve_check.py), then the CI recipes
#                       (scripts/ci-recipes-check.sh: schemas, shellcheck, plain-server.sh deployments)
#   ./build.sh bench [N [RUNS]]   the same set-up, then the benchmarks at N practices (10000): praxis
#                       against Hugo and the cmark-gfm floor (scripts/benchmark.sh), the 1k/10k scale
#                       table (scripts/scale-benchmark.sh), the stage table (scripts/stage-benchmark.sh),
#                       how fast praxis serve shows each kind of edit (scripts/serve-benchmark.sh) and
#                       the search's first-query bytes (scripts/search-benchmark.sh); see their headers
#   ./build.sh bench scale   the scale table at 1k, 10k, 50k and 100k practices (SIZES=... for fewer)
#   ./build.sh package [FOLDER]   the same set-up, then the Debian package praxis_<version>_<arch>.deb
#                       in the project root or FOLDER (scripts/package.sh); scripts/package-check.sh
#                       then installs it in a fresh Debian root that has never seen Swift
#
# System libraries come from Debian's packages: installed with apt-get when run as root,
# otherwise the exact command is printed and the script stops.
set -euo pipefail
cd "$(dirname "$0")"

command_name=${1:-build}
case "$command_name" in
  build|test|bench|package) ;;
  -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "build.sh: unknown command '$command_name' (use: build, test, bench or package)" >&2; exit 2 ;;
esac

# Debian packages the build needs: cmark-gfm with its extensions, pkg-config to find them.
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
if [ "$command_name" = bench ]; then packages+=(hugo hyperfine time python3 cmark-gfm); fi
# The browser checks of `test`: headless Chromium and its WebDriver, Java for the Nu validator,
# Debian's Python for their virtualenv, a font with Arial's metrics for the theme's font stack;
# pdfinfo (poppler-utils) for PrintTests, which count the pages Chromium prints. Every tool a test
# needs is installed here: a test never skips for a missing tool, it fails.
if [ "$command_name" = test ]; then
  packages+=(chromium chromium-driver default-jre-headless python3 python3-venv fonts-liberation poppler-utils)
  # rsync: docs/ci/plain-server.sh is run for real by scripts/ci-recipes-check.sh, which also
  # runs shellcheck on it and on the shell steps of the CI recipes.
  packages+=(rsync shellcheck)
fi
# The package: dpkg-shlibdeps (dpkg-dev) finds its Depends, strip (binutils) shrinks the binary,
# Python writes the copyright file.
if [ "$command_name" = package ]; then packages+=(dpkg-dev binutils python3); fi
# The search benchmark measures in the same browser.
if [ "$command_name" = bench ]; then packages+=(chromium chromium-driver python3-venv fonts-liberation); fi

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

# The browser checks' Python packages (test and bench), pinned in scripts/browser/requirements.txt, go into a
# virtualenv of their own (Debian's Python is externally managed); set up anew when the list changes.
browser_venv=.build/browser-venv
if [ "$command_name" != build ] && [ "$command_name" != package ] && ! cmp -s scripts/browser/requirements.txt "$browser_venv/requirements.txt"; then
  echo "Setting up $browser_venv ..."
  rm -rf "$browser_venv"
  /usr/bin/python3 -m venv "$browser_venv"
  "$browser_venv/bin/pip" install -q --disable-pip-version-check --no-deps -r scripts/browser/requirements.txt
  cp scripts/browser/requirements.txt "$browser_venv/requirements.txt"
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
    # Browser checks: valid HTML, axe-core and keyboard behaviour on every page of the catalogue
    # and of the rich fixture (a sub-path, two languages), built with the binary just tested.
    sites=$(mktemp -d)
    trap 'rm -rf "$sites"' EXIT
    .build/debug/praxis build . --output "$sites/catalogue"
    .build/debug/praxis build Tests/PraxisTests/Fixtures/rich-site --output "$sites/rich-site"
    "$browser_venv/bin/python" scripts/browser/check.py "$sites/catalogue" "$sites/rich-site"
    # praxis serve in the browser: live reload, the problem overlay, templates, added and deleted files.
    "$browser_venv/bin/python" scripts/browser/serve_check.py .build/debug/praxis .
    # The CI recipes of docs/ci/: schemas, their shell steps, and plain-server.sh deploying for real.
    scripts/ci-recipes-check.sh .build/debug/praxis
    ;;
  bench)
    swift build -c release --product praxis
    shift
    if [ "${1:-}" = scale ]; then
      scripts/scale-benchmark.sh
    else
      practices=${1:-10000}
      scripts/benchmark.sh "$@"
      echo
      SIZES=$(printf '%s\n' 1000 "$practices" | sort -nu | tr '\n' ' ') scripts/scale-benchmark.sh
      echo
      scripts/stage-benchmark.sh "$practices"
      echo
      scripts/serve-benchmark.sh "$practices"
      echo
      scripts/search-benchmark.sh $(printf '%s\n' 1000 "$practices" | sort -nu)
    fi
    ;;
  package)
    shift
    scripts/package.sh "$@"
    ;;
esac
