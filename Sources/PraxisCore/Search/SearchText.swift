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
///
/// The index reads every text of the site through `scan`, which works on the UTF-8 bytes and
/// hands out each word as bytes: a String per word occurrence cost more than all the rest of
/// the search stage.
enum SearchText {
    /// The distinct normalised words of `text`.
    static func words(_ text: String) -> Set<String> {
        var words = Set<String>()
        forEachWord(text) { words.insert($0) }
        return words
    }

    /// A word's length as praxis.js measures it (`word.length`, UTF-16 units), so the index keeps
    /// exactly the words the page can ask for: "ǆ" is two bytes but one unit (found by fuzzing).
    static func utf16Length<C: Collection<UInt8>>(_ utf8: C) -> Int {
        utf8.reduce(0) { count, byte in
            if byte & 0xC0 == 0x80 { return count }  // a continuation byte
            return count + (byte >= 0xF0 ? 2 : 1)  // four bytes: a surrogate pair
        }
    }

    /// Whether the index keeps a word (normalised UTF-8): two units or more, and no stop word.
    static func isIndexed<C: Collection<UInt8>>(_ utf8: C) -> Bool {
        utf16Length(utf8) >= 2 && !StopWords.all.contains(String(decoding: utf8, as: UTF8.self))
    }

    /// Every normalised word of `text` that the index keeps, as a String (tests and fuzzing;
    /// the index itself uses `scan`).
    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var scanner = Scanner()
        scanner.scan(text) { word in
            if isIndexed(word) { body(String(decoding: word, as: UTF8.self)) }
        }
    }

    /// Cuts text into normalised words. One scanner is kept for many texts, so its buffer is
    /// allocated once.
    struct Scanner {
        private var word: [UInt8] = []

        init() { word.reserveCapacity(64) }

        /// Calls `body` with every normalised word of `text` (contracted, not yet checked for
        /// length or stop words), as UTF-8 bytes valid only during the call.
        mutating func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            var text = text
            var word = self.word
            self.word = []  // so that `word` is the buffer's only owner while it grows
            text.withUTF8 { utf8 in
                Folding.ascii.withUnsafeBufferPointer { ascii in
                Folding.bytes.withUnsafeBufferPointer { foldedBytes in
                    Folding.ranges.withUnsafeBufferPointer { foldedRanges in
                        let count = utf8.count
                        var index = 0
                        while index < count {
                            let byte = utf8[index]
                            if byte < 0x80 {
                                let folded = ascii[Int(byte)]
                                if folded != 0 {
                                    word.append(folded)
                                } else if !word.isEmpty {
                                    Self.flush(&word, body)
                                }
                                index += 1
                                continue
                            }
                            // A scalar of two to four bytes; a String's UTF-8 is always valid.
                            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                            for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                            index += length
                            if value < Folding.tableEnd {
                                let range = foldedRanges[Int(value) - 0x80]
                                if range.start == Folding.ends {
                                    if !word.isEmpty { Self.flush(&word, body) }
                                } else if range.count == 1 {
                                    word.append(foldedBytes[Int(range.start)])  // ä, ö, ü, é, ...
                                } else {
                                    word.append(contentsOf: foldedBytes[Int(range.start)..<Int(range.start) + Int(range.count)])
                                }
                            } else if let scalar = Unicode.Scalar(value), Folding.isWordScalar(scalar) {
                                Folding.appendFolded(scalar, to: &word)
                            } else if !word.isEmpty {
                                Self.flush(&word, body)
                            }
                        }
                    }
                }
                }
            }
            if !word.isEmpty { Self.flush(&word, body) }
            self.word = word
        }

        private static func flush(_ word: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            SearchText.contract(&word)
            word.withUnsafeBufferPointer(body)
            word.removeAll(keepingCapacity: true)
        }
    }

    /// `ae`, `oe`, `ue` → `a`, `o`, `u`, left to right, as the JavaScript `replace(/ae|oe|ue/g)`.
    static func contract(_ word: inout [UInt8]) {
        guard word.count >= 2 else { return }
        let kept = word.withUnsafeMutableBufferPointer { word -> Int in
            // Most words have no pair: find the first before moving anything.
            var index = 1
            while index < word.count, !(word[index] == 0x65 && Self.dropsFollowingE(word[index - 1])) { index += 1 }
            guard index < word.count else { return word.count }
            var out = index
            index += 1
            while index < word.count {
                let byte = word[index]
                word[out] = byte
                out += 1
                if Self.dropsFollowingE(byte), index + 1 < word.count, word[index + 1] == 0x65 {
                    index += 2
                } else {
                    index += 1
                }
            }
            return out
        }
        if kept < word.count { word.removeLast(word.count - kept) }
    }

    @inline(__always)
    private static func dropsFollowingE(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x6F || byte == 0x75
    }

    /// Collapses runs of white space, for plain text shown to readers.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Steps 1 and 2 for one scalar outside ASCII.
enum Folding {
    /// Scalars below this are looked up in `table`: Latin, Greek, Cyrillic, Hebrew, Arabic.
    static let tableEnd: UInt32 = 0x800

    /// ASCII: the byte of a letter or digit in lower case, 0 for a byte that ends a word.
    static let ascii: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: return UInt8(byte)
        case 0x41...0x5A: return UInt8(byte + 0x20)
        default: return 0
        }
    }

    /// From U+0080, where each scalar's folded bytes are in `bytes`; `ends` as start for a
    /// scalar that ends a word. One flat table: the scanner reads it for every umlaut.
    static let ranges: [(start: UInt16, count: UInt8)] = tables.ranges
    static let bytes: [UInt8] = tables.bytes
    static let ends = UInt16.max

    private static var tables: (ranges: [(start: UInt16, count: UInt8)], bytes: [UInt8]) {
        var ranges: [(start: UInt16, count: UInt8)] = []
        var bytes: [UInt8] = []
        for value in UInt32(0x80)..<tableEnd {
            guard let scalar = Unicode.Scalar(value), isWordScalar(scalar) else {
                ranges.append((ends, 0))
                continue
            }
            let start = bytes.count
            appendFolded(scalar, to: &bytes)
            ranges.append((UInt16(start), UInt8(bytes.count - start)))
        }
        return (ranges, bytes)
    }

    /// Letters, digits and marks, as JavaScript's `\p{L}`, `\p{N}` and `\p{M}` see them. The Latin
    /// diacritics (U+0300–U+036F) are dropped when folded; other marks stay in their word: NFD
    /// splits Arabic `ئ` into `ي` and a hamza mark, and the word must stay one word on both sides
    /// (found by fuzzing: an Arabic word in the index the page could never ask for).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func appendFolded(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
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
}
