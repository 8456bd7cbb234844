"""What a built Praxis site holds: its pages, and one page of each kind for the browser checks.

Kinds are found from the site's own files (the folder layout of Praxis' output, see README.md),
so a site that has no workshops simply has no workshop pages to check. A site in several
languages has a tree per language, the default one at the root and the others under /<lang>/
(found from the hreflang links of the home page); each tree gets its own pages of each kind.
"""

import html.parser
import os
import urllib.parse

# A unique query string marks the search page with a query; the 404 page is asked for at an
# address that does not exist, several folders deep, as a visitor's mistyped link would be.
SEARCH_QUERY = "integration"
MISSING_PAGE = "gibt-es-nicht/auch/nicht-hier/"


class HeadLinks(html.parser.HTMLParser):
    """The canonical link and the hreflang alternates of a page's head."""

    def __init__(self):
        super().__init__()
        self.canonical = None
        self.alternates = []  # [(lang, href)], x-default left out

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "link":
            return
        if attrs.get("rel") == "canonical" and self.canonical is None:
            self.canonical = attrs.get("href")
        elif attrs.get("rel") == "alternate" and attrs.get("hreflang") not in (None, "x-default"):
            self.alternates.append((attrs["hreflang"], attrs.get("href") or ""))


class Site:
    def __init__(self, site_dir):
        self.root = os.path.abspath(site_dir)
        self.name = os.path.basename(self.root.rstrip("/"))
        if not os.path.isfile(os.path.join(self.root, "index.html")):
            raise SystemExit(f"{site_dir}: not a built Praxis site (no index.html)")

    def languages(self):
        """[(lang, prefix)] of the site's language trees, the default first: [("de", ""),
        ("en", "en/")], from the hreflang links of the home page; [(None, "")] for a site in one
        language."""
        links = HeadLinks()
        with open(os.path.join(self.root, "index.html"), encoding="utf-8") as f:
            links.feed(f.read())
        base = links.canonical or ""
        found = []
        for lang, href in links.alternates:
            if not href.startswith(base):
                raise SystemExit(f"{self.root}/index.html: the {lang} version {href} is not under {base}")
            found.append((lang, href[len(base):]))
        found.sort(key=lambda item: (item[1] != "", item[1]))
        return found or [(None, "")]

    def html_files(self):
        """Every .html file of the site, sorted (hidden folders, like staging ones, left out)."""
        files = []
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".html")]
        return files

    def pages(self):
        """Every page as its address relative to the site root: '', 'practices/x/', '404.html'."""
        pages = []
        for file in self.html_files():
            relative = os.path.relpath(file, self.root).replace(os.sep, "/")
            if relative == "index.html":
                pages.append("")
            elif relative.endswith("/index.html"):
                pages.append(relative[: -len("index.html")])
            else:
                pages.append(relative)
        return pages

    def facets(self, prefix=""):
        """The facet folders of the language tree at prefix ("" or "en/"): its top-level folders
        with an overview and value pages in sub-folders, other than those of entries (practices,
        workshops, sources), the search page and the other languages' trees. partners is one of
        them (its overview lists partners, its sub-folders are partners)."""
        trees = {p.rstrip("/") for _, p in self.languages() if p}
        found = []
        tree = os.path.join(self.root, prefix)
        for name in sorted(os.listdir(tree)):
            folder = os.path.join(tree, name)
            if name.startswith(".") or name in ("practices", "workshops", "sources", "search", "assets") \
                    or (not prefix and name in trees):
                continue
            if os.path.isfile(os.path.join(folder, "index.html")) and any(
                    os.path.isfile(os.path.join(folder, sub, "index.html"))
                    for sub in os.listdir(folder) if sub != "page"):
                found.append(name)
        return found

    def page_kinds(self):
        """[(kind, address)] with one page of each kind the site has: the largest of its kind,
        since the page with the most content has the most to get wrong. Each language tree has
        its own; the kinds of a tree other than the default one are named "practice (en)"."""
        pages = set(self.pages())
        found = []
        for lang, prefix in self.languages():
            suffix = f" ({lang})" if prefix else ""
            found += [(kind + suffix, address) for kind, address in self._kinds(pages, prefix)]
        found.append(("404 page", MISSING_PAGE))
        return found

    def _kinds(self, pages, prefix):
        """page_kinds of the language tree at prefix, the 404 page left out."""

        def exists(address):
            return address in pages

        depth = prefix.count("/")

        def largest(folder, below):
            found = [p for p in pages if p.startswith(folder) and p.count("/") == depth + below
                     and p != folder and "/page/" not in p]
            return max(found, key=lambda p: (self._size(p), p)) if found else None

        overviews = [f"{prefix}{f}/" for f in self.facets(prefix) if f != "partners" and exists(f"{prefix}{f}/")]
        facet = max(overviews, key=lambda p: (self._size(p), p)) if overviews else None
        kinds = [
            ("home", prefix),
            ("practices list", f"{prefix}practices/"),
            ("practice", largest(f"{prefix}practices/", 2)),
            ("partners overview", f"{prefix}partners/"),
            ("partner", largest(f"{prefix}partners/", 2)),
            ("workshops list", f"{prefix}workshops/"),
            ("workshop", largest(f"{prefix}workshops/", 2)),
            ("day", largest(f"{prefix}workshops/", 3)),
            ("facet overview", facet),
            ("facet value", largest(facet, 2) if facet else None),
            ("sources list", f"{prefix}sources/"),
            ("source", largest(f"{prefix}sources/", 2)),
            ("about page", f"{prefix}about/"),
        ]
        paged = sorted(p for p in pages if p.endswith("/page/2/") and p.startswith(prefix)  # lists split by page_size
                       and (prefix or not any(p.startswith(t) for _, t in self.languages() if t)))
        kinds.append(("a list's second page", paged[0] if paged else None))
        found = [(kind, address) for kind, address in kinds if address is not None and exists(address)]
        if exists(f"{prefix}search/"):
            found.append(("search with a query", f"{prefix}search/?q={SEARCH_QUERY}"))
        return found

    def _size(self, address):
        file = os.path.join(self.root, address)
        if address.endswith("/") or not address:
            file = os.path.join(file, "index.html")
        try:
            return os.path.getsize(file)
        except OSError:
            return 0
