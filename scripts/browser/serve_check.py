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
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from chromium import browser_errors, start_driver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FAILURES = os.path.join(HERE, "..", "..", ".build", "browser-failures")


class Serve:
    """`praxis serve ROOT --port 0`, its output read on a thread."""

    def __init__(self, praxis, root):
        self.lines = []
        self.process = subprocess.Popen([praxis, "serve", root, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, bufsize=1)
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for line in self.lines:
                match = re.match(r"Serving (http://127\.0\.0\.1:\d+/\S*) ", line)
                if match:
                    self.url = match.group(1)
                    return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise SystemExit("praxis serve did not start:\n" + "\n".join(self.lines))

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wait(driver, condition, what, seconds=15):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d))
    except Exception:
        raise AssertionError(f"{what} (waited {seconds} s on {driver.current_url})") from None


def text_of(driver, selector):
    elements = driver.find_elements(By.CSS_SELECTOR, selector)
    return elements[0].text if elements else ""


def overlay(driver):
    """The overlay if it is shown, else None."""
    found = driver.find_elements(By.ID, "praxis-overlay")
    return found[0] if found and found[0].is_displayed() else None


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
    step = "open the practice page"
    try:
        page = serve.url + f"practices/{practice}/"
        driver.get(page)
        wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", "the page loads")
        title = text_of(driver, "h1")
        print(f"serve: opened {page}: \"{title}\"")

        step = "1. edit the title"
        original = replace_line(path, r"^title: .*$", "title: Geänderter Titel im Browser")
        wait(driver, lambda d: text_of(d, "h1") == "Geänderter Titel im Browser", "the open page shows the new title")
        print("serve: 1. the open page shows the edited title")

        step = "2. break the front matter"
        with open(path, encoding="utf-8") as file:
            lines = file.read().split("\n")
        lines.insert(2, "fieldz: [bildung-sprache]")
        with open(path, "w", encoding="utf-8") as file:
            file.write("\n".join(lines))
        shown = wait(driver, overlay, "the overlay appears")
        where = f"content/practices/{practice}.md:3"
        assert where in shown.text, f"the overlay names {where}: {shown.text!r}"
        assert shown.get_attribute("role") == "alertdialog", "the overlay is an alert dialog"
        focused = driver.execute_script("return document.activeElement && document.activeElement.textContent")
        assert focused == "Close", f"the focus is on the close button, not {focused!r}"
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
            driver.save_screenshot(os.path.join(screenshots, "overlay.png"))
        violations = axe_on_overlay(driver)
        assert not violations, f"axe: {violations}"
        assert text_of(driver, "h1") == "Geänderter Titel im Browser", "the last good page stays"
        print(f"serve: 2. the overlay shows {where} with the focus on its close button; axe finds nothing")

        step = "3. fix the front matter"
        with open(path, "w", encoding="utf-8") as file:
            file.write(original)
        wait(driver, lambda d: overlay(d) is None and text_of(d, "h1") == title, "the overlay goes and the page is as before")
        print("serve: 3. fixed: the overlay is gone")

        step = "4. edit the template"
        with open(template, encoding="utf-8") as file:
            text = file.read()
        with open(template, "w", encoding="utf-8") as file:
            file.write(text.replace("{{/main}}", '<p id="serve-check">Vorlage geändert</p>{{/main}}', 1))
        wait(driver, lambda d: text_of(d, "#serve-check") == "Vorlage geändert", "the open page shows the template's change")
        print("serve: 4. the open page shows the edited template")

        step = "5. add and delete a practice"
        added = os.path.join(practices, "serve-check-neu.md")
        with open(added, "w", encoding="utf-8") as file:
            file.write(original.replace("\n---\n", "\n---\nEin neues Praxisbeispiel.\n", 1))
        new_page = serve.url + "practices/serve-check-neu/"
        wait(driver, lambda d: d.execute_script("return fetch(arguments[0]).then(r => r.status)", new_page) == 200,
             "the added practice is served")
        driver.get(new_page)
        wait(driver, lambda d: "Ein neues Praxisbeispiel." in d.page_source, "the added practice's page opens")
        os.remove(added)
        wait(driver, lambda d: "Ein neues Praxisbeispiel." not in d.page_source, "the deleted practice's open page reloads")
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
