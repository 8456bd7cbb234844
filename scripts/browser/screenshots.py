#!/usr/bin/env python3
"""Screenshots of a built site's pages at phone and desktop size, for people to look at.

  screenshots.py SITE_DIR OUT_DIR [PAGE ...] [--sizes phone,desktop] [--viewport]

PAGE is an address relative to the site root, as in the browser: "", "practices/",
"practices/wuppertal-arbeitsmarkt/", "search/?q=integration". Without pages, one page of each
kind is taken (the ones the axe check looks at, the 404 page at a missing address among them).
Writes OUT_DIR/<page>-<size>.png, each the whole page from top to bottom (--viewport: only
what the first screen shows). Not part of ./build.sh test.
"""

import argparse
import os
import re
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from built_site import MISSING_PAGE  # noqa: E402

MAX_HEIGHT = 12000  # CSS pixels: longer pages are cut here


def file_name(address, size):
    """'' -> home-phone.png, 'practices/x/' -> practices-x-phone.png, 'search/?q=a' -> search-q-a-phone.png"""
    if address == MISSING_PAGE:
        return f"404-{size}.png"
    parts = urllib.parse.urlsplit(address)
    text = (parts.path + ("-" + parts.query if parts.query else "")).strip("/") or "home"
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") + f"-{size}.png"


def main():
    parser = argparse.ArgumentParser(description="Screenshots of a built Praxis site.")
    parser.add_argument("site_dir")
    parser.add_argument("out_dir")
    parser.add_argument("pages", nargs="*", metavar="PAGE")
    parser.add_argument("--sizes", default="phone,desktop")
    parser.add_argument("--viewport", action="store_true", help="only the first screen, not the whole page")
    args = parser.parse_args()

    from axe_check import SEARCH_RENDERED
    from built_site import Site
    from chromium import SIZES, set_size, start_driver
    from selenium.webdriver.support.ui import WebDriverWait
    from server import SiteServer

    site = Site(args.site_dir)
    pages = args.pages or [address for _, address in site.page_kinds()]
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for size in sizes:
        if size not in SIZES:
            parser.error(f"unknown size {size}; known: {', '.join(SIZES)}")
    os.makedirs(args.out_dir, exist_ok=True)
    driver = start_driver()
    try:
        with SiteServer(site.root) as server:
            for size in sizes:
                width, height = SIZES[size]
                for address in pages:
                    set_size(driver, size)
                    driver.get(server.url(address))
                    wait = WebDriverWait(driver, 10)
                    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
                    if "search/?" in address:  # the search page of any language
                        try:
                            wait.until(lambda d: d.execute_script(SEARCH_RENDERED))
                        except Exception:  # noqa: BLE001 - the picture then shows what is wrong
                            print(f"{address}: the search showed no results within 10 s")
                    if not args.viewport:
                        full = driver.execute_script("return document.documentElement.scrollHeight")
                        set_size(driver, (width, min(max(full, height), MAX_HEIGHT)))
                        driver.execute_script("return new Promise(r => requestAnimationFrame(() => r()))")
                    path = os.path.join(args.out_dir, file_name(address, size))
                    driver.save_screenshot(path)
                    print(path)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
