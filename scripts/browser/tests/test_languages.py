"""Two languages as a reader meets them: the language switcher of a practice, a facet value page
and a workshop day leads to the same page in the other language and back; the English search
filters and finds English entries with an English interface; a page that has no version in the
other language leads to that language's home page and says so on the link; the switcher is a
labelled navigation that the keyboard reaches, that fits a 320 px screen and that print leaves out.

What the pages must show is read from the built site's own data, the documented way: the
hreflang links in a page's head (which versions exist), the search index of each language
(titles, facet labels, words) and the theme's strings (the texts of the interface).

The catalogue has every page in both languages, the rich fixture few translations. Where the
site under test lacks a page a test needs, the test uses a small site of its own instead
(SMALL_SITE below: a practice in both languages, one only in German, one only in English, a
facet and a workshop day in both), built with this repository's themes/default into a
temporary folder by the praxis that ./build.sh test has just built (.build/debug/praxis, or
$PRAXIS), and served like the others.
So every test acts on every site, and none skips.
"""

import atexit
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse

from built_site import HeadLinks, Site
from chromium import set_size
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from server import SiteServer
from support import focused, load, press, wait_for
from test_search import Index, all_result_urls, decode, normalize, settle, status

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
STRINGS = os.path.join(REPOSITORY, "themes", "default", "strings")


# --- What the built site says ------------------------------------------------------------
def versions(site, address):
    """{lang: address} of the versions of a page, from the hreflang links in its head."""
    links = HeadLinks()
    with open(os.path.join(site.root, address, "index.html"), encoding="utf-8") as f:
        links.feed(f.read())
    base = links.canonical[: len(links.canonical) - len(address)] if address else links.canonical
    return {lang: href[len(base):] for lang, href in links.alternates if href.startswith(base)}


def other_language(site):
    """(lang, prefix) of the site's first language after the default one: ("en", "en/")."""
    others = [(lang, prefix) for lang, prefix in site.languages() if prefix]
    assert others, f"{site.name} is built in one language: its home page has no hreflang link to another"
    return others[0]


def default_language(site):
    return site.languages()[0][0]


def strings(lang):
    """The theme's interface texts for lang (themes/default/strings/<lang>.yaml: key: text)."""
    texts = {}
    with open(os.path.join(STRINGS, f"{lang}.yaml"), encoding="utf-8") as f:
        for line in f:
            match = re.match(r"([\w-]+):\s*(.*)$", line.rstrip("\n"))
            if match:
                texts[match.group(1)] = match.group(2).strip().strip('"')
    return texts


def index_of(site, prefix):
    """The search index of the language tree at prefix, read as test_search reads it."""
    return Index(os.path.join(site.root, prefix))


def title_in_index(site, prefix, address):
    """The title the search index of the tree at prefix gives the page at address (under prefix)."""
    url = address[len(prefix):]
    titles = [d["title"] for d in index_of(site, prefix).documents if d["url"] == url]
    assert titles, f"{site.name}: the search index of {prefix or '/'} has no entry for {url}"
    return titles[0]


def translated(site, folder, depth, lang):
    """The default-language pages folder/<...>/ at depth (slashes in the address) that have a
    version in lang, sorted: [(address, address of the version)]."""
    found = []
    for address in sorted(site.pages()):
        if address.startswith(folder) and address.count("/") == depth and "/page/" not in address:
            other = versions(site, address).get(lang)
            if other and other != address:
                found.append((address, other))
    return found


def untranslated(site, lang, prefix=""):
    """Entry pages of the tree at prefix (a practice, partner, workshop or day) without a version
    in lang, sorted."""
    found = []
    entries = ("practices/", "partners/", "workshops/")
    for address in sorted(site.pages()):
        inside = address[len(prefix):] if address.startswith(prefix) else None
        if prefix == "" and any(address.startswith(p) for _, p in site.languages() if p):
            inside = None
        if inside and inside.startswith(entries) and inside.count("/") >= 2 and "/page/" not in inside \
                and lang not in versions(site, address):
            found.append(address)
    return found


