/// An edit of practices only, each still in its place: what of a practice each stage reads, to
/// tell whether the stage can keep what it made last time. Keep in step with what Resolve/,
/// Facets/ and Feeds/ read of a practice.
struct PracticeEdit {
    /// The practices as they were and as they are.
    let practices: [(old: Practice, new: Practice)]

    /// Nil when the edit is not only of practices.
    init?(_ replaced: [(old: ParseStage.Parsed, new: ParseStage.Parsed)]) {
        var practices: [(old: Practice, new: Practice)] = []
        for (old, new) in replaced {
            guard case .practice(let before) = old, case .practice(let after) = new else { return nil }
            practices.append((before, after))
        }
        self.practices = practices
    }

    /// What stage "resolve" reads of a practice: its references, what they are checked against
    /// (language, draft), what orders lists (title); of its body, the `@/` links and the
    /// headings others may link to.
    func keepsResolve(oldBodies: [String: RenderedMarkdown], newBodies: [String: RenderedMarkdown]) -> Bool {
        practices.allSatisfy { old, new in
            old.id == new.id && old.origin.file == new.origin.file && old.title == new.title && old.partners == new.partners
                && old.related == new.related && old.sources == new.sources && old.lang == new.lang && old.draft == new.draft
                && old.translations.elementsEqual(new.translations, by: { $0.lang == $1.lang && $0.id == $1.id })
                && old.media.elementsEqual(new.media, by: { $0.file == $1.file })
                && Self.sameLinks(oldBodies[old.origin.file], newBodies[new.origin.file])
        }
    }

    private static func sameLinks(_ old: RenderedMarkdown?, _ new: RenderedMarkdown?) -> Bool {
        guard let old, let new else { return old == nil && new == nil }
        return old.links.elementsEqual(new.links, by: { $0.target == $1.target && $0.anchor == $1.anchor })
            && old.headings.map(\.id) == new.headings.map(\.id)
    }

    /// What stage "facets" reads of a practice beside what resolve reads: its values.
    var keepsFacets: Bool {
        practices.allSatisfy { old, new in
            old.facetValues == new.facetValues && old.tags == new.tags && old.place?.country == new.place?.country
        }
    }

    /// Whether an `updated` date changed: the latest practices, the feed and the sitemap's dates.
    var changesDates: Bool {
        practices.contains { $0.old.updated != $0.new.updated }
    }

    /// Whether the feed changes: a date changed (which practices it lists), or the summary of a
    /// practice it lists (`inFeed`; titles are kept, see `keepsResolve`).
    func changesFeed(inFeed: Set<String>) -> Bool {
        changesDates || practices.contains { inFeed.contains($0.new.id) && $0.old.summary != $0.new.summary }
    }
}
