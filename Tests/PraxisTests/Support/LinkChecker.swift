import Foundation

/// Follows every internal href and src of a built site, as a reader clicking through it would.
enum LinkChecker {
    /// Broken links as "page -> target" lines; empty when every link and anchor resolves.
    /// `basePath` is the path part of base_url, for links that start with `/` (the 404 page).
    static func brokenLinks(in site: URL, basePath: String) throws -> [String] {
        var broken: [String] = []
        let pages = try htmlFiles(in: site)
        var idCache: [String: Set<String>] = [:]
        for page in pages {
            let html = try String(contentsOf: site.appending(path: page), encoding: .utf8)
            let folder = (page as NSString).deletingLastPathComponent
            for link in attributes(in: html) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                var (path, fragment) = split(link)
                if path.hasPrefix("/") {
                    guard path.hasPrefix(basePath) else { broken.append("\(page) -> \(link) (outside the base path)"); continue }
                    path = String(path.dropFirst(basePath.count))
                } else if path.isEmpty {
                    path = page
                } else {
                    path = normalize(folder.isEmpty ? path : "\(folder)/\(path)")
                }
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                var isDirectory: ObjCBool = false
                let target = site.appending(path: path)
                if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    path += "/index.html"
                }
                guard FileManager.default.fileExists(atPath: site.appending(path: path).path) else {
                    broken.append("\(page) -> \(link)")
                    continue
                }
                if let fragment, !fragment.isEmpty, path.hasSuffix(".html") {
                    if idCache[path] == nil {
                        idCache[path] = ids(in: try String(contentsOf: site.appending(path: path), encoding: .utf8))
                    }
                    if idCache[path]?.contains(fragment) != true { broken.append("\(page) -> \(link) (no such anchor)") }
                }
            }
        }
        return broken
    }

    static func htmlFiles(in site: URL) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: site.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".html") }.sorted()
    }

    static func attributes(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { Range($0.range(at: 1), in: html).map { String(html[$0]) } }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    static func ids(in html: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\sid="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return Set(pattern.matches(in: html, range: range).compactMap { Range($0.range(at: 1), in: html).map { String(html[$0]) } })
    }

    private static func split(_ link: String) -> (String, String?) {
        let withoutQuery = link.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
    }

    /// Resolves `.` and `..` segments; a path that climbs above the site stays visibly broken.
    private static func normalize(_ path: String) -> String {
        var parts: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == ".." { if parts.isEmpty { return "../OUTSIDE" } else { parts.removeLast() } }
            else if segment != "." { parts.append(String(segment)) }
        }
        return parts.joined(separator: "/")
    }
}