# --- A small site of the test's own, for what the site under test lacks --------------------
SMALL_SITE = {
    "site.yaml": """\
title: {de: Kleiner Katalog, en: Small catalogue}
description: {de: Ein Katalog in zwei Sprachen., en: A catalogue in two languages.}
base_url: https://example.org/klein/
language: de
languages: [de, en]
facets:
  fields:
    label: {de: Handlungsfeld, en: Policy area}
    values:
      bildung-sprache: {de: Bildung und Sprache, en: Education and language}
""",
    "practices/sprachpaten.md": """\
---
title: Sprachpaten im Stadtteil
summary: Ehrenamtliche üben mit Zugewanderten Deutsch.
fields: [bildung-sprache]
---
Ein Beispiel, das es auf Deutsch und auf Englisch gibt.
""",
    "practices/sprachpaten.en.md": """\
---
title: Language mentors in the neighbourhood
summary: Volunteers practise German with newcomers.
fields: [bildung-sprache]
lang: en
---
An example in German and in English.
""",
    "practices/nur-deutsch.md": """\
---
title: Nur auf Deutsch beschrieben
summary: Dieses Beispiel gibt es nicht auf Englisch.
fields: [bildung-sprache]
---
Ein Beispiel ohne Übersetzung.
""",
    "practices/only-english.en.md": """\
---
title: Only in English
summary: This example has no German version.
fields: [bildung-sprache]
lang: en
---
An example without a German version.
""",
    "workshops/tagung/index.md": "---\ntitle: Tagung Sprache\nsummary: Ein Tag über Sprachförderung.\ndays: 1\n---\nDie Tagung.\n",
    "workshops/tagung/index.en.md": "---\ntitle: Conference on language\nsummary: A day on language support.\n"
                                    "days: 1\nlang: en\n---\nThe conference.\n",
    "workshops/tagung/day-1.md": "---\ntitle: Sprache im Alltag\nday: 1\n---\nDer erste Tag.\n",
    "workshops/tagung/day-1.en.md": "---\ntitle: Language in everyday life\nday: 1\nlang: en\n---\nThe first day.\n",
}
_small = {}


def small_site():
    """(base_url, Site) of SMALL_SITE, built and served once for all tests of the run."""
    if "site" not in _small:
        praxis = os.environ.get("PRAXIS") or os.path.join(REPOSITORY, ".build", "debug", "praxis")
        assert os.access(praxis, os.X_OK), (
            f"{praxis} is missing: the language tests build a small site with it "
            "(swift build --product praxis, or set PRAXIS to a praxis executable)")
        folder = tempfile.mkdtemp(prefix="praxis-languages-")
        atexit.register(shutil.rmtree, folder, True)
        # The theme of this repository, not the copy built into praxis: the tests check the theme's files.
        shutil.copytree(os.path.join(REPOSITORY, "themes", "default"), os.path.join(folder, "themes", "default"))
        for path, text in SMALL_SITE.items():
            file = os.path.join(folder, "content", path)
            os.makedirs(os.path.dirname(file), exist_ok=True)
            with open(file, "w", encoding="utf-8") as f:
                f.write(text)
        built = subprocess.run([praxis, "build", folder, "--output", os.path.join(folder, "public")],
                               capture_output=True, text=True, timeout=120)
        assert built.returncode == 0, f"praxis could not build the small site:\n{built.stdout}{built.stderr}"
        server = SiteServer(os.path.join(folder, "public")).start()
        atexit.register(server.stop)
        _small["site"] = (server.base_url, Site(os.path.join(folder, "public")))
    return _small["site"]


