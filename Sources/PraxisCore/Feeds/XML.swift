/// Escaping for text and attribute values in the feed and the sitemap. It is also the one place
/// where characters XML 1.0 does not allow are replaced, so feed.xml and sitemap.xml stay
/// well-formed whatever a title, summary or `base_url` holds.
enum XML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            // A parser turns a raw CR into LF; written as a reference it stays what it was.
            case "\r": result += "&#xD;"
            default:
                // Not a character of XML 1.0 (C0 controls but tab and newline, U+FFFE, U+FFFF):
                // U+FFFD shows where one was, instead of dropping it unseen.
                result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// XML 1.0's `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    /// (a Swift string holds no surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD: return true
        case 0x10000...: return true
        default: return false
        }
    }
}
