import Foundation

/// The words of the index, each stored once and known by its number: a document's words are
/// numbers, not Strings, so 10,000 documents of 350 distinct words each cost 4 bytes a word.
/// Words are bytes in one buffer, found again through an open-addressing hash table.
struct WordTable: Sendable {
    /// Word `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    /// Whether the index keeps word `n` (`SearchText.isIndexed`), decided once per word.
    private(set) var indexed: [Bool] = []
    private var hashes: [UInt64] = []
    /// Word number + 1 by hash, 0 where free; the count is a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    var count: Int { indexed.count }

    func word(_ number: Int) -> ArraySlice<UInt8> { bytes[starts[number]..<starts[number + 1]] }

    /// The number of `word`, added when new.
    mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                starts.withUnsafeBufferPointer { starts in
                    bytes.withUnsafeBufferPointer { stored in
                        while true {
                            let entry = Int(slots[slot])
                            if entry == 0 { return nil }
                            let number = entry - 1
                            if hashes[number] == hash, starts[number + 1] - starts[number] == word.count,
                               word.isEmpty || memcmp(stored.baseAddress! + starts[number], word.baseAddress!, word.count) == 0 {
                                return number
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        if let found { return found }
        let number = indexed.count
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        hashes.append(hash)
        indexed.append(SearchText.isIndexed(word))
        slots[slot] = Int32(number + 1)
        if indexed.count * 2 > slots.count { grow() }
        return number
    }

    /// The number of a word given as an array.
    mutating func number(of word: [UInt8]) -> Int {
        word.withUnsafeBufferPointer { number(of: $0) }
    }

    private mutating func grow() {
        var slots = [Int32](repeating: 0, count: self.slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
        self.slots = slots
    }

    /// Eight bytes at a time, multiplied and folded (words are short: one or two rounds).
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(word.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        let raw = UnsafeRawBufferPointer(word)
        while offset + 8 <= word.count {
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ chunk) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while offset < word.count {
            last |= UInt64(word[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ last) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    /// Whether word `a` sorts before word `b` in byte order, the order of the word files.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            let aStart = starts[a], aEnd = starts[a + 1], bStart = starts[b], bEnd = starts[b + 1]
            let common = min(aEnd - aStart, bEnd - bStart)
            for offset in 0..<common {
                let x = stored[aStart + offset], y = stored[bStart + offset]
                if x != y { return x < y }
            }
            return aEnd - aStart < bEnd - bStart
        }
    }
}
