/// A practice's card is the same on every list that shows it but for its links, which start with
/// the list page's `root` (`../`, `../../../` …). When the theme's `practice-card` template can only
/// print `root` as it is, the card is rendered once per practice and heading level with a marker
/// for the root, and each list puts its own root in place of the marker: a quarter of the card
/// renders of a build, the same bytes.
enum CardRoot {
    /// Stands for the root while the card is rendered. NUL cannot come from the content (YAML
    /// refuses control characters), survives HTML escaping unchanged, and is never a root.
    static let marker = "\u{0}"

    /// Whether `template` (the text of `practice-card`) prints every value it is given as it is,
    /// escaped, so that a root put in later gives the bytes the root itself would have given.
    /// Refused: transforms (`{{lowercased(url)}}`, `{{count(root)}}` would differ on the marker),
    /// partials and parents (their text is not looked at), changed delimiters and pragmas, and a
    /// template containing the marker itself. Sections on the root are fine: no list is at the
    /// site's root, so the root is never empty, like the marker.
    static func isPrintedAsIs(_ template: String) -> Bool {
        guard !template.contains(marker), !template.contains("{{=") else { return false }
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            let inside = rest[open.upperBound...]
            let closer = inside.first == "{" ? "}}}" : "}}"
            guard let close = inside.range(of: closer) else { return false }
            let tag = inside[..<close.lowerBound].drop { $0 == " " }
            rest = inside[close.upperBound...]
            if tag.first == "!" { continue }
            if let first = tag.first, ">%<$=".contains(first) { return false }
            if tag.contains("(") { return false }
        }
        return true
    }

    /// `card` cut at each marker, rendered once and kept: placing a root is then joining the parts
    /// with it, appends of text already checked, where replacing markers byte by byte made every
    /// placed card a new String to check as UTF-8 again.
    static func parts(of card: String) -> [String] {
        // Over the UTF-8 bytes: the marker is one ASCII byte, and a split by Characters would
        // cost more than rendering the card.
        var parts: [String] = []
        var rest = Substring(card)
        while let found = rest.utf8.firstIndex(of: 0) {
            parts.append(String(rest[..<found]))
            rest = rest[rest.utf8.index(after: found)...]
        }
        parts.append(String(rest))
        return parts
    }

    /// The card of `parts` with `root` where each marker was.
    static func place(_ root: String, in parts: [String]) -> String {
        parts.count == 1 ? parts[0] : parts.joined(separator: root)
    }
}