def site_with(base_url, site, find, what):
    """(base_url, site, found) for the site under test if find(site) finds something, else for
    the small site, where it must."""
    found = find(site)
    if found:
        return base_url, site, found
    base_url, site = small_site()
    found = find(site)
    assert found, f"neither the site under test nor the small site has {what}"
    return base_url, site, found


# --- The page ------------------------------------------------------------------------------
def page_state(driver):
    """The address, the language of <html> and the h1 of the page shown."""
    return driver.execute_script("""
        var h1 = document.querySelector('main h1');
        return [location.href, document.documentElement.lang, h1 ? h1.textContent.trim() : null];
    """)


def switcher_link(driver, lang):
    """The switcher's link to lang; fails unless it is there and visible."""
    links = driver.find_elements(By.CSS_SELECTOR, f"nav.language-switch a[hreflang='{lang}']")
    assert links, f"the language switcher has no link to {lang} on {driver.current_url}"
    assert links[0].is_displayed(), f"the switcher's link to {lang} is not visible on {driver.current_url}"
    return links[0]


def switch_to(driver, lang):
    """Follows the switcher's link to lang, as a reader clicks it, and waits for the new page."""
    before = driver.current_url
    switcher_link(driver, lang).click()
    wait_for(driver, lambda d: d.current_url != before
             and d.execute_script("return document.readyState") == "complete"
             and d.execute_script("return document.documentElement.lang") == lang,
             f"following the switcher to {lang} from {before} did not open a page in {lang}")
    return page_state(driver)


def assert_current(driver, lang):
    """The switcher marks lang as the language of the page, not as a link."""
    current = driver.find_elements(By.CSS_SELECTOR, "nav.language-switch [aria-current]")
    assert [c.get_attribute("lang") for c in current] == [lang], (
        f"the switcher marks {[c.get_attribute('lang') for c in current]} as current on {driver.current_url}, not {lang}")


def round_trip(driver, base_url, site, address, other, lang):
    """Opens address (default language), switches to lang, checks the page there, switches back."""
    home = default_language(site)
    prefix = dict(site.languages())[lang]
    load(driver, base_url + address)
    url, page_lang, heading = page_state(driver)
    assert page_lang == home, f"{address}: <html lang={page_lang!r}>, expected {home}"
    expected_title = title_in_index(site, "", address)
    assert heading == expected_title, f"{address}: h1 {heading!r}, the index says {expected_title!r}"
    assert_current(driver, home)

    url, page_lang, translated_heading = switch_to(driver, lang)
    assert url == base_url + other, f"the switcher on {address} opened {url}, not the same page in {lang} ({base_url + other})"
    english_title = title_in_index(site, prefix, other)
    assert translated_heading == english_title, (
        f"{other}: h1 {translated_heading!r}, the {lang} index says {english_title!r}")
    assert translated_heading != heading, f"{other} shows the {home} title {heading!r}"
    assert_current(driver, lang)

    url, page_lang, back_heading = switch_to(driver, home)
    assert url == base_url + address, f"back from {other} the switcher opened {url}, not {base_url + address}"
    assert back_heading == heading, f"back on {address} the h1 is {back_heading!r}, not {heading!r}"


# --- Tests ---------------------------------------------------------------------------------
def test_practice_switches_to_its_translation_and_back(base_url, driver, site):
    """On a practice, the switcher's English link opens the same practice in English (html
    lang="en", the English title as h1, English marked as current), and the German link there
    leads back to the German page."""
    lang, _ = other_language(site)
    base, chosen, pages = site_with(base_url, site, lambda s: translated(s, "practices/", 2, lang),
                                    f"a practice with a version in {lang}")
    address, other = pages[0]
    round_trip(driver, base, chosen, address, other, lang)


