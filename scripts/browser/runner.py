"""A tiny runner for the behaviour tests in scripts/browser/tests/.

Writing a test
--------------
Put a module tests/test_<topic>.py beside the others; every function in it whose name starts
with test_ is a test. It runs once for each site given to check.py, the site being served by
server.py under its sub-path. A test gets what it names among its parameters:

    base_url   str: the site's root under its sub-path, always ending in "/",
               e.g. "http://127.0.0.1:41234/praxis/"; build page addresses from it
               (base_url + "search/?q=arbeit").
    driver     selenium WebDriver of headless Chromium (chromium.py), shared by all tests. Before
               each test it is at desktop size (1280 x 900) on about:blank, with no cookies and
               no stored data for the site. Change the size with
               `from chromium import set_size` and set_size(driver, "phone").
    site       built_site.Site of the site under test: .root (its folder, e.g. to read
               search.json and know the expected results), .name, .pages(), .page_kinds(),
               .facets().
    server     server.SiteServer: .url("practices/") and .base_path ("/praxis/").

A test passes when it returns; it fails on any exception (a plain `assert` with a message is
the usual way). There is no skipping: a test that skips does not run, so unittest.SkipTest fails
too. A test that needs something of the site (a word with an umlaut, a facet with two values)
asserts that it is there; the sites ./build.sh test checks (the catalogue and the rich fixture)
must have it. A failing test leaves a screenshot of the browser in the failures folder.
Helpers shared by tests live in tests/support.py (load, wait_for, press, focused, query_of);
axe_check.SEARCH_RENDERED tells whether the search page has shown its results.

    def test_search_finds_a_title(base_url, driver, site):
        driver.get(base_url + "search/?q=wuppertal")
        ...
        assert hits, f"no hit for 'wuppertal' on {driver.current_url}"

Run only some tests: check.py --only tests -k search SITE_DIR
"""

import glob
import importlib.util
import inspect
import os
import re
import sys
import time
import traceback
import unittest
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "tests")
FIXTURES = ("base_url", "driver", "site", "server")


@dataclass
class Outcome:
    site: str
    name: str
    status: str  # "passed", "failed"
    detail: str = ""
    seconds: float = 0.0


def discover(pattern=None):
    """[(name, function)] of every test_* function of tests/test_*.py, in file and source order;
    with pattern, only those whose "module.function" name contains it."""
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
    if TESTS not in sys.path:
        sys.path.insert(0, TESTS)
    found = []
    for path in sorted(glob.glob(os.path.join(TESTS, "test_*.py"))):
        module_name = os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        functions = [f for n, f in vars(module).items()
                     if n.startswith("test_") and inspect.isfunction(f) and f.__module__ == module_name]
        for function in sorted(functions, key=lambda f: f.__code__.co_firstlineno):
            unknown = [p for p in inspect.signature(function).parameters if p not in FIXTURES]
            if unknown:
                raise SystemExit(f"{path}: {function.__name__} asks for {', '.join(unknown)}; "
                                 f"a test may ask for {', '.join(FIXTURES)}")
            name = f"{module_name}.{function.__name__}"
            if not pattern or pattern in name:
                found.append((name, function))
    return found


def _reset(driver, server):
    from chromium import set_size
    driver.get("about:blank")
    driver.delete_all_cookies()
    origin = server.base_url[: server.base_url.index(server.base_path)]
    driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    set_size(driver, "desktop")
    driver.get_log("browser")  # an empty console for the test


def run_tests(tests, driver, server, site, failures_dir):
    """Runs the tests on one served site; returns their Outcomes, printing one line each."""
    outcomes = []
    for name, function in tests:
        _reset(driver, server)
        given = {"base_url": server.base_url, "driver": driver, "site": site, "server": server}
        wanted = {p: given[p] for p in inspect.signature(function).parameters}
        started = time.monotonic()
        try:
            function(**wanted)
            outcome = Outcome(site.name, name, "passed")
        except unittest.SkipTest as skip:
            outcome = Outcome(site.name, name, "failed", f"skipped, which counts as failed (a skipped test does not run): {skip}")
        except Exception as error:  # noqa: BLE001 - any error fails the test, the run goes on
            detail = _failure_text(error)
            shot = _screenshot(driver, failures_dir, f"{site.name}-{name}")
            if shot:
                detail += f"\n    screenshot: {shot}"
            try:
                detail += f"\n    page: {driver.current_url}"
            except Exception:  # noqa: BLE001
                pass
            outcome = Outcome(site.name, name, "failed", detail)
        outcome.seconds = time.monotonic() - started
        outcomes.append(outcome)
        print(f"tests: {site.name}: {name}: {outcome.status} ({outcome.seconds:.1f} s)")
    return outcomes


def _failure_text(error):
    """The message, and the test's own lines of the traceback (not Selenium's)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(TESTS)]
    where = "".join(f"\n    at {os.path.relpath(f.filename, HERE)}:{f.lineno}: {f.line}" for f in frames)
    message = str(error).split("Stacktrace:")[0].strip() or type(error).__name__  # Selenium's C++ frames
    if not isinstance(error, AssertionError):
        message = f"{type(error).__name__}: {message}"
    return message + where


def _screenshot(driver, folder, name):
    try:
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, re.sub(r"[^A-Za-z0-9._-]+", "-", name) + ".png")
        driver.save_screenshot(path)
        return path
    except Exception:  # noqa: BLE001 - a screenshot is a help, never a second failure
        return None
