#!/usr/bin/env bash
# scripts/package.sh [OUTPUT-FOLDER]: the Debian package praxis_<version>_<arch>.deb, written to the
# project root (or OUTPUT-FOLDER). Run by `./build.sh package`, which installs dpkg-dev, binutils, python3 and
# cmark-gfm's -dev packages first.
#
# The package holds the praxis binary (Swift's runtime linked in statically, stripped; the default
# theme is embedded in it), a copy of themes/default to customise, the man page made by
# swift-argument-parser's generate-manual plugin, bash/zsh/fish completions from the binary itself,
# and a copyright file. It depends on Debian's cmark-gfm runtime libraries and on nothing outside
# Debian's required base: the script stops if the binary needs anything else.
# Maintainer (and the changelog's signer) is the last commit's author, or PRAXIS_MAINTAINER="Name <email>".
#
# Reproducible where cheap: times come from the last commit (SOURCE_DATE_EPOCH), every file gets that
# mtime, files are added in sorted order, owned by root (--root-owner-group), gzip without names.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
output_dir=$(cd "${1:-.}" && pwd)
export LC_ALL=C.UTF-8 TZ=UTC
umask 022

fail() { echo "package.sh: $*" >&2; exit 1; }

# The last commit gives the package's time, Maintainer and changelog line (outside git: empty).
last_commit() { git log -1 --format="$1" 2>/dev/null || true; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(last_commit %ct)}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
maintainer=${PRAXIS_MAINTAINER:-$(last_commit '%an <%ae>')}
[ -n "$maintainer" ] || fail "no git history to take the Maintainer from: set PRAXIS_MAINTAINER='Name <email>'"

# 1. The binary. Its own scratch path keeps .build/release (the everyday build) untouched; the static
# Swift standard library and Foundation mean no libswift*.so on the target; no $ORIGIN run path.
scratch=.build/package
swift build -c release --static-swift-stdlib --disable-local-rpath --product praxis --scratch-path "$scratch"
built=$scratch/release/praxis

