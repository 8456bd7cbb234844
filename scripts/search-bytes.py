#!/usr/bin/env python3
"""How much of the search index a reader's first query downloads, measured in a real browser.

  scripts/search-bytes.py [--tree LANG] SITE_DIR [SITE_DIR ...]

--tree en measures the search of a site's English tree (en/search/ with en/search.json) instead
of the default language's.

Each built site is served under its sub-path (scripts/browser/server.py) and opened in headless
Chromium (scripts/browser/chromium.py) at desktop size, where the facets with few values are
open and so load their data too. For each query the search page is opened fresh, in two ways:

  url     search/?q=QUERY, as from a shared link or the header search box
  typed   the empty search page, then QUERY typed one letter every 250 ms (slower than the
          page's 120 ms pause, so every prefix on the way is searched too)

When the first results are shown, the page's own resource timing tells which files of the index
it fetched (search.json and search/...). Their sizes are read from the site folder, raw and
gzip-compressed at level 6 (the default of gzip and of Apache's mod_deflate), so the figures
do not depend on the test server. Prints one line per site and query.
"""

import gzip
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "browser"))
from chromium import start_driver  # noqa: E402
from server import SiteServer  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

# Words a reader of the catalogue (or of the benchmark corpus) would type first: a topic, a
# place with an umlaut, a target group, a word of the body text.
QUERIES = ["Integration", "Fürth", "Fachkräfte", "Teilhabe"]

SHOWN = ("var s = document.getElementById('search_status');"
         "var l = document.getElementById('search_results');"
         "return !!(s && /\\d|Keine|No /.test(s.textContent) && (l.children.length || /Keine|No /.test(s.textContent)));")
FETCHED = ("return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
           ".filter(function (n) { return /\\/search(\\.json|\\/)/.test(n); });")


def wait_until_shown(driver, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        if driver.execute_script(SHOWN):
            return
        time.sleep(0.05)
    raise SystemExit("the search page showed no results in time: " + driver.current_url)


def sizes(site_dir, base_url, urls):
    raw = packed = 0
    for url in sorted(set(urls)):
        path = urllib.parse.urlparse(url).path
        relative = path[len(urllib.parse.urlparse(base_url).path):]
        with open(os.path.join(site_dir, relative), "rb") as f:
            data = f.read()
        raw += len(data)
        packed += len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(set(urls)), raw, packed


def practices(site_dir, tree=""):
    with open(os.path.join(site_dir, tree, "search.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    for facet in manifest["facets"]:
        if facet["name"] == "type":
            return next((v["count"] for v in facet["values"] if v["id"] == "practice"), 0)
    return 0


def main():
    args = sys.argv[1:]
    tree = ""
    if args[:1] == ["--tree"]:
        tree, args = args[1] + "/", args[2:]
    sites = args or ["public"]
    print(f"{'practices':>9}  {'how':5}  {'query':12}  {'files':>5}  {'raw KB':>8}  {'gzip KB':>8}  results")
    driver = start_driver("desktop")
    try:
        for site_dir in sites:
            count = practices(site_dir, tree)
            with SiteServer(site_dir) as server:
                for query in QUERIES:
                    for how in ("url", "typed"):
                        if how == "url":
                            driver.get(server.url(tree + "search/?q=" + urllib.parse.quote(query)))
                        else:
                            driver.get(server.url(tree + "search/"))
                            wait_until_shown_or_hint(driver)
                            field = driver.find_element(By.ID, "search_q")
                            for letter in query:
                                field.send_keys(letter)
                                time.sleep(0.25)
                        wait_until_shown(driver)
                        time.sleep(0.3)  # the documents of the first results arrive after the count
                        files, raw, packed = sizes(site_dir, server.base_url, driver.execute_script(FETCHED))
                        status = driver.find_element(By.ID, "search_status").text
                        print(f"{count:>9}  {how:5}  {query:12}  {files:>5}  {raw / 1000:>8.1f}  {packed / 1000:>8.1f}  {status}")
                        sys.stdout.flush()
    finally:
        driver.quit()


def wait_until_shown_or_hint(driver, seconds=30):
    """The empty page is ready when its facets are built (the index manifest has loaded)."""
    end = time.time() + seconds
    while time.time() < end:
        if driver.execute_script("return !!document.querySelector('#search_facets details');"):
            return
        time.sleep(0.05)
    raise SystemExit("the search page did not load its index in time: " + driver.current_url)


if __name__ == "__main__":
    main()