def test_facet_value_page_switches_with_the_labels_of_the_language(base_url, driver, site):
    """On a facet value page (fields/bildung-sprache/ in the catalogue), the switcher leads to
    the same value under /en/, where the value, the facet and the menu have their English labels;
    and back."""
    lang, prefix = other_language(site)
    home = default_language(site)

    def labels_of(s, address):
        """{lang: (facet label, value label)} from the search index of each language."""
        facet, value = address.strip("/").split("/")
        labels = {}
        for tree_lang, tree in ((home, ""), (lang, prefix)):
            data = next((f for f in index_of(s, tree).manifest["facets"] if f["name"] == facet), None)
            found = [v["label"] for v in (data or {}).get("values", []) if v["id"] == value]
            labels[tree_lang] = (data["label"], found[0]) if found else None
        return labels

    def find(s):
        """Facet value pages with a version in lang whose labels differ between the languages."""
        facets = [f for f in s.facets() if f != "partners"]
        pages = [(a, o) for f in sorted(facets, key=lambda f: f != "fields") for a, o in translated(s, f"{f}/", 2, lang)]
        return [(a, o, labels) for a, o in pages for labels in [labels_of(s, a)]
                if labels[home] and labels[lang] and labels[home][0] != labels[lang][0] and labels[home][1] != labels[lang][1]]
    base, chosen, pages = site_with(base_url, site, find,
                                    f"a facet value page with a version in {lang} and labels of its own there")
    address, other, labels = next((p for p in pages if p[0] == "fields/bildung-sprache/"), pages[0])

    load(driver, base + address)
    assert page_state(driver)[2] == labels[home][1], f"{address}: h1 {page_state(driver)[2]!r}, expected {labels[home][1]!r}"
    url, page_lang, heading = switch_to(driver, lang)
    assert url == base + other, f"the switcher on {address} opened {url}, not {base + other}"
    assert other == prefix + address, f"the {lang} version of {address} is {other}, not {prefix + address}"
    assert heading == labels[lang][1], f"{other}: h1 {heading!r}, not the {lang} label {labels[lang][1]!r}"
    kicker = driver.find_element(By.CSS_SELECTOR, "main .kicker").text
    assert kicker == labels[lang][0], f"{other}: the facet is labelled {kicker!r}, not {labels[lang][0]!r}"
    menu = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav.site-nav a")]
    assert labels[lang][0] in menu, f"{other}: the menu {menu} has no {labels[lang][0]!r}"
    assert labels[home][0] not in menu, f"{other}: the menu {menu} still says {labels[home][0]!r}"
    url, page_lang, heading = switch_to(driver, home)
    assert url == base + address and heading == labels[home][1], f"back from {other}: {url}, h1 {heading!r}"


def words_in(index, number):
    """Normalised words of a document's title (longest first), as the page would search them."""
    words = re.findall(r"\w+", normalize(index.documents[number]["title"]))
    stop = set(index.manifest["stopWords"])
    return sorted({w for w in words if len(w) >= 4 and w not in stop and not w.isdigit()}, key=lambda w: (-len(w), w))


def documents_with(root, index, word):
    """Numbers of the documents in which `word` is a word or, from 3 letters on, the start of one
    (praxis.js: exact words and prefixes, in every field)."""
    first = index.manifest["wordFiles"]
    found = set()
    for n in range(len(first)):
        path = os.path.join(root, index.manifest["folder"], "words", f"{n}.json")
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for candidate, postings in zip(data["words"], data["postings"]):
            if candidate == word or (len(word) >= 3 and candidate.startswith(word)):
                document = 0
                for code in decode(postings):
                    document += code >> 3
                    found.add(document)
    return found


