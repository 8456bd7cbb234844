"""Keyboard use: the skip link, and the search form in every page's header."""

import urllib.parse

from chromium import set_size
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from support import focused, load, press, query_of, wait_for

IN_VIEWPORT = """
    var r = arguments[0].getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
        && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
"""


def test_skip_link_is_first_and_moves_focus_to_main(base_url, site, driver):
    """On every kind of page: the first Tab reaches a visible link to the main content, and
    Enter on it puts the focus on <main>, so the next Tab starts in the content."""
    for kind, address in site.page_kinds():
        load(driver, base_url + address)
        press(driver, Keys.TAB)
        link = driver.switch_to.active_element
        href = link.get_attribute("href") or ""
        main = driver.find_elements(By.TAG_NAME, "main")
        assert main, f"{kind} ({address or '/'}): the page has no <main>"
        main_id = main[0].get_attribute("id")
        assert link.tag_name == "a" and main_id and href.endswith("#" + main_id), (
            f"{kind} ({address or '/'}): the first Tab reached {focused(driver)}, "
            f"not a skip link to #{main_id or '(main has no id)'}")
        assert driver.execute_script(IN_VIEWPORT, link), (
            f"{kind} ({address or '/'}): the skip link is focused but not visible in the viewport")
        press(driver, Keys.ENTER)
        wait_for(driver, lambda d: d.execute_script(
            "var m = document.querySelector('main');"
            "return document.activeElement === m || m.contains(document.activeElement);"),
            f"{kind} ({address or '/'}): after Enter on the skip link the focus is on {focused(driver)}, not in <main>")


def test_header_search_submits_to_the_search_page(base_url, site, driver):
    """The header's search form, from a page deep in the site and from the 404 page at a missing
    address (whose links are absolute), at desktop and phone size: typing a query and pressing
    Enter opens <base>/search/?q=<query>, the search page itself."""
    kinds = dict(site.page_kinds())
    deep = kinds.get("day") or kinds.get("practice") or kinds.get("practices list")
    query = "Mülheim Ausbildung"
    for size in ("desktop", "phone"):
        set_size(driver, size)
        for address in (deep, kinds["404 page"]):
            where = f"{address} ({size})"
            load(driver, base_url + address)
            fields = driver.find_elements(By.CSS_SELECTOR, "header form input[name=q]")
            assert fields, f"{where}: no search field named q in a form in the <header>"
            field = fields[0]
            assert field.is_displayed(), f"{where}: the header's search field is not visible"
            field.click()
            press(driver, query, Keys.ENTER)
            wait_for(driver, lambda d: urllib.parse.urlsplit(d.current_url).path.endswith("/search/"),
                     f"{where}: the header search did not open the search page")
            url = driver.current_url
            expected = urllib.parse.urlsplit(base_url + "search/")
            assert urllib.parse.urlsplit(url).path == expected.path, (
                f"{where}: the header search opened {url}, not a page under {expected.path}")
            assert query_of(url).get("q") == query, f"{where}: the query is not in ?q= of {url}"
            canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
            assert canonical.endswith("/search/"), f"{where}: {url} answered a page that is not the search page ({canonical})"