# The version is written once, in Sources/PraxisCore/Version.swift; the binary tells it.
version=$("$built" --version)
[[ $version =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || fail "praxis --version printed '$version', not a Debian version"
arch=$(dpkg --print-architecture)
deb="$output_dir/praxis_${version}_${arch}.deb"

# 2. The man page, from swift-argument-parser's generate-manual command plugin. The plugin builds the
# whole package with its own settings; run in .build/package those would differ from the static build
# above and each would undo the other (4 minutes apiece), so it uses the everyday debug build in .build,
# which `swift build` keeps current anyway. The page is the same for any build: it comes from the
# command's --help description. Its date is the last commit's.
manual_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
swift package generate-manual --configuration debug --date "$manual_date" >/dev/null
manual=.build/plugins/GenerateManual/outputs/praxis/praxis.1
[ -s "$manual" ] || fail "the generate-manual plugin made no $manual"

# 3. The tree of the package.
stage=$scratch/root
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/man/man1" "$stage/usr/share/doc/praxis" \
  "$stage/usr/share/praxis/themes" "$stage/usr/share/bash-completion/completions" \
  "$stage/usr/share/zsh/vendor-completions" "$stage/usr/share/fish/vendor_completions.d"
install -m 0755 "$built" "$stage/usr/bin/praxis"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/praxis"
[ "$("$stage/usr/bin/praxis" --version)" = "$version" ] || fail "the stripped binary does not run"

# The page as generated, plus a FILES section naming the theme copy shipped beside it. Two touches for
# groff: a blank line (between paragraphs of a command's discussion) becomes the paragraph macro .Pp,
# and the last line, which has no newline, gets one.
{
  sed -e 's/^$/.Pp/' -e '$a\' "$manual"
  printf '%s\n' '.Sh FILES' '.Bl -tag -width 6n' '.It Pa /usr/share/praxis/themes/default' \
    'The default theme, also built into praxis. To change it, copy the folder to' \
    'SITE-ROOT/themes/default and edit the copy: a site root with its own themes/default uses that instead.' '.El'
} | gzip -9n > "$stage/usr/share/man/man1/praxis.1.gz"

# bash-completion sources its files: the script's #! line has no use there (lintian asks for none).
"$built" --generate-completion-script bash | sed '1{/^#!/d}' > "$stage/usr/share/bash-completion/completions/praxis"
"$built" --generate-completion-script zsh > "$stage/usr/share/zsh/vendor-completions/_praxis"
"$built" --generate-completion-script fish > "$stage/usr/share/fish/vendor_completions.d/praxis.fish"

cp -R themes/default "$stage/usr/share/praxis/themes/default"

# 4. Depends, from the libraries the binary needs. dpkg-shlibdeps reads the binary's NEEDED entries and
# gives each package with the lowest version that has the symbols used (it wants a debian/control).
shlibs_dir=$scratch/shlibdeps
mkdir -p "$shlibs_dir/debian"
printf 'Source: praxis\n\nPackage: praxis\nArchitecture: any\n' > "$shlibs_dir/debian/control"
depends=$(cd "$shlibs_dir" && dpkg-shlibdeps -O "$root_dir/$stage/usr/bin/praxis" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || fail "dpkg-shlibdeps found no dependencies"

# Cross-check with ldd: every library it shows belongs to a package named in Depends, and every package
# is one of these. cmark-gfm's two runtime packages are taken from whatever package owns the library
# (the soname is in the package name, so it is looked up here, not written down). The rest are in
# Debian's required base, present on every Debian system (debootstrap --variant=minbase has them):
#   libc6       libc, libm and the dynamic loader
#   libgcc-s1   libgcc_s: stack unwinding, which the statically linked Swift runtime uses
#   libstdc++6  the C++ runtime, used by the statically linked Swift runtime and Foundation's ICU
base_packages=" libc6 libgcc-s1 libstdc++6 "
needed_packages=" "
while read -r name path; do
  case "$name" in libswift*|libFoundation*|lib_FoundationICU*|libdispatch*|libBlocksRuntime*)
    fail "praxis links $name: the Swift runtime must be linked in statically" ;; esac
  [ -n "$path" ] || fail "ldd cannot find $name"
  # dpkg knows the path the package installed (usr-merged systems show /lib for /usr/lib).
  owner=""
  for candidate in "$path" "$(readlink -f "$path")" "/usr$path"; do
    owner=$(dpkg -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p') && [ -n "$owner" ] && break
  done
  [ -n "$owner" ] || fail "no Debian package owns $path ($name)"
  case "$name" in
    libcmark-gfm*) ;;
    *) [[ $base_packages == *" $owner "* ]] || fail "praxis needs $name from $owner, which is outside Debian's required base" ;;
  esac
  needed_packages+="$owner "
  [[ ", $depends" == *", $owner "* || ", $depends," == *", $owner,"* ]] || fail "Depends ($depends) lacks $owner, which provides $name"
done < <(ldd "$stage/usr/bin/praxis" | awk '$2 == "=>" { print $1, $3 } $1 ~ /^\// { print $1, $1 }' | grep -v '^linux-vdso')
for package in $(echo "$depends" | sed 's/ ([^)]*)//g; s/,/ /g'); do
  [[ $needed_packages == *" $package "* ]] || fail "dpkg-shlibdeps names $package, which ldd does not show"
done
[[ $needed_packages == *" libcmark-gfm"* ]] || fail "praxis does not link cmark-gfm: is it built against Debian's library?"

# 5. The copyright file: the project's own code, then every Swift package whose code is linked in.
/usr/bin/python3 scripts/package-copyright.py "$scratch" > "$stage/usr/share/doc/praxis/copyright"

# A native package's changelog (Debian policy wants one): this version, from the last commit.
{
  printf 'praxis (%s) unstable; urgency=medium\n\n' "$version"
  printf '  * Built from commit %s: %s\n\n' "$(last_commit %h)" "$(last_commit %s | cut -c1-48)"
  printf ' -- %s  %s\n' "$maintainer" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$stage/usr/share/doc/praxis/changelog.gz"

# 6. The control file. Maintainer: the author of the last commit unless PRAXIS_MAINTAINER says otherwise.
installed_size=$(du -sk --apparent-size --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: praxis
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: web
Priority: optional
Description: static site generator for a catalogue of good practices
 Praxis builds a catalogue of good practices (practices, partner organisations,
 workshops and source documents, one Markdown file with YAML front matter each)
 into a static site with indexes, feeds, open data and a search in the browser.
 It checks every entry and names FILE:LINE for each problem.
 .
 The commands: praxis build, praxis check, praxis new, praxis schema (JSON
 Schemas of the front matter for editors) and praxis serve (a live
 preview). The default theme is built in; a copy to customise is in
 /usr/share/praxis/themes/default. See praxis(1).
EOF

# Fixed modes and times, so that two runs on the same commit give the same package.
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f ! -path "$stage/usr/bin/praxis" -exec chmod 0644 {} +
find "$stage" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "Built $deb ($(du -k "$deb" | cut -f1) KB, installed $installed_size KB)"
echo "Depends: $depends"
