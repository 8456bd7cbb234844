import Yams

extension Node.Mapping {
    /// The value of `key`, the one Yams' `self[key]` gives, found more cheaply: Yams builds a
    /// key node and a tag for every lookup and compares it with every key from the end, text and
    /// resolved tag. Here the texts are compared first, and the looked-up key's tag is resolved
    /// (as Yams resolves it: with the map's resolver) only for a key of the same text; the last
    /// such key whose resolved tag is the same wins, as in Yams.
    func value(forKey key: String) -> Node? {
        var probeTag: Tag?
        var index = endIndex
        while index > startIndex {
            index -= 1
            let candidate = self[index].key
            guard case .scalar(let scalar) = candidate, scalar.string == key else { continue }
            let probe = probeTag ?? Node(key, tag.copy(with: .implicit)).tag
            probeTag = probe
            if candidate.tag == probe { return self[index].value }
        }
        return nil
    }

    /// For every key text that `value(forKey:)` finds, the position of the pair it gives: the
    /// last key of that text whose resolved tag is the looked-up key's.
    func positions() -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(count)
        for index in indices {
            let candidate = self[index].key
            guard case .scalar(let scalar) = candidate else { continue }
            if candidate.tag == Node(scalar.string, tag.copy(with: .implicit)).tag { positions[scalar.string] = index }
        }
        return positions
    }
}
