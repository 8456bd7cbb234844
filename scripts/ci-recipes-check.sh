#!/usr/bin/env bash
# The CI recipes of docs/ci/, checked (run by ./build.sh test):
#   1. github-pages.yml and gitlab-ci.yml against GitHub's and GitLab's schemas (check-jsonschema's
#      bundled copies: no network);
#   2. their shell steps through `bash -n` and shellcheck, and the steps deciding between the
#      package and the sources run for real (scripts/ci-recipe-shell.py check); shellcheck of
#      plain-server.sh and of the POSIX sh script it runs on the target;
#   3. plain-server.sh RUN on the catalogue with the given praxis, into a local folder and over
#      "ssh" (replaced by a local `sh -c` of the joined arguments, which is what sshd runs): three
#      deployments keeping 2, hard links to the previous release, and a deployment of broken
#      content that must fail and leave `current` as it was.
#
#   scripts/ci-recipes-check.sh [PRAXIS]     (default .build/debug/praxis)
set -euo pipefail
cd "$(dirname "$0")/.."
praxis=$(realpath "${1:-.build/debug/praxis}")
venv=.build/browser-venv
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# 1. Schemas.
"$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows docs/ci/github-pages.yml ||
  fail "docs/ci/github-pages.yml does not follow GitHub's workflow schema"
"$venv/bin/check-jsonschema" --builtin-schema vendor.gitlab-ci docs/ci/gitlab-ci.yml ||
  fail "docs/ci/gitlab-ci.yml does not follow GitLab's CI schema"

# 2. Shell: the recipes' steps, plain-server.sh and the sh script it runs on the target.
"$venv/bin/python" scripts/ci-recipe-shell.py check || fail "shell steps of docs/ci/*.yml"
shellcheck docs/ci/plain-server.sh scripts/ci-recipes-check.sh || fail "shellcheck of plain-server.sh"
target_script=$(sed -n "/<<'TARGET_SCRIPT'$/,/^TARGET_SCRIPT$/p" docs/ci/plain-server.sh | sed '1d;$d')
[ -n "$target_script" ] || fail "plain-server.sh: no TARGET_SCRIPT here-document found"
printf '%s\n' "$target_script" | shellcheck --shell=sh - || fail "shellcheck of plain-server.sh's script for the target"

# 3. plain-server.sh, for real.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
deploy() { docs/ci/plain-server.sh --praxis "$praxis" --keep 2 "$@" >"$work/log" 2>&1; }
release_of() { readlink "$1/current"; }

# A target whose path needs quoting, locally and on the "server".
target="$work/web root's/katalog"
usage=$(docs/ci/plain-server.sh 2>&1) && fail "plain-server.sh without arguments succeeded"
grep -q 'SITE-ROOT TARGET' <<<"$usage" || fail "plain-server.sh without arguments printed no usage: $usage"

releases=()
for round in 1 2 3; do
  # What an interrupted deployment leaves is removed by the next one.
  if [ "$round" = 3 ]; then mkdir -p "$target/releases/.partial-interrupted/about"; fi
  if ! deploy . "$target"; then fail "deployment $round failed: $(cat "$work/log")"; break; fi
  current=$(release_of "$target") || { fail "deployment $round: $target/current is not a symbolic link"; break; }
  [ -f "$target/$current/index.html" ] || fail "deployment $round: $target/current ($current) holds no index.html"
  [ "$(realpath "$target/current/index.html")" = "$(realpath "$target/$current/index.html")" ] ||
    fail "deployment $round: current/index.html is not the new release's"
  for earlier in "${releases[@]}"; do
    [ "$earlier" != "$current" ] || fail "deployment $round: current still points at $earlier"
  done
  if [ "$round" = 2 ]; then
    # The first release is kept, and the unchanged pages are hard links into it.
    [ -d "$target/${releases[0]}" ] || fail "deployment 2 removed the first release"
    [ "$(stat -c %i "$target/${releases[0]}/index.html")" = "$(stat -c %i "$target/$current/index.html")" ] ||
      fail "releases 1 and 2 do not share index.html (--link-dest did not link an unchanged file)"
  fi
  releases+=("$current")
