"""What a built Praxis site holds: its pages, and one page of each kind for the browser checks.

Kinds are found from the site's own files (the folder layout of Praxis' output, see README.md),
so a site that has no workshops simply has no workshop pages to check.
"""

import os

# A unique query string marks the search page with a query; the 404 page is asked for at an
# address that does not exist, several folders deep, as a visitor's mistyped link would be.
SEARCH_QUERY = "integration"
MISSING_PAGE = "gibt-es-nicht/auch/nicht-hier/"


class Site:
    def __init__(self, site_dir):
        self.root = os.path.abspath(site_dir)
        self.name = os.path.basename(self.root.rstrip("/"))
        if not os.path.isfile(os.path.join(self.root, "index.html")):
            raise SystemExit(f"{site_dir}: not a built Praxis site (no index.html)")

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

    def facets(self):
        """The facet folders: top-level folders with an overview and value pages in sub-folders,
        other than those of entries (practices, workshops, sources) and the search page.
        partners is one of them (its overview lists partners, its sub-folders are partners)."""
        found = []
        for name in sorted(os.listdir(self.root)):
            folder = os.path.join(self.root, name)
            if name.startswith(".") or name in ("practices", "workshops", "sources", "search", "assets"):
                continue
            if os.path.isfile(os.path.join(folder, "index.html")) and any(
                    os.path.isfile(os.path.join(folder, sub, "index.html"))
                    for sub in os.listdir(folder) if sub != "page"):
                found.append(name)
        return found

    def page_kinds(self):
        """[(kind, address)] with one page of each kind the site has: the largest of its kind,
        since the page with the most content has the most to get wrong."""
        pages = set(self.pages())

        def exists(address):
            return address in pages

        def largest(prefix, depth):
            found = [p for p in pages if p.startswith(prefix) and p.count("/") == depth
                     and p != prefix and "/page/" not in p]
            return max(found, key=lambda p: (self._size(p), p)) if found else None

        overviews = [f"{f}/" for f in self.facets() if f != "partners" and exists(f"{f}/")]
        facet = max(overviews, key=lambda p: (self._size(p), p)) if overviews else None
        kinds = [
            ("home", ""),
            ("practices list", "practices/"),
            ("practice", largest("practices/", 2)),
            ("partners overview", "partners/"),
            ("partner", largest("partners/", 2)),
            ("workshops list", "workshops/"),
            ("workshop", largest("workshops/", 2)),
            ("day", largest("workshops/", 3)),
            ("facet overview", facet),
            ("facet value", largest(facet, 2) if facet else None),
            ("sources list", "sources/"),
            ("source", largest("sources/", 2)),
            ("about page", "about/"),
        ]
        paged = sorted(p for p in pages if p.endswith("/page/2/"))  # lists split by page_size
        kinds.append(("a list's second page", paged[0] if paged else None))
        found = [(kind, address) for kind, address in kinds if address is not None and exists(address)]
        if exists("search/"):
            found.append(("search with a query", f"search/?q={SEARCH_QUERY}"))
        found.append(("404 page", MISSING_PAGE))
        return found

    def _size(self, address):
        file = os.path.join(self.root, address)
        if address.endswith("/") or not address:
            file = os.path.join(file, "index.html")
        try:
            return os.path.getsize(file)
        except OSError:
            return 0
