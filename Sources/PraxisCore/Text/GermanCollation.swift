/// German alphabetical order (DIN 5007, variant 1): Ä sorts with A, Ö with O, Ü with U, ß as ss;
/// case is ignored first. Ties fall back to the exact text, so the order is total and stable.
public enum GermanCollation {
    /// The primary key: lowercase, umlauts reduced to their base letter, ß expanded, accents dropped.
    public static func key(_ text: String) -> String {
        // Text of ASCII and Latin-1 letters (nearly every title) takes one pass with a table;
        // lowercasing and decomposing work scalar by scalar there, so the result is the same.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
            } else if value < 0x100 {
                bytes += latin1[Int(value) - 0x80]
            } else if value >= 0x2000, value < 0x2070, let same = punctuation[Int(value) - 0x2000] {
                bytes += same
            } else {
                return fullKey(text)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The general punctuation block (dashes, „typographic quotes“, …), frequent in titles: each
    /// scalar whose `fullKey` is itself, as UTF-8, so that such titles keep the fast path; nil
    /// for the few that change (U+2000 decomposes to U+2002).
    private static let punctuation: [[UInt8]?] = (0x2000..<0x2070).map { value in
        let text = String(Unicode.Scalar(value)!)
        return fullKey(text) == text ? Array(text.utf8) : nil
    }

    /// `key` of every Latin-1 scalar above ASCII, as UTF-8.
    private static let latin1: [[UInt8]] = (0x80..<0x100).map { Array(fullKey(String(Unicode.Scalar($0)!)).utf8) }

    private static func fullKey(_ text: String) -> String {
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

    /// `items` in the order of `less` on `title`, then of `tieBreak` for equal titles: the same
    /// order as `sorted { less(...) || (equal && tieBreak) }`, with each key made once instead of
    /// twice per comparison.
    public static func sorted<T>(_ items: [T], by title: (T) -> String, tieBreak: ((T, T) -> Bool)? = nil) -> [T] {
        let titles = items.map(title)
        let keys = titles.map(key)
        let order = items.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            if titles[a] != titles[b] { return titles[a] < titles[b] }
            return tieBreak?(items[a], items[b]) ?? false
        }
        return order.map { items[$0] }
    }
}

import Foundation
