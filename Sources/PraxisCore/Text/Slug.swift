/// URL segments and heading ids from free text, the contract's way: lowercase, ä→ae, ö→oe,
/// ü→ue, ß→ss, every other run of characters outside a-z0-9 turned into one `-`.
public enum Slug {
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            let piece: String
            switch character {
            case "ä": piece = "ae"
            case "ö": piece = "oe"
            case "ü": piece = "ue"
            case "ß": piece = "ss"
            default:
                if character.isASCII, character.isLetter || character.isNumber {
                    piece = String(character)
                } else if let folded = foldedLatin(character) {
                    piece = folded
                } else {
                    pendingDash = true
                    continue
                }
            }
            if pendingDash, !slug.isEmpty { slug += "-" }
            pendingDash = false
            slug += piece
        }
        return slug
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
