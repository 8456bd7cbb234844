"""`praxis serve` in headless Chromium: what an editor sees while writing.

  .build/browser-venv/bin/python scripts/browser/serve_check.py PRAXIS SITE_ROOT [SCREENSHOT_DIR]

Copies SITE_ROOT (content/, seeds/, themes/) to a temporary folder, starts `PRAXIS serve` on it
and, with a practice page open in the browser and the browser never touched again:

  1. edits the practice's title: the open page shows the new title (live reload);
  2. breaks its front matter (a key that does not exist): the open page shows the overlay, an
     alert dialog naming the file and line, with the focus on its close button, and passes
     axe-core's WCAG 2.0/2.1 A and AA rules;
  3. fixes it: the overlay goes by itself;
  4. edits the practice template: the open page shows the change;
  5. adds a practice (its page opens) and deletes it: the open page turns into the 404 page.

Exits 1 with the failed step and a screenshot in .build/browser-failures/ when one fails. With
SCREENSHOT_DIR, leaves overlay.png there: the overlay as an editor sees it.

Every wait is for an event (a line praxis serve prints, a build number of /__praxis/state, a
change of the page), with a generous upper bound that only keeps a failure from hanging: a
loaded machine makes the check slower, never wrong. The page is read in one script run, not
element by element: an element found just before the page reloads is gone when it is asked for
its text ("stale"), and that must count as "not yet", not as a failure.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import json
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from chromium import browser_errors, start_driver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FAILURES = os.path.join(HERE, "..", "..", ".build", "browser-failures")

# Upper bounds only: each wait ends as soon as what it waits for happens.
START_SECONDS = 300
STEP_SECONDS = 120


class Serve:
    """`praxis serve ROOT --port 0`, its output read on a thread that tells every new line."""

    def __init__(self, praxis, root):
        self.lines = []
        self.ended = False
        self.changed = threading.Condition()
        self.process = subprocess.Popen([praxis, "serve", root, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()

        def serving():
            for line in self.lines:
                match = re.match(r"Serving (http://127\.0\.0\.1:\d+)(/\S*) ", line)
                if match:
                    return match
            return None
        match = self.wait_for(lambda: serving() or self.ended, START_SECONDS)
        if not match or match is True:
            raise SystemExit("praxis serve did not start:\n" + "\n".join(self.lines))
        self.origin = match.group(1)
        self.url = match.group(1) + match.group(2)

    def _read(self):
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.ended = True
            self.changed.notify_all()

    def wait_for(self, predicate, seconds):
        """Waits until `predicate()` (looked at whenever a line comes) is true; returns it."""
        with self.changed:
            return self.changed.wait_for(predicate, timeout=seconds)

    def builds(self):
        """The lines that report a build, in order."""
        return [line for line in self.lines if re.match(r"(Built|Rebuilt) in |Build failed", line)]

    def state(self):
        """/__praxis/state: the build served and the problems of the last build."""
        with urllib.request.urlopen(self.origin + "/__praxis/state", timeout=STEP_SECONDS) as response:
            return json.load(response)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wait(driver, condition, what, seconds=STEP_SECONDS):
    """Waits until `condition(driver)` is true. While the page reloads, the browser may answer
    with an error (the document went away under the script): that is "not yet"."""
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.05, ignored_exceptions=(WebDriverException,)) \
            .until(lambda d: condition(d))
    except Exception:
        raise AssertionError(f"{what} (not within {seconds} s on {driver.current_url}: {page(driver)})") from None


def page(driver):
    """What the open page shows, read in one script run: its build (data-build of the live
    script), the text of its h1, the overlay's text (None without one), and whether the
    overlay has the focus on its close button."""
    try:
        return driver.execute_script("""
            if (document.readyState !== "complete") { return null; }
            var script = document.querySelector("script[data-build]");
            var h1 = document.querySelector("h1");
            var overlay = document.getElementById("praxis-overlay");
            var shown = overlay !== null && getComputedStyle(overlay).display !== "none";
            var marker = document.getElementById("serve-check");
            return {
                build: script ? Number(script.getAttribute("data-build")) : null,
                h1: h1 ? h1.textContent.trim() : "",
                overlay: shown ? overlay.textContent : null,
                role: overlay ? overlay.getAttribute("role") : null,
                focus: document.activeElement ? document.activeElement.textContent : null,
                marker: marker ? marker.textContent : null
            };
        """)
    except WebDriverException:
        return None


def shows(condition):
    """A wait condition on `page()`: what the page shows once `condition` holds for it, false
    until then (and while the page is loading)."""
    def check(driver):
        state = page(driver)
        return state if state is not None and condition(state) else False
    return check


def write(path, text):
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def replace_line(path, pattern, replacement):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern} not found in {path}"
    with open(path, "w", encoding="utf-8") as file:
        file.write(new)
    return text


def axe_on_overlay(driver):
    """axe-core's WCAG A/AA violations inside the overlay."""
    from axe_check import TAGS, axe_script
    driver.execute_script(axe_script())
    result = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        axe.run('#praxis-overlay', {runOnly: {type: 'tag', values: arguments[0]}})
            .then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help; })); })
            .catch(function (e) { done(['axe failed: ' + e]); });
    """, TAGS)
    return result


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    praxis, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    screenshots = sys.argv[3] if len(sys.argv) == 4 else None
    work = tempfile.mkdtemp(prefix="praxis-serve-check-")
    for folder in ("content", "seeds", "themes"):
        if os.path.isdir(os.path.join(source, folder)):
            shutil.copytree(os.path.join(source, folder), os.path.join(work, folder))
    practices = os.path.join(work, "content", "practices")
    practice = sorted(name[:-3] for name in os.listdir(practices) if name.endswith(".md"))[0]
    path = os.path.join(practices, practice + ".md")
    template = os.path.join(work, "themes", "default", "templates", "practice.mustache")

    serve = Serve(praxis, work)
    driver = start_driver()
    driver.set_script_timeout(STEP_SECONDS)
    step = "open the practice page"
    try:
        address = serve.url + f"practices/{practice}/"
        driver.get(address)
        first = wait(driver, shows(lambda p: p["build"] is not None), "the page loads")
        title = first["h1"]
        print(f"serve: opened {address}: \"{title}\" (build {first['build']})")

        def edit(change):
            """Makes a change and waits until praxis serve has reported its build: every
            change is built before the next one is made, so no two steps share a build."""
            count = len(serve.builds())
            change()
            assert serve.wait_for(lambda: len(serve.builds()) > count, STEP_SECONDS), \
                f"praxis serve reports no build within {STEP_SECONDS} s"

        step = "1. edit the title"
        original = replace_line(path, r"^title: .*$", "title: Geänderter Titel im Browser")
        wait(driver, shows(lambda p: p["h1"] == "Geänderter Titel im Browser"), "the open page shows the new title")
        print("serve: 1. the open page shows the edited title")

        step = "2. break the front matter"
        good = serve.state()["build"]
        with open(path, encoding="utf-8") as file:
            lines = file.read().split("\n")
        lines.insert(2, "fieldz: [bildung-sprache]")
        # An editor's save may be seen half-written (the file emptied, then written): wait
        # for the build of the whole file, the one that names line 3.
        where = f"content/practices/{practice}.md:3"
        edit(lambda: write(path, "\n".join(lines)))
        shown = wait(driver, shows(lambda p: p["overlay"] is not None and where in p["overlay"]),
                     f"the overlay appears and names {where}")
        assert shown["role"] == "alertdialog", "the overlay is an alert dialog"
        assert shown["focus"] == "Close", f"the focus is on the close button, not {shown['focus']!r}"
        assert shown["h1"] == "Geänderter Titel im Browser", "the last good page stays"
        assert serve.state()["build"] == good, "a failed build leaves the last good site served"
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
            driver.save_screenshot(os.path.join(screenshots, "overlay.png"))
        violations = axe_on_overlay(driver)
        assert not violations, f"axe: {violations}"
        print(f"serve: 2. the overlay shows {where} with the focus on its close button; axe finds nothing")

        step = "3. fix the front matter"
        edit(lambda: write(path, original))
        # The good build has a new number; the open page reloads into it (or, had it missed the
        # event, is told the number when its stream connects again) and shows no overlay.
        fixed = wait(driver, shows(lambda p: p["build"] > good and p["overlay"] is None and p["h1"] == title),
                     "the overlay goes and the page is as before")
        assert serve.state()["problems"] == [], "the state has no problems"
        print(f"serve: 3. fixed: the overlay is gone (build {fixed['build']})")

        step = "4. edit the template"
        with open(template, encoding="utf-8") as file:
            text = file.read()
        edit(lambda: write(template, text.replace("{{/main}}", '<p id="serve-check">Vorlage geändert</p>{{/main}}', 1)))
        wait(driver, shows(lambda p: p["marker"] == "Vorlage geändert"), "the open page shows the template's change")
        print("serve: 4. the open page shows the edited template")

        step = "5. add and delete a practice"
        added = os.path.join(practices, "serve-check-neu.md")
        new_page = serve.url + "practices/serve-check-neu/"
        edit(lambda: write(added, original.replace("\n---\n", "\n---\nEin neues Praxisbeispiel.\n", 1)))
        wait(driver, lambda d: d.execute_script("return fetch(arguments[0]).then(r => r.status)", new_page) == 200,
             "the added practice is served")
        driver.get(new_page)
        wait(driver, lambda d: "Ein neues Praxisbeispiel." in d.page_source, "the added practice's page opens")
        edit(lambda: os.remove(added))
        wait(driver, lambda d: d.execute_script("return document.readyState") == "complete"
             and "Ein neues Praxisbeispiel." not in d.page_source, "the deleted practice's open page reloads")
        status = driver.execute_script("return fetch(location.href).then(r => r.status)")
        assert status == 404, f"the deleted practice's address answers {status}"
        print("serve: 5. an added practice is served; deleted, its open page becomes the 404 page")

        errors = [error for error in browser_errors(driver, ignore=["/favicon.ico", "404"])]
        assert not errors, f"browser console: {errors}"
    except AssertionError as failure:
        os.makedirs(FAILURES, exist_ok=True)
        shot = os.path.join(FAILURES, "serve-check.png")
        driver.save_screenshot(shot)
        print(f"serve: {step}: FAILED: {failure}\n  screenshot: {shot}\n  praxis serve said:\n    " + "\n    ".join(serve.lines[-15:]))
        sys.exit(1)
    finally:
        driver.quit()
        serve.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("serve: all steps passed")


if __name__ == "__main__":
    main()
