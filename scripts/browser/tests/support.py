"""Helpers for behaviour tests (see runner.py for how a test is written)."""

import urllib.parse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def load(driver, url):
    """Opens url and waits until the page and its deferred scripts have run."""
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def wait_for(driver, condition, message, seconds=10):
    """Waits until condition(driver) is true; fails with message otherwise."""
    try:
        return WebDriverWait(driver, seconds).until(condition)
    except Exception:
        raise AssertionError(f"{message} (waited {seconds} s on {driver.current_url})") from None


def press(driver, *keys):
    """Presses keys as a person would, at whatever has the focus (Keys.TAB, Keys.ENTER, text)."""
    ActionChains(driver).send_keys(*keys).perform()


def focused(driver):
    """A short description of the focused element: 'a.skip-link "Zum Inhalt springen"'."""
    return driver.execute_script("""
        var e = document.activeElement;
        if (!e || e === document.body) return "the page itself (nothing focused)";
        var name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
            + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\\s+/).join(".") : "");
        var text = (e.innerText || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 40);
        return name + (text ? ' "' + text + '"' : "");
    """)


def query_of(url):
    """The query of url as a dict of single values: 'search/?q=a+b' -> {'q': 'a b'}."""
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).items()}