def test_english_search_with_a_filter_finds_english_entries_with_english_texts(base_url, driver, site):
    """On the English search page: a word from an English title, with a facet value of that entry
    ticked, finds exactly the entries the English index has for both, all of them links under
    /en/ marked lang="en"; the status line, the filters and the kinds of entry are in English."""
    lang, prefix = other_language(site)
    texts = strings(lang)
    home_texts = strings(default_language(site))

    def find(s):
        if not os.path.isfile(os.path.join(s.root, prefix, "search.json")):
            return None
        index = index_of(s, prefix)
        for facet in index.manifest["facets"]:
            if facet["name"] == "type" or facet.get("folded"):
                continue
            for value, members in index.facets[facet["name"]].items():
                for number in sorted(members):
                    if index.documents[number]["lang"] == lang:
                        for word in words_in(index, number):
                            return index, facet, value, word
        return None
    base, chosen, (index, facet, value, word) = site_with(
        base_url, site, find, f"an entry in {lang} with a facet value")
    expected = documents_with(os.path.join(chosen.root, prefix), index, word) & index.facets[facet["name"]][value]
    expected_urls = sorted(prefix + index.documents[n]["url"] for n in expected)

    load(driver, base + prefix + "search/?q=" + urllib.parse.quote(word))
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search_facets details") and status(d)
             and status(d) != texts["search-loading"], "the English search page did not load its index")
    settle(driver)
    assert driver.execute_script("return document.documentElement.lang") == lang
    box = driver.find_element(By.CSS_SELECTOR, f"#search_facets input[name='{facet['name']}'][value='{value}']")
    if not box.is_displayed():
        box.find_element(By.XPATH, "ancestor::details/summary").click()
    box.click()
    wait_for(driver, lambda d: f"{facet['name']}={value}" in d.current_url, f"ticking {facet['name']}={value} did not reach the URL")
    settle(driver)

    line = status(driver)
    one, many = texts["search-result-one"], texts["search-results"]
    wanted = f"{len(expected)} {one if len(expected) == 1 else many} " + texts["search-for"].replace("{query}", word)
    assert line == wanted, f"the status line says {line!r}, expected {wanted!r}"
    assert home_texts["search-results"] not in line.split(), f"the status line is in {default_language(site)}: {line!r}"
    shown = sorted(all_result_urls(driver, base))
    assert shown == expected_urls, f"{word!r} with {facet['name']}={value} shows {shown}, the {lang} index has {expected_urls}"
    assert all(u.startswith(prefix) for u in shown), f"results outside /{prefix}: {shown}"
    for item in driver.find_elements(By.CSS_SELECTOR, "#search_results > li"):
        link = item.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href")[len(base):]
        entry = next(d for d in index.documents if prefix + d["url"] == link)
        assert item.get_attribute("lang") == entry["lang"] == lang, (
            f"the result {link} is marked lang={item.get_attribute('lang')!r}, the index says {entry['lang']!r}")
        kind = item.find_element(By.CSS_SELECTOR, ".kicker").text
        assert kind == texts[f"type-{entry['type']}"], f"the result {link} is a {kind!r}, not {texts['type-' + entry['type']]!r}"
    summaries = [s.text for s in driver.find_elements(By.CSS_SELECTOR, "#search_facets summary") if s.is_displayed()]
    assert facet["label"] in summaries and texts["search-type"] in summaries, (
        f"the filters are headed {summaries}, not in {lang} ({facet['label']!r}, {texts['search-type']!r})")
    heading = driver.find_element(By.ID, "filters_heading").text
    assert heading == texts["search-filters"], f"the filters' heading is {heading!r}, not {texts['search-filters']!r}"


def test_workshop_day_switches_to_its_translation_and_back(base_url, driver, site):
    """On a workshop day, the switcher opens the same day in the other language, with its title
    there, and leads back."""
    lang, _ = other_language(site)
    base, chosen, pages = site_with(base_url, site, lambda s: translated(s, "workshops/", 3, lang),
                                    f"a workshop day with a version in {lang}")
    address, other = pages[-1]
    round_trip(driver, base, chosen, address, other, lang)


