/// Turns body text into search terms: lowercase words of two or more letters, each once, sorted.
enum TextCleaner {
    static func terms(_ text: String) -> [String] {
        // Lowercase once, then slice words out of the scalars: no per-letter String building.
        let lowered = text.lowercased()
        let scalars = lowered.unicodeScalars
        var words = Set<Substring>()
        var start: String.Index?
        var length = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isWordScalar: Bool
            if scalar.value < 0x80 {
                let value = scalar.value
                isWordScalar = (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
            } else {
                isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWordScalar {
                if start == nil { start = index; length = 0 }
                length += 1
            } else if let wordStart = start {
                if length >= 2 { words.insert(lowered[wordStart..<index]) }
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start, length >= 2 { words.insert(lowered[wordStart...]) }
        // Byte order: as stable as Unicode order, and much cheaper to compare.
        return words.map(String.init).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Collapses runs of white space, for plain text shown to readers.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
