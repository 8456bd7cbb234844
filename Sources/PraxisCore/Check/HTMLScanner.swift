import Foundation

/// Reads the links and anchors of one generated HTML page. The pages come from Praxis' own
/// templates and cmark-gfm, so a small tag scanner is enough: it skips comments, scripts and
/// styles, reads attributes quoted or not, decodes character references, and counts lines so a
/// link in a template can be found again.
struct HTMLScanner {
    /// An attribute that points somewhere: its value as the browser reads it, and its line.
    struct Link: Sendable {
        var attribute: String
        var url: String
        var line: Int
    }

    struct Page: Sendable {
        var links: [Link] = []
        /// Every `id`, and `name` of `<a>`: what a `#fragment` may point at.
        var anchors: Set<String> = []
        /// Ids of headings, in page order, for hints.
        var headingIDs: [String] = []
    }

    /// Attributes whose value is a URL. `srcset` holds several, split by `LinkReference`.
    static let urlAttributes: Set<String> = ["href", "src", "srcset", "poster", "action"]
    private static let rawTextElements: Set<String> = ["script", "style"]
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    static func scan(_ data: Data) -> Page {
        var page = Page()
        let bytes = [UInt8](data)
        var index = 0
        var line = 1
        let count = bytes.count

        func advance(past terminator: [UInt8], caseInsensitive: Bool = false) {
            while index < count {
                if matches(terminator, at: index, caseInsensitive: caseInsensitive) {
                    index += terminator.count
                    return
                }
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
        }

        func matches(_ word: [UInt8], at position: Int, caseInsensitive: Bool) -> Bool {
            guard position + word.count <= count else { return false }
            for offset in 0..<word.count {
                var byte = bytes[position + offset]
                if caseInsensitive, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                if byte != word[offset] { return false }
            }
            return true
        }

        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; index += 1; continue }
            guard byte == 0x3C /* < */ else { index += 1; continue }
            if matches(Array("<!--".utf8), at: index, caseInsensitive: false) {
                index += 4
                advance(past: Array("-->".utf8))
                continue
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            if next == 0x21 || next == 0x3F || next == 0x2F {  // <!doctype, <?...?>, </end>
                advance(past: [0x3E])
                continue
            }
            guard (next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A) else { index += 1; continue }
            // A start tag: its name, then attributes up to `>`.
            index += 1
            let nameStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != 0x3E, bytes[index] != 0x2F { index += 1 }
            let tag = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < count {
                while index < count, isSpace(bytes[index]) || bytes[index] == 0x2F {
                    if bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
                guard index < count, bytes[index] != 0x3E else { break }
                let attributeLine = line
                let attributeStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != 0x3D, bytes[index] != 0x3E, bytes[index] != 0x2F {
                    index += 1
                }
                let name = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                while index < count, isSpace(bytes[index]) {
                    if bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
                var value: String?
                if index < count, bytes[index] == 0x3D {
                    index += 1
                    while index < count, isSpace(bytes[index]) {
                        if bytes[index] == 0x0A { line += 1 }
                        index += 1
                    }
                    let valueStart: Int
                    if index < count, bytes[index] == 0x22 || bytes[index] == 0x27 {
                        let quote = bytes[index]
                        index += 1
                        valueStart = index
                        while index < count, bytes[index] != quote {
                            if bytes[index] == 0x0A { line += 1 }
                            index += 1
                        }
                        value = String(decoding: bytes[valueStart..<min(index, count)], as: UTF8.self)
                        index += 1
                    } else {
                        valueStart = index
                        while index < count, !isSpace(bytes[index]), bytes[index] != 0x3E { index += 1 }
                        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    }
                }
                guard let value, !name.isEmpty else { continue }
                let decoded = decodeCharacterReferences(value)
                if urlAttributes.contains(name) {
                    page.links.append(Link(attribute: name, url: decoded, line: attributeLine))
                } else if name == "id" || (name == "name" && tag == "a") {
                    page.anchors.insert(decoded)
                    if name == "id", headings.contains(tag) { page.headingIDs.append(decoded) }
                }
            }
            index += 1  // the `>`
            if rawTextElements.contains(tag) {
                advance(past: Array("</\(tag)".utf8), caseInsensitive: true)
            }
        }
        return page
    }

    /// `&amp;`, `&quot;`, `&#39;`, `&#x2F;` and the few named ones templates write.
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semicolon]
                if let character = character(for: name) {
                    result.append(character)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result.append("&")
            rest = after
        }
        return result + rest
    }

    private static func character(for reference: Substring) -> Character? {
        switch reference {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            guard reference.hasPrefix("#") else { return nil }
            let digits = reference.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
