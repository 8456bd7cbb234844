/// `sitemap.xml` and `robots.txt`, with absolute URLs under `base_url`.
enum Sitemap {
    /// `pagePaths` are the paths of the HTML pages; 404.html is left out.
    static func make(_ site: Site, paths pagePaths: [String]) -> OutputFile {
        make([(site, pagePaths)])
    }

    /// The pages of every language's tree (the default language's first); with several, each
    /// page lists its versions (`xhtml:link rel="alternate" hreflang`), itself included, and
    /// `x-default`, the default language's version.
    static func make(_ trees: [(site: Site, paths: [String])]) -> OutputFile {
        let many = trees.count > 1
        let pages = trees.map { tree in Set(tree.paths.lazy.filter { $0.hasSuffix("index.html") }.map { String($0.dropFirst(tree.site.prefix.count)) }) }
        var lines: [String] = []
        for (number, tree) in trees.enumerated() {
            let site = tree.site
            let paths = pages[number].sorted()
            var lastModified: [String: String] = [:]
            for practice in site.practices where site.isOwn(practice.origin.file) {
                lastModified[SitePaths.file(for: SitePaths.practice(practice.id))] = practice.updated
            }
            for path in paths {
                var alternates: [(lang: String, url: String)] = []
                // Every version, itself included, and x-default: as in the page's head.
                if many {
                    for (other, otherTree) in trees.enumerated() where pages[other].contains(path) {
                        alternates.append((otherTree.site.pageLanguage, url(otherTree.site, path)))
                    }
                    alternates.append(("x-default", url(pages[0].contains(path) ? trees[0].site : site, path)))
                }
                lines.append(entry(url(site, path), lastModified: lastModified[path], alternates: alternates))
            }
        }
        return document(lines, alternates: many)
    }

    /// The address of the page written at `path` (below its tree) of `site`'s tree.
    private static func url(_ site: Site, _ path: String) -> String {
        site.config.baseURL + site.prefix + path.dropLast("index.html".count)
    }

    static func entry(_ url: String, lastModified: String?, alternates: [(lang: String, url: String)] = []) -> String {
        var line = "  <url><loc>\(XML.escape(url))</loc>"
        if let lastModified { line += "<lastmod>\(XML.escape(lastModified))</lastmod>" }
        for alternate in alternates {
            line += "<xhtml:link rel=\"alternate\" hreflang=\"\(XML.escape(alternate.lang))\" href=\"\(XML.escape(alternate.url))\"/>"
        }
        return line + "</url>\n"
    }

    static func document(_ entries: [String], alternates: Bool = false) -> OutputFile {
        var xml = alternates ? """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """ : """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        xml.reserveCapacity(entries.reduce(xml.utf8.count + 12) { $0 + $1.utf8.count })
        for entry in entries { xml += entry }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    static func robots(_ site: Site) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)sitemap.xml\n")
    }
}
