/// How search sees text: the words a reader might type, reduced to one spelling each.
///
/// praxis.js applies the same steps to the query (`normalize` there), so what is indexed here
/// and what is typed there meet:
///  1. lowercase; `ß` becomes `ss`;
///  2. canonical decomposition, then combining marks U+0300–U+036F dropped (`é` → `e`, `ü` → `u`);
///  3. `ae`, `oe`, `ue` become `a`, `o`, `u`, so `Muelheim`, `Mülheim` and `Mulheim` are one word;
///  4. words are runs of letters and digits (Unicode categories L and N), kept from two
///     characters on, minus the stop words.
/// Step 3 keeps prefixes prefixes: a typed `Mue` becomes `mu`, which starts `mulheim`.
enum SearchText {
    /// The distinct normalised words of `text`.
    static func words(_ text: String) -> Set<String> {
        var words = Set<String>()
        forEachWord(text) { words.insert($0) }
        return words
    }

    /// A word's length as praxis.js measures it (`word.length`, UTF-16 units), so the index keeps
    /// exactly the words the page can ask for: "ǆ" is two bytes but one unit (found by fuzzing).
    static func utf16Length(_ utf8: [UInt8]) -> Int {
        utf8.reduce(0) { count, byte in
            if byte & 0xC0 == 0x80 { return count }  // a continuation byte
            return count + (byte >= 0xF0 ? 2 : 1)  // four bytes: a surrogate pair
        }
    }

    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            if !word.isEmpty {
                contract(&word)
                if utf16Length(word) >= 2, let string = String(bytes: word, encoding: .utf8), !StopWords.all.contains(string) {
                    body(string)
                }
                word.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                default: flush()
                }
            } else if isWordScalar(scalar) {
                appendFolded(scalar, to: &word)
            } else {
                flush()
            }
        }
        flush()
    }

    /// Letters, digits and marks, as JavaScript's `\p{L}`, `\p{N}` and `\p{M}` see them. The Latin
    /// diacritics (U+0300–U+036F) are dropped when folded; other marks stay in their word: NFD
    /// splits Arabic `ئ` into `ي` and a hamza mark, and the word must stay one word on both sides
    /// (found by fuzzing: an Arabic word in the index the page could never ask for).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        switch scalar.value {
        case 0xDF, 0x1E9E: word += [0x73, 0x73]                     // ß, ẞ
        case 0xE4, 0xC4: word.append(0x61)                           // ä
        case 0xF6, 0xD6: word.append(0x6F)                           // ö
        case 0xFC, 0xDC: word.append(0x75)                           // ü
        case 0x300...0x36F: break                                    // a combining mark typed apart
        default:
            let folded = String(scalar).lowercased().decomposedStringWithCanonicalMapping
            for part in folded.unicodeScalars where !(0x300...0x36F).contains(part.value) {
                if part == "ß" { word += [0x73, 0x73] } else { word += Array(String(part).utf8) }
            }
        }
    }

    /// `ae`, `oe`, `ue` → `a`, `o`, `u`, left to right, as the JavaScript `replace(/ae|oe|ue/g)`.
    private static func contract(_ word: inout [UInt8]) {
        guard word.count >= 2 else { return }
        var out = 0, index = 0
        while index < word.count {
            let byte = word[index]
            word[out] = byte
            out += 1
            if (byte == 0x61 || byte == 0x6F || byte == 0x75), index + 1 < word.count, word[index + 1] == 0x65 {
                index += 2
            } else {
                index += 1
            }
        }
        word.removeLast(word.count - out)
    }

    /// Collapses runs of white space, for plain text shown to readers.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
