import Foundation

/// Fuzz target: the search tokenizer. Every word it gives has at least two UTF-16 units (as
/// praxis.js counts `length`), is in
/// lower case, holds no white space and no combining mark of U+0300–U+036F, is no stop word,
/// and read again is one word, not split (normalising a word keeps it a word). It is not
/// always the same word: `ae`/`oe`/`ue` are contracted once, left to right, as praxis.js does
/// with the query, so "uee" gives "ue", which read again would give "u".
enum SearchTextFuzzing {
    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        for word in SearchText.words(text) {
            precondition(word.utf16.count >= 2, "short: \(word.debugDescription)")
            precondition(!StopWords.all.contains(word), "stop word: \(word)")
            precondition(word == word.lowercased(), "upper case: \(word.debugDescription)")
            precondition(!word.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }, "mark: \(word.debugDescription)")
            precondition(!word.unicodeScalars.contains { $0.properties.isWhitespace }, "space: \(word.debugDescription)")
            precondition(SearchText.words(word).count <= 1, "split again: \(word.debugDescription)")
        }
    }
}
