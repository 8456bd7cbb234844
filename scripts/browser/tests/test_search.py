"""The search page as a reader uses it: spellings, prefixes, ranking, highlights, facet filters
with live counts, the state in the URL, the announced count, the keyboard.

Expected results are computed here from the built index files (search.json and search/), read
the documented way; the page must agree with them.
"""

import json
import os
import re
import unicodedata
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from support import focused, load, press, query_of, wait_for


# --- The index, read in Python -------------------------------------------------------------
class Index:
    def __init__(self, root):
        def read(path):
            with open(os.path.join(root, path), encoding="utf-8") as f:
                return json.load(f)
        self.manifest = read("search.json")
        folder = self.manifest["folder"]
        self.documents = []
        for n, size in enumerate(self.manifest["documentFiles"]):
            held = read(f"{folder}docs/{n}.json")
            assert len(held) == size, f"docs/{n}.json holds {len(held)} documents, search.json says {size}"
            self.documents += held
        assert len(self.documents) == self.manifest["documents"]
        self.facets = {}
        for facet in self.manifest["facets"]:
            data = read(f"{folder}facets/{facet['name']}.json")
            lists = []
            for deltas in data["documents"]:
                total, numbers = 0, set()
                for delta in decode(deltas):
                    total += delta
                    numbers.add(total)
                lists.append(numbers)
            self.facets[facet["name"]] = {v["id"]: numbers for v, numbers in zip(data["values"], lists)}


DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def decode(text):
    """Numbers from a string of base-32 digits (SearchShards.swift): the last digit of each
    number from the first 32 characters of DIGITS, the leading ones from the other 32."""
    numbers, value = [], 0
    for char in text:
        digit = DIGITS.index(char)
        if digit >= 32:
            value = value * 32 + digit - 32
        else:
            numbers.append(value * 32 + digit)
            value = 0
    return numbers


def normalize(text):
    """The page's normalisation (SearchText.swift, praxis.js), to find test words."""
    text = unicodedata.normalize("NFD", text.lower().replace("ß", "ss"))
    text = "".join(c for c in text if not 0x300 <= ord(c) <= 0x36F)
    return re.sub(r"ae|oe|ue", lambda m: m.group(0)[0], text)


# --- The page -------------------------------------------------------------------------------
def status(driver):
    return driver.find_element(By.ID, "search_status").text


def count_of(driver):
    match = re.match(r"(\d+)", status(driver))
    return int(match.group(1)) if match else 0


def open_search(driver, base_url, query=""):
    load(driver, base_url + "search/" + query)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search_facets details")
             and status(d) and "…" not in status(d), "the search page did not load its index")
    settle(driver)


def settle(driver):
    """Waits until the result list shows what the status line counts (first page of results)."""
    def done(d):
        shown = len(d.find_elements(By.CSS_SELECTOR, "#search_results > li"))
        return shown == min(count_of(d), 10) and "…" not in status(d)
    wait_for(driver, done, "the results did not settle")


def type_query(driver, text):
    field = driver.find_element(By.ID, "search_q")
    field.clear()
    field.send_keys(text)
    wait_for(driver, lambda d: query_of(d.current_url).get("q", "") == text.strip(), f"the URL did not take q={text!r}")
    settle(driver)


def shown_urls(driver, base_url):
    return [a.get_attribute("href")[len(base_url):] for a in driver.find_elements(By.CSS_SELECTOR, "#search_results h3 a")]


def all_result_urls(driver, base_url, limit=20):
    """Every result, pressing "more" as long as there is more (at most `limit` times)."""
    for _ in range(limit):
        more = driver.find_element(By.ID, "search_more")
        if not more.is_displayed():
            break
        before = len(shown_urls(driver, base_url))
        more.click()
        wait_for(driver, lambda d: len(shown_urls(d, base_url)) > before, "'more' showed nothing")
    return shown_urls(driver, base_url)


def label_of(driver, facet, value):
    box = driver.find_element(By.CSS_SELECTOR, f"#search_facets input[name='{facet}'][value='{value}']")
    return driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")


def word_with(index, letters):
    """(document, word) of the first title or summary word that contains one of letters."""
    for number, document in enumerate(index.documents):
        for word in re.findall(r"\w+", document["title"] + " " + document["summary"]):
            if any(letter in word for letter in letters) and len(word) >= 5:
                return number, word
    return None, None


