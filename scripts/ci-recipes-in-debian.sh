#!/usr/bin/env bash
# scripts/ci-recipes-in-debian.sh ROOT DEB: runs the CI recipes' own steps, as they are written in
# docs/ci/*.yml, in a Debian 12 that has never seen Swift, with the package DEB as the download:
#   GitHub: "Install Praxis" (PRAXIS_FROM=package), "Check content, links and anchors" and
#           "Build for the Pages address";
#   GitLab: the pages job's before_script (download, decision, install) and script;
# then both again with the package missing and a binary in the cache of the build from sources.
# Each recipe gets a fresh copy of ROOT (a `debootstrap --variant=minbase bookworm` root with a
# working apt source, e.g. .build/package-check/minbase of scripts/package-check.sh, only read),
# with the catalogue (content/, seeds/) as the user's repository in /site. PRAXIS_PACKAGE_URL is
# file:// of the package copied into the root: everything else (apt-get update, ca-certificates,
# curl, apt-get install ./praxis.deb and its libraries from the mirror) happens as on a runner.
# Needs root (chroot, mount). Not part of ./build.sh test: it needs the package and the root.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# = 2 ] || { echo "usage: $0 DEBIAN-12-ROOT PRAXIS-DEB" >&2; exit 2; }
pristine=$(realpath "$1")
deb=$(realpath "$2")
[ -x "$pristine/usr/bin/apt-get" ] || { echo "$pristine is not a Debian root (no usr/bin/apt-get)" >&2; exit 2; }
[ -f "$deb" ] || { echo "no package at $deb" >&2; exit 2; }
python=.build/browser-venv/bin/python

work=$(mktemp -d)
root=
cleanup() {
  if [ -n "$root" ]; then
    for point in "$root/sys" "$root/proc"; do
      if mountpoint -q "$point"; then umount "$point" || umount -l "$point"; fi
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# run_recipe NAME VARIABLES... -- STEP-ID...: the steps, in order, in one fresh root.
run_recipe() {
  local name=$1; shift
  local variables=()
  while [ "$1" != -- ]; do variables+=("$1"); shift; done
  shift
  root=$work/$name
  cp -a "$pristine" "$root"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  mount -t sysfs sysfs "$root/sys"
  mkdir "$root/site"
  cp -r content seeds "$root/site/"
  cp "$deb" "$root/tmp/"
  if [[ $name == *cached* ]]; then
    # The cache of an earlier build from sources: the package's binary stands in for it (built the
    # same way, swift build -c release --static-swift-stdlib).
    mkdir "$work/unpacked" "$root/site/.praxis-from-source"
    dpkg-deb -x "$deb" "$work/unpacked"
    cp "$work/unpacked/usr/bin/praxis" "$root/site/.praxis-from-source/praxis"
    rm -rf "$work/unpacked"
  fi
  local index=0 step
  for step in "$@"; do
    index=$((index + 1))
    "$python" scripts/ci-recipe-shell.py print "$step" >"$root/tmp/step-$index.sh"
    echo "== $name: $step"
    local started=$SECONDS
    chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LC_ALL=C.UTF-8 PRAXIS_PACKAGE_URL="file:///tmp/$(basename "$deb")" "${variables[@]}" \
      sh -c "cd /site && bash /tmp/step-$index.sh" || { echo "FAIL: $name: $step" >&2; return 1; }
    echo "   ($((SECONDS - started)) s)"
  done
  [ -f "$root/site/public/index.html" ] || { echo "FAIL: $name: no public/index.html" >&2; return 1; }
  grep -q "$(cut -d= -f2 <<<"${variables[-1]}")" "$root/site/public/sitemap.xml" ||
    { echo "FAIL: $name: the sitemap does not use the Pages address" >&2; return 1; }
  if [[ $name == *cached* ]]; then
    if [ ! -x "$root/usr/local/bin/praxis" ] || chroot "$root" dpkg-query -W praxis >/dev/null 2>&1; then
      echo "FAIL: $name: praxis is not the cached binary in /usr/local/bin" >&2; return 1
    fi
    how="the cached binary in /usr/local/bin"
  else
    # shellcheck disable=SC2016 # ${Status} is dpkg-query's field, not the shell's
    chroot "$root" dpkg-query -W -f '${Status}' praxis | grep -q "install ok installed" ||
      { echo "FAIL: $name: the package praxis is not installed" >&2; return 1; }
    how="the package"
  fi
  echo "ok: $name: Praxis from $how; checked, built into /site/public for the Pages address"
  for point in "$root/sys" "$root/proc"; do umount "$point"; done
  root=
}

run_recipe github PRAXIS_FROM=package GITHUB_ACTIONS=true PAGES_URL=https://example.github.io/katalog -- \
  'github:build:Install Praxis' 'github:build:Check content, links and anchors' 'github:build:Build for the Pages address'
run_recipe gitlab GITLAB_CI=true CI_PAGES_URL=https://example.gitlab.io/katalog -- \
  'gitlab:pages:before_script' 'gitlab:pages:script'
# The fallback when the package cannot be downloaded, from the point where the cache holds the
# binary built from sources (building it needs the network: the Swift image or swift.org).
run_recipe github-cached-source PRAXIS_FROM=source RUNNER_TEMP=/tmp PAGES_URL=https://example.github.io/katalog -- \
  'github:build:Install Praxis' 'github:build:Check content, links and anchors' 'github:build:Build for the Pages address'
run_recipe gitlab-cached-source PRAXIS_PACKAGE_URL=file:///tmp/no-such-package.deb CI_PAGES_URL=https://example.gitlab.io/katalog -- \
  'gitlab:pages:before_script' 'gitlab:pages:script'
echo "CI recipes in Debian 12: both installed Praxis from $(basename "$deb") and published the catalogue;"
echo "with the package missing, both used the binary cached from an earlier build from sources."
