#!/usr/bin/env python3
"""Browser checks of built Praxis sites: valid HTML, accessibility, behaviour.

  check.py [--only validate,axe,tests] [-k PATTERN] [SITE_DIR ...]

For the sites given (public/ when none is), in this order:
  validate  the W3C Nu Html Checker over every .html file (validate.py)
  axe       axe-core, WCAG 2.0/2.1 A and AA, on every page in headless Chromium, served under
            the site's sub-path (axe_check.py, server.py, chromium.py)
  tests     the behaviour tests in tests/test_*.py (runner.py tells how to write one)

Prints every problem, then a summary; exits 1 if anything failed. ./build.sh test builds the
catalogue and the rich test fixture and runs this with the virtualenv it sets up:
  .build/browser-venv/bin/python scripts/browser/check.py SITE_DIR ...
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

CHECKS = ("validate", "axe", "tests")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="*", metavar="SITE_DIR", help="built sites (default: public/)",
                        default=[os.path.join(HERE, "..", "..", "public")])
    parser.add_argument("--only", default=",".join(CHECKS), help="comma-separated: validate, axe, tests")
    parser.add_argument("-k", dest="pattern", help="run only the tests whose module.function name contains this")
    parser.add_argument("--failures", default=os.path.join(HERE, "..", "..", ".build", "browser-failures"),
                        help="where failing tests leave screenshots (default .build/browser-failures)")
    args = parser.parse_args()
    only = [c.strip() for c in args.only.split(",") if c.strip()]
    if any(c not in CHECKS for c in only):
        parser.error(f"--only takes {', '.join(CHECKS)}")

    from built_site import Site
    sites = [Site(d) for d in args.sites]
    started = time.monotonic()
    passed = failed = 0
    summary = []

    if "validate" in only:
        import validate
        files = [f for s in sites for f in s.html_files()]
        messages = validate.validate(files)
        for message in messages:
            print(message)
        errors = [m for m in messages if m.is_error]
        bad_files = {m.file for m in errors}
        passed += len(files) - len(bad_files)
        failed += len(bad_files)
        summary.append(f"validate: {len(files)} pages validated, {len(errors)} errors in {len(bad_files)} pages, "
                       f"{len(messages) - len(errors)} warnings ({time.monotonic() - started:.1f} s)")

    if "axe" in only or "tests" in only:
        import axe_check
        import runner
        from chromium import start_driver
        from server import SiteServer
        tests = runner.discover(args.pattern) if "tests" in only else []
        failures_dir = os.path.abspath(args.failures)
        if tests and os.path.isdir(failures_dir):
            for name in os.listdir(failures_dir):  # screenshots of an earlier run would mislead
                if name.endswith(".png"):
                    os.remove(os.path.join(failures_dir, name))
        browser_started = time.monotonic()
        driver = start_driver()
        checker = axe_check.AxeChecker(driver)
        outcomes = []
        try:
            for site in sites:
                with SiteServer(site.root) as server:
                    print(f"{site.name}: served at {server.base_url}")
                    if "axe" in only:
                        axe_check.check_site(checker, server, site)
                    outcomes += runner.run_tests(tests, driver, server, site, failures_dir)
        finally:
            driver.quit()
        if "axe" in only:
            for line in checker.report():
                print(line)
            violations = sum(len(f.pages) for f in checker.findings.values())
            passed += checker.views - checker.failed_views
            failed += checker.failed_views
            summary.append(f"axe: {checker.views} page views checked ({axe_check.TAGS_TEXT}), "
                           f"{violations} violations on {checker.failed_views} of them")
        if "tests" in only:
            for outcome in outcomes:
                if outcome.status == "failed":
                    print(f"FAILED {outcome.site}: {outcome.name}: {outcome.detail}")
            count = {s: sum(o.status == s for o in outcomes) for s in ("passed", "failed")}
            passed += count["passed"]
            failed += count["failed"]
            summary.append(f"tests: {len(tests)} behaviour tests on {len(sites)} sites: "
                           f"{count['passed']} passed, {count['failed']} failed")
        summary[-1] += f" (browser: {time.monotonic() - browser_started:.1f} s)"

    print()
    for line in summary:
        print(line)
    print(f"Browser checks of {', '.join(s.name for s in sites)} took {time.monotonic() - started:.1f} s.")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
