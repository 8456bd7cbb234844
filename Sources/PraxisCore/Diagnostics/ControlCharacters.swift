/// Values from content (a title, a key, a file name) are quoted in messages. Printed raw, an
/// escape sequence in one could rewrite the terminal, a newline could forge an `error:` line
/// and a bidi override could reverse what a reader sees. Every message goes through `escape`
/// before it is printed, in every format of `praxis check` and in `build`'s and `serve`'s output.
public enum ControlCharacters {
    /// `text` with C0 and C1 controls, DEL, and the Unicode format characters that reorder
    /// or hide text (bidi embeddings, overrides and isolates, zero-width marks, BOM) written
    /// visibly: `\n`, `\r`, `\t`, `\e` and `\u{XXXX}` (`\` itself as `\\` only where such an
    /// escape follows, so ordinary paths stay as they are).
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{1B}": result += "\\e"
            case "\\": result += "\\\\"
            default:
                if needsEscape(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Zero-width and directional marks, bidi embeddings/overrides/isolates, BOM, line and
        // paragraph separators, interlinear annotations.
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }
}
