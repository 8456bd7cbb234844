/// Turns body text into search terms: lowercase words of two or more letters, each once, sorted.
enum TextCleaner {
    static func terms(_ text: String) -> [String] {
        var words = Set<String>()
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if current.count >= 2 { words.insert(current) }
                current = ""
            }
        }
        if current.count >= 2 { words.insert(current) }
        return words.sorted()
    }

    /// Collapses runs of white space, for plain text shown to readers.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
