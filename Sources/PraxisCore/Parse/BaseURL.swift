/// Checks of `base_url` (site.yaml) and `--base-url`. The address goes into every page, the
/// feed, the sitemap and robots.txt as it is, so it must be one clean URL: a line break would
/// add lines to robots.txt, a `?` or `#` would break every address built on it.
enum BaseURL {
    /// What is wrong with `text`, or nil when it is an absolute http(s) address or a path from
    /// the root of the host (`/katalog/`, the default `/`).
    static func problem(_ text: String) -> String? {
        if let bad = text.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            switch bad {
            case " ": return "it contains a space"
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return "it contains a line break"
            case "\t": return "it contains a tab"
            default: return "it contains the invisible character U+\(String(bad.value, radix: 16, uppercase: true))"
            }
        }
        if let bad = text.first(where: { "?#".contains($0) }) {
            return bad == "?" ? "it has a query (?...)" : "it has a fragment (#...)"
        }
        if let bad = text.first(where: { "\"<>\\^`{|}".contains($0) }) {
            return "it contains \(bad), which an address may not hold"
        }
        var rest: Substring
        if text.lowercased().hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if text.lowercased().hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else if text.hasPrefix("/") {
            return text.hasPrefix("//") ? "a path must start with a single /" : nil
        } else {
            return "it must start with https://, http:// or /"
        }
        let host = rest.prefix { $0 != "/" }
        rest = rest.dropFirst(host.count)
        if host.isEmpty || host.contains("@") || host.hasPrefix(":") || host.hasSuffix(":") {
            return host.contains("@") ? "it holds a user name (...@)" : "it names no host"
        }
        return nil
    }

    /// The address as a message may show it: control characters as `\u{..}`.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format || (scalar.properties.isWhitespace && scalar != " ") {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
