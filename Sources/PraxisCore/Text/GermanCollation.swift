/// German alphabetical order (DIN 5007, variant 1): Ä sorts with A, Ö with O, Ü with U, ß as ss;
/// case is ignored first. Ties fall back to the exact text, so the order is total and stable.
public enum GermanCollation {
    /// The primary key: lowercase, umlauts reduced to their base letter, ß expanded, accents dropped.
    public static func key(_ text: String) -> String {
        var key = ""
        key.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "ß": key += "ss"
            case "\u{0300}"..."\u{036F}": continue  // combining accents and the umlaut's dots
            default: key.unicodeScalars.append(scalar)
            }
        }
        return key
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        if ka != kb { return ka < kb }
        return a < b
    }
}

import Foundation
