/// URL segments and heading ids from free text, the contract's way: lowercase, ä→ae, ö→oe,
/// ü→ue, ß→ss, other Latin letters folded to their base letter (é→e), every other run of
/// characters outside a-z0-9 turned into one `-`.
///
/// Text in other scripts (Cyrillic, Greek, Arabic, Chinese, ...) must not vanish: when the text
/// has letters or digits that the Latin rule would drop, or nothing of it is left, the slug
/// ends in `t-` and twelve hex digits of a hash of the whole text read the same way (lowercase,
/// NFC, runs of other characters as one `-`): "Интеграция" → `t-…`, "Kurs 中文" → `kurs-t-…`.
/// The hash is stable across builds and machines (FNV-1a, 64 bits), the result is always
/// a-z, 0-9 and `-`, and two spellings that differ only in case still give one slug.
public enum Slug {
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        var dropsLetters = false
        for character in text.lowercased() {
            let piece: String
            switch character {
            case "ä": piece = "ae"
            case "ö": piece = "oe"
            case "ü": piece = "ue"
            case "ß": piece = "ss"
            // Latin letters without a base letter to fold to, written the usual ASCII way.
            case "ø": piece = "o"
            case "æ": piece = "ae"
            case "œ": piece = "oe"
            case "ł", "ı": piece = character == "ł" ? "l" : "i"
            case "đ", "ð": piece = "d"
            case "þ": piece = "th"
            default:
                if character.isASCII, character.isLetter || character.isNumber {
                    piece = String(character)
                } else if let folded = foldedLatin(character) {
                    piece = folded
                } else {
                    if character.isLetter || character.isNumber { dropsLetters = true }
                    pendingDash = true
                    continue
                }
            }
            if pendingDash, !slug.isEmpty { slug += "-" }
            pendingDash = false
            slug += piece
        }
        guard dropsLetters || (slug.isEmpty && text.contains(where: { !$0.isWhitespace })) else { return slug }
        return (slug.isEmpty ? "" : slug + "-") + "t-" + hash(unicodeKey(text))
    }

    /// The text as the hash sees it: lowercase letters and digits of every script (NFC), every
    /// other run of characters one `-`. Without letters or digits (e.g. "++"), the trimmed text.
    static func unicodeKey(_ text: String) -> String {
        var key = ""
        var pendingDash = false
        for character in text.lowercased().precomposedStringWithCanonicalMapping {
            if character.isLetter || character.isNumber {
                if pendingDash, !key.isEmpty { key += "-" }
                pendingDash = false
                key.append(character)
            } else {
                pendingDash = true
            }
        }
        return key.isEmpty ? text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping : key
    }

    /// FNV-1a over the UTF-8 bytes, cut to 48 bits (twelve hex digits): 100,000 distinct tags
    /// in other scripts share a hash with a chance of about 1 in 50,000, and a shared slug is
    /// an error naming both spellings, never a silent merge.
    static func hash(_ key: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        let digits = String(value & 0xFFFF_FFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// `é` → `e`, `ç` → `c`: other Latin letters keep their base letter rather than vanish.
    private static func foldedLatin(_ character: Character) -> String? {
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first
        guard let base, base.isASCII, CharacterSet.lowercaseASCIILetters.contains(base) else { return nil }
        return String(base)
    }

    /// An entry id: what file names may be.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.first != "-" && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

import Foundation

private extension CharacterSet {
    static let lowercaseASCIILetters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz")
}
