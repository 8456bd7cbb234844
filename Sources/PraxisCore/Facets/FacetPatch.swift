/// `praxis serve` after an edit of a few practices: each facet is this build's with the old
/// versions of those practices taken out and their new versions put in, through the same
/// partition functions and the same last steps (`FacetGrouping.facet`) as `FacetBuilder.build`,
/// so the facets equal those a full grouping makes. Nothing here says which fields a facet reads:
/// a practice counts as changed when its file was read again, and a facet whose grouping reads
/// something else that changed (a partner's title, a vocabulary) is grouped again in full.
extension FacetSet {
    /// The facets of `site`, made from this set (the facets of `old`); `changed`: the ids of the
    /// practices that may differ between `old` and `site` (edited, added, removed, published or
    /// made drafts). Nil when only a full `FacetBuilder.build` can tell (the grouping of tags
    /// changed, or an edited tag may share its slug with another spelling: the build reports it).
    func patched(old: Site, site: Site, changed: Set<String>, labels: FacetLabels) -> FacetSet? {
        let groupings = FacetGrouping.all(site, labels: labels)
        guard groupings.count == self.groupings.count else { return nil }
        let before = changed.sorted().compactMap { old.practiceByID[$0] }
        let after = changed.sorted().compactMap { site.practiceByID[$0] }
        // A tag whose slug is empty is in no tag list, but TagSlugs still compares its spellings.
        if after.contains(where: { $0.tags.contains { Slug.make($0).isEmpty } }) { return nil }
        let ranking = TitleOrder(practices: site.practiceByID)
        var result = FacetSet(facets: [], groupings: groupings, tallies: [])
        for (grouping, (last, tally)) in zip(groupings, zip(self.groupings, tallies)) {
            var tally = tally
            if grouping.groupsAlike(last) {
                var touched = Set<String>()
                for practice in before {
                    touched.formUnion(tally.remove(practice, grouping.partition(practice, slug: Slug.make), countingSpellings: grouping.countsSpellings))
                }
                for practice in after {
                    touched.formUnion(tally.insert(practice, grouping.partition(practice, slug: Slug.make), ranking: ranking,
                                                   countingSpellings: grouping.countsSpellings))
                }
                // Each value's label is the one its first practice gives it, as in a full tally.
                for id in touched {
                    guard let first = tally.values[id]?.practices.first, let practice = site.practiceByID[first] else { continue }
                    tally.values[id]!.label = grouping.partition(practice, slug: Slug.make).first { $0.id == id }!.label
                }
                if grouping.kind == .tags, touched.contains(where: { Set((tally.spellings[$0] ?? [:]).keys.map { $0.lowercased() }).count > 1 }) {
                    return nil
                }
            } else {
                guard grouping.kind != .tags else { return nil }
                tally = FacetTally()
                for practice in site.practices {
                    tally.add(practice, grouping.partition(practice, slug: Slug.make), countingSpellings: grouping.countsSpellings)
                }
            }
            result.facets.append(grouping.facet(tally))
            result.tallies.append(tally)
        }
        return result
    }
}

extension FacetTally {
    /// Takes `practice` (counted under `pairs`) out; returns the ids of the values it was in.
    fileprivate mutating func remove(_ practice: Practice, _ pairs: [(id: String, label: String)], countingSpellings: Bool) -> [String] {
        var seen = SeenIDs(expected: pairs.count)
        var touched: [String] = []
        for (id, label) in pairs where !id.isEmpty && seen.insert(id) {
            touched.append(id)
            if let index = values[id]?.practices.firstIndex(of: practice.id) { values[id]!.practices.remove(at: index) }
            if values[id]?.practices.isEmpty == true { values[id] = nil }
            guard countingSpellings, let count = spellings[id]?[label] else { continue }
            spellings[id]![label] = count > 1 ? count - 1 : nil
            if spellings[id]!.isEmpty { spellings[id] = nil }
        }
        return touched
    }

    /// Counts `practice` under `pairs` at its place in the site's order (`ranking`, which orders
    /// every list already counted); returns the ids of the values it is in now.
    fileprivate mutating func insert(_ practice: Practice, _ pairs: [(id: String, label: String)], ranking: TitleOrder,
                                     countingSpellings: Bool) -> [String] {
        guard ranking.practices[practice.id] != nil else { return [] }
        var seen = SeenIDs(expected: pairs.count)
        var touched: [String] = []
        for (id, label) in pairs where !id.isEmpty && seen.insert(id) {
            touched.append(id)
            var list = values[id]?.practices ?? []
            values[id] = nil
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if ranking.precedes(list[middle], practice.id) { low = middle + 1 } else { high = middle }
            }
            list.insert(practice.id, at: low)
            values[id] = Facet.Value(id: id, label: label, practices: list)
            if countingSpellings { spellings[id, default: [:]][label, default: 0] += 1 }
        }
        return touched
    }
}
