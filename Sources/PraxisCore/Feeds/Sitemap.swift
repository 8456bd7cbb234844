/// `sitemap.xml` and `robots.txt`, with absolute URLs under `base_url`.
enum Sitemap {
    /// `pagePaths` are the paths of the HTML pages; 404.html is left out.
    static func make(_ site: Site, paths pagePaths: [String]) -> OutputFile {
        document(entries(site, paths: pagePaths.filter { $0.hasSuffix("index.html") }.sorted()))
    }

    /// One `<url>` line per path; practices with their `updated` date.
    static func entries(_ site: Site, paths: [String]) -> [String] {
        var lastModified: [String: String] = [:]
        for practice in site.practices { lastModified[SitePaths.file(for: SitePaths.practice(practice.id))] = practice.updated }
        return paths.map { entry(site.config.baseURL, path: $0, lastModified: lastModified[$0]) }
    }

    static func entry(_ baseURL: String, path: String, lastModified: String?) -> String {
        var line = "  <url><loc>\(XML.escape(baseURL + path.dropLast("index.html".count)))</loc>"
        if let lastModified { line += "<lastmod>\(XML.escape(lastModified))</lastmod>" }
        return line + "</url>\n"
    }

    static func document(_ entries: [String]) -> OutputFile {
        var xml = """
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
