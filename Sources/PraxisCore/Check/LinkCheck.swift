import Foundation

/// Follows every internal link and anchor of a generated site in memory: each href, src,
/// srcset, poster and action of every HTML page must lead to a generated file or a static copy,
/// and each `#fragment` to an id on the page it names. Links the build has already resolved
/// (`@/` paths) pass; this finds what it passes through unchecked: relative and root-relative
/// paths written in Markdown bodies, and links made by a theme's templates.
struct LinkCheck {
    let site: GeneratedSite
    let config: SiteConfig
    let siteRoot: URL

    struct Outcome {
        var problems: [CheckProblem]
        var pages: Int
        var links: Int
    }

    /// One link that leads nowhere, before it is traced back to its source (LinkCheck+Report).
    struct Broken {
        enum Kind { case missingTarget, missingAnchor, aboveRoot, outsideBase }
        var page: String
        var url: String
        var kind: Kind
        /// The site path it resolves to (for missing targets and anchors).
        var target: String
        var fragment: String?
    }

    func run() async -> Outcome {
        let pages = await scanPages()
        var paths = Set(site.files.map(\.path))
        paths.formUnion(site.copies.map(\.to))

        var broken: [Broken] = []
        var followed = 0
        for (page, scanned) in pages.sorted(by: { $0.key < $1.key }) {
            for link in scanned.links {
                let urls = link.attribute == "srcset" ? LinkReference.srcsetURLs(link.url) : [link.url]
                for url in urls {
                    let reference = LinkReference.resolve(url, from: page, basePath: config.basePath, baseURL: config.baseURL)
                    switch reference {
                    case .external:
                        continue
                    case .aboveRoot:
                        broken.append(Broken(page: page, url: url, kind: .aboveRoot, target: ""))
                    case .outsideBase:
                        broken.append(Broken(page: page, url: url, kind: .outsideBase, target: ""))
                    case .site(let path, let fragment):
                        followed += 1
                        guard let file = existingFile(path, in: paths) else {
                            broken.append(Broken(page: page, url: url, kind: .missingTarget, target: path))
                            continue
                        }
                        guard let fragment, !fragment.isEmpty, !Self.alwaysValidFragment(fragment),
                              let target = pages[file] else { continue }
                        if !target.anchors.contains(fragment) {
                            broken.append(Broken(page: page, url: url, kind: .missingAnchor, target: file, fragment: fragment))
                        }
                    }
                }
            }
        }
        return Outcome(problems: report(broken, pages: pages, paths: paths), pages: pages.count, links: followed)
    }

    /// HTML pages scanned on every core, keyed by output path.
    private func scanPages() async -> [String: HTMLScanner.Page] {
        let html = site.files.filter { $0.path.hasSuffix(".html") }
        let scanned = await Parallel.map(html, minimumChunk: 32) { ($0.path, HTMLScanner.scan($0.data)) }
        return Dictionary(scanned, uniquingKeysWith: { _, later in later })
    }

    /// The file a site path names: itself, or a folder's `index.html` (with or without the
    /// closing `/`, which static hosts add by redirect).
    private func existingFile(_ path: String, in paths: Set<String>) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return paths.contains(index) ? index : nil
        }
        if paths.contains(path) { return path }
        return paths.contains(path + "/index.html") ? path + "/index.html" : nil
    }

    /// `#top` scrolls to the top of any page; a text fragment (`#:~:text=`) needs no id.
    static func alwaysValidFragment(_ fragment: String) -> Bool {
        fragment.lowercased() == "top" || fragment.hasPrefix(":~:")
    }
}
