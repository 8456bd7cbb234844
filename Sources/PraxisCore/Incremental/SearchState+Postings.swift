/// Each word's postings and the order of words, brought up to date.
extension SearchState {
    /// Brings every term's postings to the numbering of `next`; returns the terms whose postings
    /// changed. A document that kept its words and its place among the others keeps its
    /// postings, renumbered; every other one is taken out and put in again.
    mutating func updatePostings(_ next: [Document]) -> (dirty: Set<Int>, reordered: Bool) {
        let bits = SearchIndex.Fields.bits
        // Old number -> new number for documents whose words are those of the last build.
        var candidates: [(old: Int, new: Int)] = []
        for (number, document) in next.enumerated() {
            if let old = document.kept { candidates.append((old, number)) }
        }
        if !candidates.enumerated().allSatisfy({ $0.offset == 0 || candidates[$0.offset - 1].old < $0.element.old }) {
            candidates.sort { $0.old < $1.old }
        }
        let kept = Self.increasing(candidates)
        var mapping = [Int?](repeating: nil, count: documents.count)
        for pair in kept { mapping[pair.old] = pair.new }
        var keptNew = [Bool](repeating: false, count: next.count)
        for pair in kept { keptNew[pair.new] = true }

        var dirty = Set<Int>()
        let renumbered = kept.contains { $0.old != $0.new }
        if renumbered {
            // Every posting gets its new number; the order stays, as kept documents keep theirs.
            for term in order {
                var changed = false
                var list: [Int] = []
                list.reserveCapacity(postings[term].count)
                for posting in postings[term] {
                    guard let new = mapping[posting >> bits] else { changed = true; continue }
                    if new != posting >> bits { changed = true }
                    list.append(new << bits | (posting & ((1 << bits) - 1)))
                }
                if changed {
                    postings[term] = list
                    dirty.insert(term)
                }
            }
        }
        // Documents not kept: taken out of the terms they had (when not renumbered above) ...
        if !renumbered {
            for (old, document) in documents.enumerated() where mapping[old] == nil {
                for (term, _) in document.words {
                    let number = old
                    if let at = Self.position(of: number, in: postings[term], bits: bits), postings[term][at] >> bits == number {
                        postings[term].remove(at: at)
                        dirty.insert(term)
                    }
                }
            }
        }
        // ... and put into the terms they have now.
        for (number, document) in next.enumerated() where !keptNew[number] {
            for (term, fields) in document.words {
                let at = Self.position(of: number, in: postings[term], bits: bits) ?? postings[term].count
                postings[term].insert(number << bits | fields, at: at)
                dirty.insert(term)
            }
        }
        for term in dirty { postingPieces[term] = nil }
        return (dirty, updateOrder(dirty))
    }

    /// Keeps `order` to the terms with postings, in byte order of their words; true when terms
    /// came or went.
    mutating func updateOrder(_ dirty: Set<Int>) -> Bool {
        let words = self.words
        func precedes(_ a: Int, _ b: Int) -> Bool { words[a].utf8.lexicographicallyPrecedes(words[b].utf8) }
        let gone = dirty.filter { postings[$0].isEmpty && listed[$0] }
        if !gone.isEmpty { order.removeAll { gone.contains($0) } }
        for term in gone { listed[term] = false }
        let new = dirty.filter { !postings[$0].isEmpty && !listed[$0] }.sorted()
        for term in new { listed[term] = true }
        if new.count > 1000 {
            // Many new words (the first build): sorting them all is quicker than placing each.
            order = (order + new).sorted(by: precedes)
            return true
        }
        for term in new {
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(order[middle], term) { low = middle + 1 } else { high = middle }
            }
            order.insert(term, at: low)
        }
        return !gone.isEmpty || !new.isEmpty
    }

    /// Where a listed term is in `order`.
    func position(ofTerm term: Int) -> Int? {
        guard listed[term] else { return nil }
        let word = words[term].utf8
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if words[order[middle]].utf8.lexicographicallyPrecedes(word) { low = middle + 1 } else { high = middle }
        }
        return low < order.count && order[low] == term ? low : nil
    }

    /// The first index of a sorted list whose value is at least `value`.
    static func firstIndex(atLeast value: Int, in sorted: [Int]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? low : nil
    }

    /// The first position in `list` whose document number is not below `number`.
    static func position(of number: Int, in list: [Int], bits: Int) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] >> bits < number { low = middle + 1 } else { high = middle }
        }
        return low < list.count ? low : nil
    }

    /// The longest run of `pairs` (in order of `old`) whose `new` numbers increase too: the
    /// documents that keep their place among each other.
    static func increasing(_ pairs: [(old: Int, new: Int)]) -> [(old: Int, new: Int)] {
        if pairs.enumerated().allSatisfy({ $0.offset == 0 || pairs[$0.offset - 1].new < $0.element.new }) { return pairs }
        var tails: [Int] = []          // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].new < pair.new { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [(old: Int, new: Int)] = []
        var index = tails.last ?? -1
        while index >= 0 {
            result.append(pairs[index])
            index = previous[index]
        }
        return result.reversed()
    }
}
