#!/usr/bin/env bash
# Publish a Praxis site to a plain web server (a folder it serves), so that readers never see a
# half-copied site. Run it from CI or by hand:
#
#   plain-server.sh [--keep N] [--praxis PATH] [--base-url URL] SITE-ROOT TARGET
#
#   TARGET   a folder on this machine (/srv/katalog) or on a server over ssh
#            (www@example.org:/var/www/katalog). The web server serves TARGET/current.
#   --keep N       releases kept on the target, the new one included (default 5, or $KEEP)
#   --praxis PATH  the praxis binary (default: praxis on PATH, or $PRAXIS)
#   --base-url URL the address the site is published at (else base_url of content/site.yaml)
#   $SSH     the ssh command for a server, e.g. SSH="ssh -p 2222 -i deploy_key" (default ssh)
#
# What it does:
#   1. praxis build into a fresh temporary folder, then praxis check; on any problem it stops
#      with exit status 1 and the target is not touched.
#   2. rsync the build into TARGET/releases/.partial-NAME/, with --link-dest against the current
#      release: a file whose content did not change becomes a hard link to the old one instead of
#      a copy (--checksum, since every build writes every file anew). NAME is the UTC time to the
#      nanosecond, and the commit (git describe) when the site root is in git, so names sort in
#      the order of publication.
#   3. Rename it to TARGET/releases/NAME, then point TARGET/current at it in one rename: a new
#      symbolic link made under a temporary name replaces `current` with `mv -T` (rename(2)),
#      so every file is served whole from the old release or the new one, never from a folder
#      being copied.
#   4. Remove the oldest releases beyond N (never the one `current` points to), and what an
#      interrupted run left (.partial-*).
# Going back is one command on the target: ln -s releases/OLD TARGET/.c && mv -T TARGET/.c TARGET/current
#
# The web server's root is TARGET/current, e.g. for base_url https://example.org/katalog/ with
# nginx: `location /katalog/ { alias /var/www/katalog/current/; }` (Apache: a DocumentRoot or
# Alias with Options FollowSymLinks, Debian's default).
#
# Copy this file into the site's repository (e.g. ci/plain-server.sh). In CI, after the step that
# installs Praxis (see github-pages.yml or gitlab-ci.yml beside it), with the server's ssh key and
# host key from the CI's secrets:
#   SSH="ssh -i $HOME/.ssh/deploy_key -o UserKnownHostsFile=$HOME/.ssh/known_hosts" \
#     ci/plain-server.sh --base-url https://example.org/katalog/ . www@example.org:/var/www/katalog
#
# Needs here: bash, rsync, GNU date; on the target: a POSIX sh, rsync and GNU coreutils (mv -T).
# Run one deployment at a time per target (in CI: a concurrency group).
set -euo pipefail

usage() {
  sed -n '5,12p' "$0" | sed 's/^# \{0,1\}//'
}
fail() { echo "plain-server.sh: $*" >&2; exit 1; }
usage_error() { echo "plain-server.sh: $*" >&2; usage >&2; exit 2; }

keep=${KEEP:-5}
praxis=${PRAXIS:-praxis}
ssh_command=${SSH:-ssh}
base_url=()
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) [ $# -ge 2 ] || usage_error "--keep needs a number"; keep=$2; shift 2 ;;
    --keep=*) keep=${1#*=}; shift ;;
    --praxis) [ $# -ge 2 ] || usage_error "--praxis needs a path"; praxis=$2; shift 2 ;;
    --praxis=*) praxis=${1#*=}; shift ;;
    --base-url) [ $# -ge 2 ] || usage_error "--base-url needs an address"; base_url=(--base-url "$2"); shift 2 ;;
    --base-url=*) base_url=(--base-url "${1#*=}"); shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; positional+=("$@"); break ;;
    -*) usage_error "unknown option '$1'" ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -eq 2 ] || usage_error "needs SITE-ROOT and TARGET (got ${#positional[@]} arguments)"
site=${positional[0]}
target=${positional[1]}
case "$keep" in
  ''|*[!0-9]*|0) usage_error "--keep must be a whole number of at least 1 (got '$keep')" ;;
esac
[ -d "$site/content" ] || usage_error "$site is not a site root: it has no content/ folder"
command -v "$praxis" >/dev/null 2>&1 || usage_error "no praxis binary at '$praxis' (use --praxis PATH)"
command -v rsync >/dev/null 2>&1 || fail "rsync is not installed here (apt-get install rsync)"

