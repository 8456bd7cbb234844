import Foundation

/// Where one URL of a page leads, worked out the way a browser would from the page's own
/// address. Only addresses inside the site can be checked; the rest are left to the web.
enum LinkReference: Equatable {
    /// Another site, an e-mail address, a phone number, inline data: not checked.
    case external
    /// A path below the site's root, e.g. `practices/x/` (percent-decoded), and its fragment.
    case site(path: String, fragment: String?)
    /// A root-relative address on the same host but outside the site's base path.
    case outsideBase
    /// A relative path with more `../` than the page is deep.
    case aboveRoot

    /// `url` as written on the page at `page` (an output path like `practices/x/index.html`).
    /// `basePath` is the path of base_url (`/praxis/`), `baseURL` the whole of it.
    static func resolve(_ url: String, from page: String, basePath: String, baseURL: String) -> LinkReference {
        var url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if hasScheme(url) {
            // The site's own absolute address (canonical links, an editor's full link) is inside it.
            guard baseURL.contains("://"), url.hasPrefix(baseURL) else { return .external }
            url = basePath + url.dropFirst(baseURL.count)
        }
        if url.hasPrefix("//") { return .external }

        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            fragment = String(url[url.index(after: hash)...])
            url = String(url[..<hash])
        }
        if let question = url.firstIndex(of: "?") { url = String(url[..<question]) }
        let decodedFragment = fragment.map { $0.removingPercentEncoding ?? $0 }

        let folder = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        var segments: [String]
        if url.isEmpty {
            return .site(path: page, fragment: decodedFragment)
        } else if url.hasPrefix("/") {
            let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
            if url + "/" == base { url = base }
            guard url.hasPrefix(base) else { return .outsideBase }
            segments = []
            url = String(url.dropFirst(base.count))
        } else {
            segments = folder
        }
        let parts = url.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            switch part {
            case "..":
                guard !segments.isEmpty else { return .aboveRoot }
                segments.removeLast()
                if isLast { segments.append("") }
            case ".":
                if isLast { segments.append("") }
            case "" where !isLast:
                continue  // `a//b` reads as `a/b` on every static host
            default:
                segments.append(part.removingPercentEncoding ?? part)
            }
        }
        var path = segments.joined(separator: "/")
        if path.hasPrefix("/") { path.removeFirst() }
        return .site(path: path, fragment: decodedFragment)
    }

    /// `scheme:` at the start: https:, mailto:, tel:, data:, javascript: ...
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// The URLs of a `srcset`: candidates separated by commas, each a URL and an optional size
    /// (`a.png 1x, b.png 2x`). Read as HTML does: the URL runs to the next space, so a comma
    /// inside it (`data:image/png;base64,...`) does not split it.
    static func srcsetURLs(_ value: String) -> [String] {
        var urls: [String] = []
        var rest = Substring(value)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "," }
            guard !rest.isEmpty else { return urls }
            var url = rest.prefix { !$0.isWhitespace }
            rest = rest.dropFirst(url.count)
            if url.hasSuffix(",") {
                while url.hasSuffix(",") { url = url.dropLast() }
            } else if let comma = rest.firstIndex(of: ",") {
                rest = rest[rest.index(after: comma)...]  // past the size descriptor
            } else {
                rest = ""
            }
            urls.append(String(url))
        }
    }
}
