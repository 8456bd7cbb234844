import Foundation

/// Fuzz target: `Slug.make` on arbitrary text. The slug holds only a-z, 0-9 and `-` (never at
/// either end, never two in a row), making it again changes nothing, and text with anything
/// but white space in it never gives an empty slug; the case of the text does not matter.
enum SlugFuzzing {
    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let slug = Slug.make(text)
        precondition(slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }, "characters: \(slug)")
        precondition(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "dashes: \(slug)")
        precondition(Slug.make(slug) == slug, "not idempotent: \(slug)")
        precondition(slug.isEmpty == !text.contains(where: { !$0.isWhitespace }), "empty for \(text.debugDescription)")
        precondition(Slug.make(text.lowercased()) == slug, "case: \(text.debugDescription)")
    }
}