# As rsync reads a target: a colon before the first slash makes it HOST:PATH on a server.
host=
dir=$target
case "$target" in
  */*:*) ;;
  *:*) host=${target%%:*}; dir=${target#*:} ;;
esac
# A path on the server is relative to the home folder, as for ssh and rsync; ~/ says the same
# (the commands below quote it, so no shell would expand it).
if [ -n "$host" ]; then
  # shellcheck disable=SC2088 # a literal ~ is meant: it is what the user typed
  case "$dir" in
    '~') dir= ;;
    '~/'*) dir=${dir#'~/'} ;;
  esac
fi
[ -n "$dir" ] || usage_error "TARGET $target names no folder (the site goes into a folder of its own)"

# 1. Build and check; nothing below runs unless both pass.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$praxis" build "$site" --output "$work/site" "${base_url[@]}" || fail "the build failed: nothing was published"
"$praxis" check "$site" "${base_url[@]}" || fail "the check failed: nothing was published"

name=$(date -u +%Y%m%dT%H%M%S.%NZ)
if commit=$(git -C "$site" describe --always --dirty --abbrev=12 2>/dev/null); then
  name="$name-$(printf '%s' "$commit" | tr -c 'A-Za-z0-9._-' '-')"
fi

# The steps on the target are one sh script, run here or over ssh with its arguments quoted.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
on_target() {
  if [ -n "$host" ]; then
    local quoted=() argument
    for argument in "$@"; do quoted+=("$(quote "$argument")"); done
    $ssh_command "$host" "sh -s -- ${quoted[*]}"
  else
    sh -s -- "$@"
  fi <<'TARGET_SCRIPT'
set -eu
export LC_ALL=C
step=$1 dir=$2 name=$3 keep=$4
if [ "$step" = prepare ]; then mkdir -p "$dir/releases"; fi
cd "$dir"
case "$step" in
  prepare)
    # The release `current` points at now, printed for rsync's --link-dest.
    if [ -e current ] && [ ! -L current ]; then
      echo "$dir/current exists and is not a symbolic link: move it away first (the web server should serve $dir/current)." >&2
      exit 1
    fi
    for partial in releases/.partial-*; do
      [ -e "$partial" ] && rm -rf "$partial"
    done
    if [ -L current ]; then
      active=$(basename "$(readlink current)")
      if [ -d "releases/$active" ]; then echo "$active"; fi
    fi
    ;;
  activate)
    [ ! -e "releases/$name" ] || { echo "releases/$name exists already" >&2; exit 1; }
    mv "releases/.partial-$name" "releases/$name"
    ln -s "releases/$name" ".current-$name"
    mv -T ".current-$name" current
    # Keep the newest $keep releases (names sort by time, oldest first) and always the current one.
    active=releases/$(basename "$(readlink current)")
    count=0
    for release in releases/*; do [ -d "$release" ] && count=$((count + 1)); done
    for release in releases/*; do
      [ "$count" -gt "$keep" ] || break
      [ -d "$release" ] || continue
      if [ "$release" != "$active" ]; then rm -rf "$release" && echo "Removed $release."; fi
      count=$((count - 1))
    done
    ;;
esac
TARGET_SCRIPT
}

# 2. Copy into a partial release, unchanged files as hard links to the current release.
previous=$(on_target prepare "$dir" "$name" "$keep") || fail "could not prepare $target"
link_dest=()
[ -z "$previous" ] || link_dest=(--link-dest="../$previous")
destination="$dir/releases/.partial-$name/"
[ -z "$host" ] || destination="$host:$destination"
# -rlp with --checksum and without -t: a file is linked when its content and mode are the same.
# Modes are made readable for the web server whatever this machine's umask; the marker file of
# Praxis' output folder is not published.
rsync -rlp --checksum --chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r --exclude=/.praxis-output \
  -e "$ssh_command" "${link_dest[@]}" "$work/site/" "$destination" || fail "copying to $target failed: current still points at ${previous:-nothing}"

# 3. and 4. Switch `current` in one rename, then prune.
on_target activate "$dir" "$name" "$keep" || fail "could not switch $target/current to releases/$name"
echo "Published releases/$name at $target/current (before: ${previous:-none}; $keep releases kept)."