# --- Tests ----------------------------------------------------------------------------------
def test_umlauts_and_sharp_s_are_found_in_every_spelling(base_url, driver, site):
    """`Mülheim` is found by `mulheim` and `muelheim`; `Straße` by `strasse`: each spelling gives
    the same results, and they include the entry the word was taken from."""
    index = Index(site.root)
    tried = 0
    for letters, spell in (("äöüÄÖÜ", lambda w: [w, w.translate(str.maketrans("äöüÄÖÜ", "aouAOU")),
                                                 w.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                                                  .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")]),
                           ("ß", lambda w: [w, w.replace("ß", "ss")])):
        number, word = word_with(index, letters)
        if word is None:
            continue
        tried += 1
        expected = index.documents[number]["url"]
        open_search(driver, base_url)
        results = {}
        for spelling in spell(word):
            type_query(driver, spelling)
            results[spelling] = (count_of(driver), all_result_urls(driver, base_url))
            assert expected in results[spelling][1], f"{spelling!r} does not find {expected} ({status(driver)})"
        assert len(set(map(str, results.values()))) == 1, f"spellings of {word!r} give different results: {results}"
    assert tried, ("the site has no title or summary word with an umlaut or ß, so nothing was tested: "
                   "every site checked by ./build.sh test must have one")


def test_prefixes_match_and_titles_rank_above_summaries_above_bodies(base_url, driver, site):
    """Typing the start of a word finds the word; results whose title has a match come before
    those with a match only in the summary or the facts line (place, tags, partners), and those
    before matches in the body alone."""
    index = Index(site.root)
    title = next(d["title"] for d in index.documents if d["type"] == "practice")
    word = max(re.findall(r"\w+", title), key=len)
    prefix = word[:max(4, len(word) // 2)]
    open_search(driver, base_url, "?q=" + urllib.parse.quote(prefix))
    assert count_of(driver) > 0, f"the prefix {prefix!r} of {word!r} finds nothing: {status(driver)}"
    marked = driver.find_elements(By.CSS_SELECTOR, "#search_results h3 mark")
    assert any(normalize(m.text).startswith(normalize(prefix)) for m in marked), \
        f"no title shows {prefix!r} highlighted"
    classes = []
    for item in driver.find_elements(By.CSS_SELECTOR, "#search_results > li"):
        in_title = bool(item.find_elements(By.CSS_SELECTOR, "h3 mark"))
        in_summary = bool(item.find_elements(By.CSS_SELECTOR, "p:not(.kicker) mark"))
        classes.append(2 if in_title else 1 if in_summary else 0)
    assert classes == sorted(classes, reverse=True), f"ranking is not title > summary > body: {classes}"


def test_highlights_are_the_matched_words_only(base_url, driver, site):
    index = Index(site.root)
    word = max(re.findall(r"\w+", index.documents[0]["title"]), key=len)
    open_search(driver, base_url, "?q=" + urllib.parse.quote(word))
    marks = driver.find_elements(By.CSS_SELECTOR, "#search_results mark")
    assert marks, f"nothing highlighted for {word!r}"
    for mark in marks:
        assert normalize(mark.text).startswith(normalize(word)), f"{mark.text!r} is highlighted for {word!r}"
    titles = {d["url"]: d["title"] for d in index.documents}
    for link in driver.find_elements(By.CSS_SELECTOR, "#search_results h3 a"):
        url = link.get_attribute("href")[len(base_url):]
        assert link.text == titles[url], f"the result title {link.text!r} is not the entry's title {titles[url]!r}"


def test_facet_filters_are_or_within_and_and_across_with_live_counts(base_url, driver, site):
    """Two values of one facet give their union; a value of another facet narrows it to the
    intersection; every count beside a value is what choosing it would give."""
    index = Index(site.root)
    small = [f for f in index.manifest["facets"] if not f.get("folded") and f["name"] != "type"]
    first = next((f for f in small if sum(1 for ids in index.facets[f["name"]].values() if ids) >= 2), None)
    assert first is not None, ("the site has no facet with two used values, so nothing was tested: "
                               "every site checked by ./build.sh test must have one")
    a, b = [v for v, ids in index.facets[first["name"]].items() if ids][:2]
    union = index.facets[first["name"]][a] | index.facets[first["name"]][b]
    open_search(driver, base_url)
    for value in (a, b):
        driver.find_element(By.CSS_SELECTOR, f"#search_facets input[name='{first['name']}'][value='{value}']").click()
        settle(driver)
    assert count_of(driver) == len(union), f"{first['name']}={a} OR {b}: {status(driver)}, expected {len(union)}"
    chosen = union
    for other in small:
        if other is first:
            continue
        for value, ids in index.facets[other["name"]].items():
            label = label_of(driver, other["name"], value)
            expected = len(chosen & ids)
            if expected:
                assert label.text.endswith(f"({expected})"), f"{other['name']}={value}: label {label.text!r}, expected ({expected})"
    third = next((o for o in small if o is not first and any(chosen & ids for ids in index.facets[o["name"]].values())), None)
    if third:
        value, ids = next((v, ids) for v, ids in index.facets[third["name"]].items() if chosen & ids)
        driver.find_element(By.CSS_SELECTOR, f"#search_facets input[name='{third['name']}'][value='{value}']").click()
        settle(driver)
        assert count_of(driver) == len(chosen & ids), f"AND across facets: {status(driver)}, expected {len(chosen & ids)}"
        params = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
        assert sorted(params[first["name"]]) == sorted([a, b]) and params[third["name"]] == [value], driver.current_url


def test_state_is_in_the_url_reload_and_back_restore_it(base_url, driver, site):
    index = Index(site.root)
    word = max(re.findall(r"\w+", index.documents[0]["title"]), key=len)
    open_search(driver, base_url)
    type_query(driver, word)
    searched = (count_of(driver), shown_urls(driver, base_url))
    box = next(b for b in driver.find_elements(By.CSS_SELECTOR, "#search_facets input[type=checkbox]")
               if b.is_displayed() and not b.get_attribute("name") == "type" and "(0)" not in
               driver.find_element(By.CSS_SELECTOR, f"label[for='{b.get_attribute('id')}']").text)
    box_id, name, value = box.get_attribute("id"), box.get_attribute("name"), box.get_attribute("value")
    box.click()
    settle(driver)
    filtered_url, filtered = driver.current_url, (count_of(driver), shown_urls(driver, base_url))
    assert query_of(filtered_url).get(name) == value, filtered_url

    driver.refresh()
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search_facets details"), "no facets after reload")
    settle(driver)
    assert driver.find_element(By.ID, "search_q").get_attribute("value") == word, "reload lost the query"
    restored = driver.find_element(By.ID, box_id)
    assert restored.is_selected(), "reload lost the filter"
    assert (count_of(driver), shown_urls(driver, base_url)) == filtered, "reload shows other results"

    driver.back()
    wait_for(driver, lambda d: not d.find_element(By.ID, box_id).is_selected(), "Back did not undo the filter")
    settle(driver)
    assert (count_of(driver), shown_urls(driver, base_url)) == searched, "Back does not show the results before the filter"
    assert driver.find_element(By.ID, "search_q").get_attribute("value") == word


def test_result_count_is_announced_and_results_link_under_the_sub_path(base_url, driver, site):
    index = Index(site.root)
    word = max(re.findall(r"\w+", index.documents[0]["title"]), key=len)
    open_search(driver, base_url, "?q=" + urllib.parse.quote(word))
    line = driver.find_element(By.ID, "search_status")
    assert line.get_attribute("aria-live") == "polite" and line.get_attribute("role") == "status"
    assert re.match(r"\d+ ", line.text), f"the status line does not say how many: {line.text!r}"
    link = driver.find_element(By.CSS_SELECTOR, "#search_results h3 a")
    target = link.get_attribute("href")
    assert target.startswith(base_url), f"{target} is not under {base_url}"
    link.click()
    wait_for(driver, lambda d: d.current_url == target, "the result link did not open")
    assert driver.find_elements(By.TAG_NAME, "h1") and "404" not in driver.title, f"{target} did not load"


def test_keyboard_reaches_filters_results_and_more(base_url, driver, site):
    """From the search field, Tab reaches the filters and then the results; Space toggles a
    filter; "more" moves the focus to the first new result."""
    index = Index(site.root)
    open_search(driver, base_url)
    driver.find_element(By.ID, "search_q").click()
    press(driver, Keys.TAB)   # the search button
    press(driver, Keys.TAB)   # the first facet's summary
    assert driver.switch_to.active_element.tag_name == "summary", f"after the form, focus is on {focused(driver)}"
    press(driver, Keys.TAB)
    box = driver.switch_to.active_element
    assert box.get_attribute("type") == "checkbox", f"the first filter is not reached by Tab: {focused(driver)}"
    press(driver, Keys.SPACE)
    settle(driver)
    assert box.is_selected() and count_of(driver) > 0, f"Space did not filter: {status(driver)}"
    if count_of(driver) <= 10:
        # Results to page through: the type filter off again, and the broadest query there is.
        press(driver, Keys.SPACE)
        settle(driver)
        common = max(index.facets["type"].items(), key=lambda item: len(item[1]))[0]
        if len(index.facets["type"][common]) <= 10:
            return
        driver.find_element(By.CSS_SELECTOR, f"#search_facets input[name='type'][value='{common}']").click()
        settle(driver)
    more = driver.find_element(By.ID, "search_more")
    assert more.is_displayed(), f"{status(driver)} but no 'more' button"
    more.send_keys(Keys.ENTER)
    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search_results > li")) > 10, "'more' added nothing")
    eleventh = driver.find_elements(By.CSS_SELECTOR, "#search_results > li")[10].find_element(By.TAG_NAME, "a")
    wait_for(driver, lambda d: d.switch_to.active_element == eleventh, f"after 'more' the focus is on {focused(driver)}")


def test_without_javascript_the_page_points_to_the_facet_pages(base_url, driver, site):
    with open(os.path.join(site.root, "search", "index.html"), encoding="utf-8") as f:
        html = f.read()
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S)
    assert noscript, "the search page has no <noscript> message"
    links = re.findall(r'href="([^"]+)"', noscript.group(1))
    assert links, "the <noscript> message links to no facet page"
    for href in links:
        target = os.path.normpath(os.path.join(site.root, "search", href, "index.html"))
        assert os.path.isfile(target), f"<noscript> links to {href}, which does not exist"