def test_page_without_a_translation_leads_to_the_other_home_and_says_so(base_url, driver, site):
    """A page that has no version in the other language: the switcher's link to that language
    goes to its home page, and the link itself says so in words a reader sees (the theme's
    translation-missing text of that language). Both ways where the site has such pages."""
    lang, prefix = other_language(site)
    home = default_language(site)
    base, chosen, pages = site_with(base_url, site, lambda s: untranslated(s, lang),
                                    f"a page without a version in {lang}")
    cases = [(pages[0], lang, prefix)]
    back = untranslated(chosen, home, prefix)
    if back:
        cases.append((back[0], home, ""))
    for address, target, target_prefix in cases:
        load(driver, base + address)
        link = switcher_link(driver, target)
        note = strings(target)["translation-missing"]
        assert note in link.text, f"{address}: the link to {target} says {link.text!r}, not {note!r}"
        says = driver.execute_script(
            "var s = getComputedStyle(arguments[0]); return s.display !== 'none' && s.visibility === 'visible'"
            " && arguments[0].getBoundingClientRect().width > 0", link.find_element(By.TAG_NAME, "small"))
        assert says, f"{address}: the note on the link to {target} is not visible"
        assert link.get_attribute("lang") == target, f"{address}: the link to {target} is not marked lang={target}"
        url, page_lang, _ = switch_to(driver, target)
        assert url == base + target_prefix, f"{address}: the link to {target} opened {url}, not its home {base + target_prefix}"


def test_switcher_is_a_labelled_nav_the_keyboard_reaches_that_fits_320px_and_does_not_print(base_url, driver, site):
    """The switcher is one <nav> named by the theme's `languages` string of the page's language;
    one Tab from the menu's last link reaches its link, which then shows a focus outline; at
    320 px it and the page stay within the screen, also when the link carries the
    missing-translation note; printing leaves it out, as it leaves out the menu."""
    lang, prefix = other_language(site)
    home = default_language(site)
    base, chosen, missing = site_with(base_url, site, lambda s: untranslated(s, lang), f"a page without a version in {lang}")
    pages = [(base_url, "", home, lang), (base_url, prefix, lang, home), (base, missing[0], home, lang)]
    for base, address, page_lang, target in pages:
        where = base + address
        set_size(driver, "desktop")
        load(driver, where)
        navs = driver.find_elements(By.CSS_SELECTOR, "nav.language-switch")
        assert len(navs) == 1, f"{where}: {len(navs)} language switchers"
        label = navs[0].get_attribute("aria-label")
        assert label == strings(page_lang)["languages"], (
            f"{where}: the switcher is labelled {label!r}, not {strings(page_lang)['languages']!r}")
        link = switcher_link(driver, target)
        driver.execute_script("var links = document.querySelectorAll('nav.site-nav a'); links[links.length - 1].focus()")
        press(driver, Keys.TAB)
        assert driver.switch_to.active_element == link, (
            f"{where}: Tab from the menu's last link reaches {focused(driver)}, not the switcher's link to {target}")
        outline = driver.execute_script("var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth]", link)
        assert outline[0] != "none" and outline[1] != "0px", f"{where}: the focused switcher link shows no outline ({outline})"

        set_size(driver, (320, 640))
        load(driver, where)
        extent = driver.execute_script("""
            var parts = document.querySelectorAll('nav.language-switch, nav.language-switch li, nav.language-switch a');
            var left = Infinity, right = -Infinity;
            parts.forEach(function (e) { var r = e.getBoundingClientRect(); left = Math.min(left, r.left); right = Math.max(right, r.right); });
            return [document.documentElement.scrollWidth, Math.ceil(right), Math.floor(left)];""")
        assert extent[0] <= 320 and extent[1] <= 320 and extent[2] >= 0, (
            f"{where}: at 320 px the page is {extent[0]} px wide, the switcher spans {extent[2]}–{extent[1]} px")

        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            display = driver.execute_script(
                "return ['nav.language-switch', 'nav.site-nav'].map(function (s) {"
                " return getComputedStyle(document.querySelector(s)).display; })")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        assert display[0] == "none", f"{where}: the switcher is printed (display: {display[0]})"
