import Foundation

/// Finds where a link on a generated page was written, so a broken link is reported on the
/// line an editor can fix: the Markdown body of the entry the page shows, or else the theme
/// template that made it.
struct LinkSource {
    let siteRoot: URL
    /// `themes/<name>` or `built-in default theme`, as the build names the theme.
    let themeOrigin: String
    /// Template name (`practice`, `base`, ...) -> its lines.
    let templates: [String: [Substring]]
    /// Facet names of site.yaml: `/<facet>/` pages come from the facet templates.
    let facetNames: Set<String>
    private var bodies: [String: Body?] = [:]

    /// An entry file's body: its lines and the file line of the first one.
    struct Body {
        var lines: [Substring]
        var firstLine: Int
    }

    init(siteRoot: URL, config: SiteConfig) {
        self.siteRoot = siteRoot
        facetNames = Set(config.facets.map(\.name))
        let folder = siteRoot.appending(path: "themes").appending(path: config.theme)
        var files: [(path: String, data: Data)] = []
        if SourceTree.isDirectory(folder) {
            themeOrigin = "themes/\(config.theme)"
            // The build has read the theme already and reported its problems.
            var ignored = Problems()
            for path in SourceTree.filesBelow(folder, path: themeOrigin, root: siteRoot, problems: &ignored) {
                if let data = try? SafeRead.read(folder.appending(path: path), path: path) { files.append((path, data)) }
            }
        } else {
            themeOrigin = "built-in default theme"
            files = EmbeddedDefaultTheme.base64Files.compactMap { file in Data(base64Encoded: file.base64).map { (file.path, $0) } }
        }
        var templates: [String: [Substring]] = [:]
        for (path, data) in files where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            templates[name] = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        }
        self.templates = templates
    }

    /// The entry file (relative to the site root) whose page is at `page`, when there is one.
    func entryFile(of page: String) -> String? {
        let parts = page.split(separator: "/").map(String.init)
        guard parts.last == "index.html" else { return nil }
        let folders = parts.dropLast()
        var candidate: String?
        switch (folders.first, folders.count) {
        case ("practices", 2) where folders.last != SitePaths.pageSegment: candidate = "content/practices/\(folders.last!).md"
        case ("partners", 2): candidate = "content/partners/\(folders.last!).md"
        case ("sources", 2): candidate = "seeds/\(folders.last!).md"
        case ("workshops", 2): candidate = "content/workshops/\(folders.last!)/index.md"
        case ("workshops", 3): candidate = "content/workshops/\(folders[1])/\(folders[2]).md"
        case (.some(let id), 1): candidate = "content/pages/\(id).md"
        default: candidate = nil
        }
        guard let candidate, FileManager.default.fileExists(atPath: siteRoot.appending(path: candidate).path) else { return nil }
        return candidate
    }

    /// File lines of the body of `file` that hold `url` as written: the URL itself or with its
    /// percent-escapes decoded (cmark escapes umlauts and spaces an editor writes as they are).
    mutating func lines(of url: String, in file: String) -> [Int] {
        guard let body = body(of: file) else { return [] }
        var needles = [url]
        if let decoded = url.removingPercentEncoding, decoded != url { needles.append(decoded) }
        return body.lines.enumerated().compactMap { offset, text in
            needles.contains { text.contains($0) } ? body.firstLine + offset : nil
        }
    }

    private mutating func body(of file: String) -> Body? {
        if let cached = bodies[file] { return cached }
        var body: Body?
        if case .success(let source) = SourceFile.read(siteRoot.appending(path: file), path: file) {
            // The build has composed and checked the front matter already: only where it ends is needed.
            if let (text, line) = FrontMatter.body(of: source.text) {
                body = Body(lines: text.split(separator: "\n", omittingEmptySubsequences: false), firstLine: line)
            } else {
                body = Body(lines: source.text.split(separator: "\n", omittingEmptySubsequences: false), firstLine: 1)
            }
        }
        bodies[file] = body
        return body
    }

    /// The template that made a link on `page`: the one whose text holds the link's fixed part
    /// (what follows the `{{root}}` or base path a template writes before it), with its line; else the
    /// template of the page itself, without a line.
    func template(of url: String, on page: String, basePath: String) -> (file: String, line: Int?) {
        let own = templateName(of: page)
        var fixed = Substring(url)
        // The 404 page links from the base path (`/praxis/x/`) where others go `../x/`.
        if fixed.hasPrefix(basePath) { fixed = fixed.dropFirst(basePath.count) }
        while fixed.hasPrefix("../") || fixed.hasPrefix("./") { fixed = fixed.drop { $0 != "/" }.dropFirst() }
        if fixed.count >= 3 {
            let order = [own, "base"] + templates.keys.sorted().filter { $0 != own && $0 != "base" }
            for name in order {
                guard let lines = templates[name] else { continue }
                if let offset = lines.firstIndex(where: { $0.contains(fixed) }) {
                    return (templatePath(name), offset + 1)
                }
            }
        }
        return (templatePath(own), nil)
    }

    func templatePath(_ name: String) -> String { "\(themeOrigin)/templates/\(name).mustache" }

    /// Which of the theme's templates renders the page at `page` (see Renderer.jobs).
    func templateName(of page: String) -> String {
        if page == "404.html" { return "404" }
        let folders = page.split(separator: "/").dropLast().map(String.init)
        guard let first = folders.first else { return "home" }
        if folders.count >= 2, folders[folders.count - 2] == SitePaths.pageSegment, Int(folders.last!) != nil {
            return first == "practices" ? "list" : "facet-value"
        }
        switch (first, folders.count) {
        case ("search", 1): return "search"
        case ("practices", 1), ("workshops", 1), ("sources", 1): return "list"
        case ("practices", _): return "practice"
        case ("partners", 1): return "facet"
        case ("partners", _): return "partner"
        case ("workshops", 2): return "workshop"
        case ("workshops", _): return "day"
        case ("sources", _): return "source"
        case (_, 1) where facetNames.contains(first) || first == "country" || first == "tags": return "facet"
        case (_, _) where facetNames.contains(first) || first == "country" || first == "tags": return "facet-value"
        default: return "page"
        }
    }
}
