/// The order of the published practices, which every list of practices follows: German
/// alphabetical order of titles (`GermanCollation`), then ids. Ids are file names, so the order
/// is total: a list sorted once and one with a few practices put in their places are the same.
enum PracticeOrder {
    static func sorted(_ practices: [Practice]) -> [Practice] {
        GermanCollation.sorted(practices, by: \.title, tieBreak: { $0.id < $1.id })
    }

    /// `sorted(kept + added)`, where `kept` is in this order already (`praxis serve`: the last
    /// build's practices but those of files read again): each of `added` is put in its place by
    /// binary search, so only a few keys of `kept` are made, not one per practice.
    static func inserting(_ added: [Practice], into kept: [Practice]) -> [Practice] {
        var result = kept
        for practice in added {
            let key = GermanCollation.key(practice.title)
            // The first place whose practice comes after this one (`result` stays in order).
            var low = 0, high = result.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(result[middle], practice, key) { low = middle + 1 } else { high = middle }
            }
            result.insert(practice, at: low)
        }
        return result
    }

    /// Where `practice` is in `list`, which is in this order; nil when it is not there.
    static func index(of practice: Practice, in list: [Practice]) -> Int? {
        let key = GermanCollation.key(practice.title)
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(list[middle], practice, key) { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low].id == practice.id ? low : nil
    }

    /// Whether `a` comes before `b` in this order.
    static func precedes(_ a: Practice, _ b: Practice) -> Bool {
        precedes(a, b, GermanCollation.key(b.title))
    }

    /// What the order compares: `a` comes before `b` when its key is smaller.
    static func sortKey(_ practice: Practice) -> (String, String, String) {
        (GermanCollation.key(practice.title), practice.title, practice.id)
    }

    /// Whether `a` comes before `b` (whose key is `keyB`), as in `GermanCollation.sorted`.
    private static func precedes(_ a: Practice, _ b: Practice, _ keyB: String) -> Bool {
        let keyA = GermanCollation.key(a.title)
        if keyA != keyB { return keyA < keyB }
        if a.title != b.title { return a.title < b.title }
        return a.id < b.id
    }
}
