#!/usr/bin/env bash
# scripts/package-check.sh [DEB]: installs the Debian package (DEB, or the one praxis_*.deb in the
# project root that `./build.sh package` made) on a Debian 12 that has never seen Swift, and uses it.
#
# The machine is a `debootstrap --variant=minbase bookworm` root under .build/package-check/, made once
# from this machine's own Debian mirror and kept (minbase/); each run works on a fresh copy of it
# (root/), so nothing of an earlier run counts. In that root the script
#   - installs the package with apt-get (its Depends come from the mirror) and prints the package's
#     size and the seconds apt-get install took; only praxis and cmark-gfm's libraries may be new,
#   - checks the man page, the completions, the theme copy and the copyright file are in place, that
#     bash takes the completion, and that no Swift runtime (libswift*, libFoundation*, libdispatch*) is
#     anywhere in the root,
#   - builds and checks the real catalogue (content/ and seeds/, without themes/: the theme built into
#     the binary is used), prints the build time, and compares `praxis --version` with the package.
# It exits non-zero at the first failure. Needs root (debootstrap, chroot, mount); installs debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8

fail() { echo "package-check: FAIL: $*" >&2; exit 1; }
step() { echo "package-check: $*"; }
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, chroot and mount): run it with sudo"

if [ $# -gt 0 ]; then
  deb=$1
else
  debs=(praxis_*.deb)
  [ -e "${debs[0]}" ] || fail "no praxis_*.deb in $PWD: make one with ./build.sh package"
  [ ${#debs[@]} = 1 ] || fail "several packages here (${debs[*]}): name the one to check"
  deb=${debs[0]}
fi
[ -f "$deb" ] || fail "$deb does not exist"
deb=$(readlink -f "$deb")
version=$(dpkg-deb --field "$deb" Version)

if ! command -v debootstrap >/dev/null 2>&1; then
  step "installing debootstrap ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

# This machine's Debian mirror: the first URI of a bookworm suite in /etc/apt/sources.list and
# sources.list.d (one-line "deb URI bookworm ..." or deb822 "URIs:"/"Suites:" stanzas).
mirror() {
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk '
      /^[[:space:]]*deb[[:space:]]/ {
        i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) == "bookworm") { print $i; exit }
      }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") suite = 1 }
      /^[[:space:]]*$/ { if (uri != "" && suite) { print uri; exit } uri = ""; suite = 0 }
      END { if (uri != "" && suite) print uri }
    ' "$file"
  done | head -1
}

work=.build/package-check
pristine=$work/minbase
root=$work/root
mkdir -p "$work"

# Nothing may stay mounted in the root: proc and sys are mounted for the run and taken down on exit.
unmount_all() {
  local point
  for point in "$PWD/$root/sys" "$PWD/$root/proc"; do
    if mountpoint -q "$point"; then umount "$point" || umount -l "$point"; fi
  done
}
trap unmount_all EXIT

if [ ! -x "$pristine/usr/bin/apt-get" ]; then
  url=$(mirror)
  [ -n "$url" ] || fail "no bookworm mirror in /etc/apt/sources.list*"
  step "making a minimal Debian 12 in $pristine from $url (kept for the next runs) ..."
  rm -rf "$pristine.tmp"
  debootstrap --variant=minbase bookworm "$pristine.tmp" "$url" >"$work/debootstrap.log" 2>&1 \
    || fail "debootstrap failed, see $work/debootstrap.log"
  mv "$pristine.tmp" "$pristine"
fi

if grep -q " $PWD/$root/" /proc/mounts; then fail "something is still mounted under $root"; fi
rm -rf "$root"
cp -a "$pristine" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }

# A machine that has never seen Swift: no swift command and no Swift runtime before the install.
in_root sh -c '! command -v swift' >/dev/null || fail "the fresh root has a swift command"
no_swift_runtime() {
  local found
  found=$(in_root find / -xdev \( -name 'libswift*' -o -name 'libFoundation*' -o -name 'lib_FoundationICU*' \
    -o -name 'libdispatch*' -o -name 'libBlocksRuntime*' \) -print)
  [ -z "$found" ] || fail "a Swift runtime is in the root $1: $found"
}
no_swift_runtime "before the install"

step "apt-get update in the root (package lists, not timed) ..."
in_root apt-get update -qq || fail "apt-get update failed in the root"

before=$(in_root dpkg-query -W -f '${Package}\n' | sort)
cp "$deb" "$root/tmp/"
size_bytes=$(stat -c %s "$deb")
started=$(date +%s.%N)
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "apt-get install failed"; }
install_seconds=$(seconds_since "$started")
after=$(in_root dpkg-query -W -f '${Package}\n' | sort)
new_packages=$(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')
for package in $new_packages; do
  case "$package" in praxis|libcmark-gfm*) ;; *) fail "installing praxis also installed $package (new: $new_packages)" ;; esac
done
step "package $(basename "$deb"): $size_bytes bytes ($(awk -v b="$size_bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
step "apt-get install took $install_seconds s; newly installed: $new_packages"

# What the package puts in place.
for file in /usr/bin/praxis /usr/share/man/man1/praxis.1.gz /usr/share/bash-completion/completions/praxis \
  /usr/share/zsh/vendor-completions/_praxis /usr/share/fish/vendor_completions.d/praxis.fish \
  /usr/share/praxis/themes/default/templates/base.mustache /usr/share/doc/praxis/copyright; do
  [ -s "$root$file" ] || fail "$file is missing or empty after the install"
done
zcat "$root/usr/share/man/man1/praxis.1.gz" | grep -q '^\.Nm praxis' || fail "the man page does not name praxis"
in_root bash -c 'source /usr/share/bash-completion/completions/praxis && complete -p praxis' >/dev/null \
  || fail "bash does not take the completion script"
in_root ldd /usr/bin/praxis | grep -q 'not found' && fail "praxis misses a library: $(in_root ldd /usr/bin/praxis)"
no_swift_runtime "after the install"

printed=$(in_root praxis --version) || fail "praxis --version failed"
[ "$printed" = "$version" ] || fail "praxis --version printed '$printed', the package is $version"
step "praxis --version: $printed"

# The real catalogue, without its themes/ folder: the theme inside the binary builds it.
mkdir -p "$root/srv/catalogue"
cp -R content seeds "$root/srv/catalogue/"
started=$(date +%s.%N)
in_root sh -c 'cd /srv/catalogue && praxis build' || fail "praxis build failed in the root"
build_seconds=$(seconds_since "$started")
[ -s "$root/srv/catalogue/public/index.html" ] || fail "praxis build made no public/index.html"
in_root sh -c 'cd /srv/catalogue && praxis check' || fail "praxis check failed in the root"
step "praxis build of the catalogue took $build_seconds s (whole command); $(find "$root/srv/catalogue/public" -type f | wc -l) files"
step "OK: $(basename "$deb") installs in $install_seconds s on a minimal Debian 12 and builds the catalogue"
