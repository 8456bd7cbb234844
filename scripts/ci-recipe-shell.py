#!/usr/bin/env python3
"""The shell of the CI recipes in docs/ci/, taken out of their YAML, to check and to run it.

  ci-recipe-shell.py check           every shell step of both recipes through `bash -n` and
                                     shellcheck, and no GitHub expression inside a step's shell;
                                     then the steps that decide between the package and the
                                     sources RUN here, with file:// addresses for a package that
                                     exists and one that does not
  ci-recipe-shell.py list            the shell steps, one id a line (RECIPE:JOB:STEP)
  ci-recipe-shell.py print ID        one step as a bash script that runs as the CI runner would
                                     run it (bash, errexit, pipefail), the recipe's variables
                                     exported first (each can be overridden from the environment)

`print` lets an install step run for real in a Debian 12 root (chroot), e.g. with the package
copied to ROOT/tmp/ (the step downloads it to ./praxis.deb, so not from the folder it runs in):
  ci-recipe-shell.py print gitlab:pages:before_script > ROOT/root/install.sh
  chroot ROOT env PRAXIS_PACKAGE_URL=file:///tmp/praxis_0.2.0_amd64.deb sh -c 'cd /root && bash install.sh'
  (GitHub's: print 'github:build:Install Praxis', run with PRAXIS_FROM=package as well)
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECIPES = {
    "github": os.path.join(ROOT, "docs/ci/github-pages.yml"),
    "gitlab": os.path.join(ROOT, "docs/ci/gitlab-ci.yml"),
}


class Step:
    def __init__(self, ident, shell, variables):
        self.ident = ident
        self.shell = shell
        self.variables = variables  # literal variables of the recipe, as the runner sets them

    def script(self):
        lines = ["#!/usr/bin/env bash", "# " + self.ident + " (from its recipe by scripts/ci-recipe-shell.py)",
                 "set -eo pipefail"]
        for name, value in self.variables.items():
            lines.append(f'export {name}="${{{name}-{shell_escape_in_double_quotes(value)}}}"')
        lines.append(self.shell)
        return "\n".join(lines) + "\n"


def shell_escape_in_double_quotes(value):
    return re.sub(r'([\\"$`])', r"\\\1", value)


def literal(variables):
    """The variables whose value is plain text (a GitHub expression is left to the caller)."""
    return {k: str(v) for k, v in (variables or {}).items() if "${{" not in str(v)}


def github_steps(document):
    steps = []
    workflow_env = literal(document.get("env"))
    for job_name, job in document["jobs"].items():
        variables = dict(workflow_env, **literal(job.get("env")))
        for index, step in enumerate(job.get("steps", [])):
            if "run" in step:
                name = step.get("name", f"step {index + 1}")
                steps.append(Step(f"github:{job_name}:{name}", step["run"],
                                  dict(variables, **literal(step.get("env")))))
    return steps


def gitlab_steps(document):
    steps = []
    variables = literal(document.get("variables"))
    for job_name, job in document.items():
        if job_name.startswith(".") or not isinstance(job, dict) or "script" not in job:
            continue
        job_variables = dict(variables, **literal(job.get("variables")))
        for part in ("before_script", "script"):
            if part in job:
                # The runner runs the lines of before_script and script in one shell, one by one.
                steps.append(Step(f"gitlab:{job_name}:{part}", "\n".join(job[part]), job_variables))
    return steps


def all_steps():
    steps = []
    for kind, path in RECIPES.items():
        with open(path, encoding="utf-8") as f:
            document = yaml.safe_load(f)
        steps += github_steps(document) if kind == "github" else gitlab_steps(document)
    return steps


def run(script, cwd, env):
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False, dir=cwd) as f:
        f.write(script)
    try:
        return subprocess.run(["bash", f.name], cwd=cwd, env=env, capture_output=True, text=True)
    finally:
        os.unlink(f.name)


def check():
    problems = []
    steps = all_steps()
    # Every recipe must have the steps checked below, else this check would pass on nothing.
    kinds = {s.ident.split(":")[0] for s in steps}
    if kinds != set(RECIPES):
        problems.append(f"shell steps found only in {sorted(kinds)}")
    for step in steps:
        if "${{" in step.shell:
            problems.append(f"{step.ident}: a GitHub expression inside the shell (pass it in env:, "
                            "so that a branch name cannot become a command)")
        result = subprocess.run(["bash", "-n"], input=step.script(), capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"{step.ident}: bash -n: {result.stderr.strip()}")
        result = subprocess.run(["shellcheck", "--shell=bash", "-"], input=step.script(), capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"{step.ident}: shellcheck:\n{result.stdout.strip()}")
    print(f"bash -n and shellcheck: {len(steps)} shell steps of docs/ci/*.yml.")

    # The decisions, run for real: a package that can be downloaded, and one that cannot.
    github_probe = [s for s in steps if s.ident == "github:praxis:Find the Praxis package"]
    gitlab_install = [s for s in steps if s.ident == "gitlab:pages:before_script"]
    if len(github_probe) != 1 or len(gitlab_install) != 1:
        problems.append("the decision steps (github:praxis:Find the Praxis package, "
                        "gitlab:pages:before_script) were not found")
        return problems
    # GitLab's decision is the before_script entry that sets PRAXIS_FROM (`if curl ...; fi`).
    decision = [e for e in gitlab_yaml_entries() if "PRAXIS_FROM=source" in e and "PRAXIS_PACKAGE_URL" in e]
    if len(decision) != 1:
        problems.append("gitlab:pages:before_script: no single entry deciding PRAXIS_FROM")
        return problems
    gitlab_decision = Step("gitlab:pages:before_script (decision)", decision[0] + '\necho "PRAXIS_FROM=$PRAXIS_FROM"',
                           gitlab_install[0].variables)

    with tempfile.TemporaryDirectory() as work:
        package = os.path.join(work, "praxis_0.0.0_amd64.deb")
        with open(package, "wb") as f:
            f.write(b"!<arch>\n" + bytes(range(256)) * 64)
        cases = [("package", "file://" + package), ("source", "file://" + os.path.join(work, "missing.deb"))]
        for expected, url in cases:
            env = dict(os.environ, PRAXIS_PACKAGE_URL=url)
            # GitHub: the probe job's step writes its decision to $GITHUB_OUTPUT.
            cwd = tempfile.mkdtemp(dir=work)
            output = os.path.join(cwd, "github-output")
            open(output, "w").close()
            result = run(github_probe[0].script(), cwd, dict(env, GITHUB_OUTPUT=output))
            written = open(output).read().strip()
            if result.returncode != 0 or written != f"from={expected}":
                problems.append(f"github probe with {url}: exit {result.returncode}, wrote {written!r}, "
                                f"expected from={expected}; {result.stderr.strip()}")
            if expected == "source" and "::warning::" not in result.stdout:
                problems.append("github probe: no ::warning:: when the package is missing")
            # GitLab: the decision entry sets PRAXIS_FROM and leaves the package as ./praxis.deb.
            cwd = tempfile.mkdtemp(dir=work)
            result = run(gitlab_decision.script(), cwd, env)
            downloaded = os.path.join(cwd, "praxis.deb")
            same = os.path.exists(downloaded) and open(downloaded, "rb").read() == open(package, "rb").read()
            if result.returncode != 0 or f"PRAXIS_FROM={expected}" not in result.stdout:
                problems.append(f"gitlab decision with {url}: exit {result.returncode}, printed "
                                f"{result.stdout.strip()!r}, expected PRAXIS_FROM={expected}")
            elif expected == "package" and not same:
                problems.append("gitlab decision: ./praxis.deb is not the downloaded package")
            elif expected == "source" and os.path.exists(downloaded):
                problems.append("gitlab decision: a failed download left ./praxis.deb behind")
            print(f"decision run: package at {'an existing' if expected == 'package' else 'a missing'} "
                  f"file:// address -> GitHub from={expected}, GitLab PRAXIS_FROM={expected}.")
    return problems


def gitlab_yaml_entries():
    with open(RECIPES["gitlab"], encoding="utf-8") as f:
        document = yaml.safe_load(f)
    return document["pages"]["before_script"]


def main(argv):
    if len(argv) == 2 and argv[1] == "check":
        problems = check()
        for problem in problems:
            print("error: " + problem, file=sys.stderr)
        return 1 if problems else 0
    if len(argv) == 2 and argv[1] == "list":
        for step in all_steps():
            print(step.ident)
        return 0
    if len(argv) == 3 and argv[1] == "print":
        found = [s for s in all_steps() if s.ident == argv[2]]
        if not found:
            print(f"ci-recipe-shell.py: no step {argv[2]!r}; the steps are:", file=sys.stderr)
            for step in all_steps():
                print("  " + shlex.quote(step.ident), file=sys.stderr)
            return 2
        sys.stdout.write(found[0].script())
        return 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
