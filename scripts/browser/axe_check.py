"""The `axe` check: axe-core in headless Chromium on the pages of a built site, served under its
sub-path by server.py.

Every page is checked at desktop size; one page of each kind (built_site.Site.page_kinds: home,
a practice, a partner, a workshop, a day, a facet overview and value, the lists, a source, the
about page, the search page with a query once its results are shown, each of them in every
language of the site, and the 404 page at a missing address) also at phone size. The rules are axe's WCAG 2.0 and 2.1 level A and AA ones.
Errors in the browser console (a script error, a stylesheet or script that does not load) fail
too, since they leave the page axe sees unlike the one a visitor gets.

axe-core is the axe.min.js that PyPI's axe-playwright-python ships, injected with
execute_script (see requirements.txt for why not axe-selenium-python's).

  python3 scripts/browser/axe_check.py SITE_DIR [SITE_DIR ...]
"""

import importlib.util
import os
import sys
import time
from dataclasses import dataclass, field

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TAGS_TEXT = "WCAG 2.0 and 2.1, levels A and AA"
# Whether the search page shows that it has searched: results, or a status line that is not
# the form's "loading" or "error" text (data-t-loading, data-t-error) and so tells how many were
# found, or that none were. Waited for before axe runs on the search page.
SEARCH_RENDERED = """
    var list = document.getElementById('search_results');
    if (list && list.children.length) return true;
    var status = document.querySelector('#search_status, [aria-live]');
    var text = status ? status.textContent.trim() : '';
    var form = document.getElementById('search_form');
    var pending = form ? [form.getAttribute('data-t-loading'), form.getAttribute('data-t-error')] : [];
    return text !== '' && pending.indexOf(text) < 0;
"""
# Console messages that are no fault of the site: the browser asks every host for /favicon.ico.
IGNORED_CONSOLE = ["/favicon.ico"]


def axe_script_path():
    """axe.min.js as PyPI's axe-playwright-python ships it (the package itself is not imported:
    it would want Playwright, which is not installed)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("axe-playwright-python is not installed (./build.sh test installs it)")
    return os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")


def axe_script():
    with open(axe_script_path(), encoding="utf-8") as f:
        return f.read()


@dataclass
class Finding:
    """One rule broken by one element (or a console error, with rule 'console-error')."""
    rule: str
    impact: str
    help: str
    target: str
    summary: str
    pages: list = field(default_factory=list)  # "practices/x/ (phone)"


def _short(failure_summary, limit=300):
    """axe's "Fix any of the following:\n  reason\n  reason" on one line, cut at limit."""
    lines = [" ".join(line.split()) for line in failure_summary.splitlines() if line.strip()]
    text = (lines[0] + " " + "; ".join(lines[1:])) if lines else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AxeChecker:
    def __init__(self, driver):
        self.driver = driver
        self.script = axe_script()
        self.findings = {}  # (rule, target, summary) -> Finding, so one template bug is listed once
        self.views = 0
        self.failed_views = 0

    def check(self, server, address, size_name, wait_script=None, expect_missing=False):
        """Loads one page and runs axe on it; findings are collected in self.findings."""
        page = f"{address or '/'} ({size_name})"
        found_before = sum(len(f.pages) for f in self.findings.values())
        try:
            self._check(server, address, size_name, wait_script, expect_missing, page)
        except Exception as error:  # noqa: BLE001 - a page that cannot be checked fails, the rest go on
            message = str(error).split("Stacktrace:")[0].strip() or type(error).__name__
            self._add("check-error", "critical", "The page could not be checked", "html", message, page)
        self.views += 1
        if sum(len(f.pages) for f in self.findings.values()) > found_before:
            self.failed_views += 1

    def _check(self, server, address, size_name, wait_script, expect_missing, page):
        from chromium import browser_errors, set_size
        from selenium.webdriver.support.ui import WebDriverWait

        set_size(self.driver, size_name)
        browser_errors(self.driver)  # drop what earlier pages left in the log
        url = server.url(address)
        self.driver.get(url)
        WebDriverWait(self.driver, 10).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        if wait_script:
            try:
                WebDriverWait(self.driver, 10).until(lambda d: d.execute_script(wait_script))
            except Exception:
                self._add("not-rendered", "critical", "The page's script did not show its results within 10 s",
                          "html", "the search page showed no results and no status", page)
        self.driver.execute_script(self.script)
        results = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(function (r) { done(r.violations); }, function (e) { done({error: String(e)}); });",
            TAGS)
        if isinstance(results, dict) and "error" in results:
            self._add("axe-error", "critical", "axe-core failed to run", "html", results["error"], page)
            results = []
        for violation in results:
            for node in violation["nodes"]:
                summary = _short(node.get("failureSummary") or "")
                self._add(violation["id"], violation.get("impact") or "", violation["help"],
                          ", ".join(" ".join(t) if isinstance(t, list) else t for t in node["target"]),
                          summary, page)
        ignore = IGNORED_CONSOLE + ([f"{url} - Failed to load resource"] if expect_missing else [])
        for message in browser_errors(self.driver, ignore):
            self._add("console-error", "serious", "The browser console shows an error", "console", message, page)

    def _add(self, rule, impact, help, target, summary, page):
        key = (rule, target, summary)
        finding = self.findings.setdefault(key, Finding(rule, impact, help, target, summary))
        finding.pages.append(page)

    def report(self):
        lines = []
        for f in sorted(self.findings.values(), key=lambda f: (f.rule, f.target)):
            pages = ", ".join(f.pages[:4]) + (f" and {len(f.pages) - 4} more" if len(f.pages) > 4 else "")
            lines.append(f"axe: {f.rule} ({f.impact}): {f.help}\n"
                         f"    element: {f.target}\n"
                         + (f"    {f.summary}\n" if f.summary else "")
                         + f"    on: {pages}")
        return lines


def check_site(checker, server, site, all_pages=True):
    """Runs the axe check on one site: one page of each kind at desktop and phone size, then
    (with all_pages) every other page at desktop size; prints how many page views it took."""
    from built_site import MISSING_PAGE, SEARCH_QUERY
    started, views_before = time.monotonic(), checker.views
    kinds = site.page_kinds()
    searches = {prefix + f"search/?q={SEARCH_QUERY}" for _, prefix in site.languages()}  # one per language
    for size_name in ("desktop", "phone"):
        for kind, address in kinds:
            checker.check(server, address, size_name, SEARCH_RENDERED if address in searches else None,
                          expect_missing=address == MISSING_PAGE)
    if all_pages:
        kind_addresses = {a for _, a in kinds}
        for address in site.pages():
            if address not in kind_addresses and address != "404.html":
                checker.check(server, address, "desktop")
    print(f"axe: {site.name}: {checker.views - views_before} page views ({time.monotonic() - started:.1f} s)")


def main(site_dirs):
    from built_site import Site
    from chromium import start_driver
    from server import SiteServer
    driver = start_driver()
    checker = AxeChecker(driver)
    try:
        for site_dir in site_dirs:
            with SiteServer(site_dir) as server:
                check_site(checker, server, Site(site_dir))
    finally:
        driver.quit()
    for line in checker.report():
        print(line)
    problems = sum(len(f.pages) for f in checker.findings.values())
    print(f"axe: {checker.views} page views, {problems} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:]))
