/// `sitemap.xml` and `robots.txt`, with absolute URLs under `base_url`.
enum Sitemap {
    /// `pages` are the rendered HTML files; 404.html is left out.
    static func make(_ site: Site, pages: [OutputFile]) -> OutputFile {
        var lastModified: [String: String] = [:]
        for practice in site.practices { lastModified[SitePaths.file(for: SitePaths.practice(practice.id))] = practice.updated }
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for page in pages.sorted(by: { $0.path < $1.path }) where page.path.hasSuffix("index.html") {
            let url = site.config.baseURL + page.path.dropLast("index.html".count)
            xml += "  <url><loc>\(XML.escape(url))</loc>"
            if let date = lastModified[page.path] { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    static func robots(_ site: Site) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)sitemap.xml\n")
    }
}