done
if [ ${#releases[@]} -eq 3 ]; then
  # Third release with --keep 2: the first is removed, the second kept.
  [ ! -e "$target/${releases[0]}" ] || fail "the oldest release ${releases[0]} was not removed (--keep 2)"
  [ -d "$target/${releases[1]}" ] || fail "the previous release ${releases[1]} is gone"
  count=$(find "$target/releases" -mindepth 1 -maxdepth 1 | wc -l)
  [ "$count" = 2 ] || fail "$count entries in releases/ after three deployments with --keep 2: $(ls -A "$target/releases")"
  [ ! -e "$target/${releases[2]}/.praxis-output" ] || fail "the .praxis-output marker was published"
  [ ! -e "$target/releases/.partial-interrupted" ] || fail "the partial release of an interrupted deployment is still there"
  pass "plain-server.sh: 3 local deployments, current -> ${releases[2]}, 2 releases kept, unchanged files hard-linked"
fi

# Broken content: the deployment fails and current does not move.
before=$(release_of "$target")
broken="$work/broken"
mkdir "$broken"
cp -r content seeds "$broken/"
[ ! -d themes ] || cp -r themes "$broken/"
page=$(find "$broken/content/practices" -name '*.md' | sort | head -n 1)
sed -i '0,/^fields:.*/s//fields: [no-such-field]/' "$page"
grep -q '^fields: \[no-such-field\]' "$page" || fail "could not break the front matter of $page"
if deploy "$broken" "$target"; then
  fail "deploying broken content succeeded: $(cat "$work/log")"
else
  grep -q "no-such-field" "$work/log" || fail "the failed deployment does not name the broken value: $(cat "$work/log")"
  [ "$(release_of "$target")" = "$before" ] || fail "current moved after a failed deployment"
  count=$(find "$target/releases" -mindepth 1 -maxdepth 1 | wc -l)
  [ "$count" = 2 ] || fail "a failed deployment changed releases/ ($count entries)"
  pass "plain-server.sh: broken content ($(basename "$page")) fails with exit status 1, current stays at $before"
fi

# Over ssh: the "ssh" below runs the command here as sshd would (the arguments joined, run by sh).
fake_ssh="$work/ssh"
# rsync calls it as `ssh -l USER HOST rsync --server ...`, plain-server.sh as `ssh USER@HOST 'sh -s -- ...'`.
cat >"$fake_ssh" <<FAKE_SSH
#!/bin/sh
user=
if [ "\$1" = -l ]; then user="\$2@"; shift 2; fi
echo "\$user\$1" >> "$work/ssh-hosts"
shift
exec sh -c "\$*"
FAKE_SSH
chmod +x "$fake_ssh"
remote="$work/server's www/katalog"
for round in 1 2; do
  SSH="$fake_ssh" deploy . "deploy@example.org:$remote" || fail "deployment $round over ssh failed: $(cat "$work/log")"
done
connections=$(grep -c '^deploy@example.org$' "$work/ssh-hosts" 2>/dev/null || true)
if current=$(release_of "$remote") && [ -f "$remote/$current/index.html" ] &&
   [ "$(find "$remote/releases" -mindepth 1 -maxdepth 1 | wc -l)" = 2 ] && [ "$connections" -ge 6 ]; then
  pass "plain-server.sh over ssh: 2 deployments through $connections ssh connections, current -> $current"
else
  fail "deployment over ssh: current=${current:-none}, $connections ssh connections, releases: $(ls -A "$remote/releases" 2>&1)"
fi

if [ "$failures" -gt 0 ]; then
  echo "CI recipes: $failures check(s) failed." >&2
  exit 1
fi
echo "CI recipes: all checks passed."
