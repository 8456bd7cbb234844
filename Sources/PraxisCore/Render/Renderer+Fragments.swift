/// The pieces that many pages share, rendered once per build through the theme's own templates
/// (FragmentCache): the site header per link depth and menu state, the site footer per link depth,
/// a practice's card per link depth and heading level, its entry among a practice page's related
/// practices per link depth. A theme opts in by having the templates; without `site-header` its
/// base gets `nav` and renders the menu on every page, without `site-footer` it renders
/// `footerPages` on every page, without `practice-card` its lists get the cards' fields, without
/// `related-card` its practice page loops over `related`.
extension Renderer {
    /// What a shared piece sees besides its own fields: nothing of the page it lands on but the
    /// link depth, so that it may be reused on every page at that depth.
    func sharedContext(root: String) -> [String: Any] {
        ["root": root, "t": strings, "site": siteContext(root: root), "css": root + up + "assets/praxis.css",
         "js": root + up + "assets/praxis.js", "feed": root + "feed.xml", "searchURL": root + SitePaths.search]
    }

    func siteContext(root: String) -> Record {
        record(["title": site.config.title, "description": site.config.description, "url": root.isEmpty ? "./" : root])
    }

    /// The rendered `site-header` template for a page at `current` (its menu marks the page or its
    /// section), or nil when the theme has none.
    func siteHeader(root: String, current: String) -> String? {
        guard hasSiteHeader else { return nil }
        let state = String(navEntries.map { current == $0.path ? "c" : current.hasPrefix($0.path) ? "s" : "-" })
        return fragments.piece("header\u{0}\(root)\u{0}\(state)") {
            var context = sharedContext(root: root)
            context["nav"] = navigation(root: root, current: current)
            return library.render(Record(context), withTemplate: "site-header") ?? ""
        }
    }

    /// The rendered `site-footer` template for a page at link depth `root`, or nil when the theme has none.
    /// Its `footerPages` stay in every page's context too: a page's own template may list them.
    func siteFooter(root: String) -> String? {
        guard hasSiteFooter else { return nil }
        return fragments.piece("footer\u{0}\(root)") {
            var context = sharedContext(root: root)
            context["footerPages"] = footerPages(root: root)
            return library.render(Record(context), withTemplate: "site-footer") ?? ""
        }
    }

    /// The site's pages (imprint, privacy …), linked from every page's footer.
    func footerPages(root: String) -> [Record] {
        site.pages.map { Record(["title": TextValue($0.title), "url": TextValue(url(root, $0.origin.file, SitePaths.page($0.id)))]) }
    }

    /// The practice menu entries, label and root-relative path, in order.
    static func navEntries(site: Site, facets: [Facet], strings: [String: String]) -> [(label: String, path: String)] {
        var items: [(label: String, path: String)] = [(strings["practices"] ?? "Praxisbeispiele", SitePaths.practices)]
        for facet in facets where facet.kind == .vocabulary {
            items.append((facet.label, SitePaths.facet(facet.name)))
        }
        items.append((strings["partners"] ?? "Partner", SitePaths.facet("partners")))
        if !site.workshops.isEmpty { items.append((strings["workshops"] ?? "Workshops", SitePaths.workshops)) }
        items.append((strings["search"] ?? "Suche", SitePaths.search))
        return items
    }

    func navigation(root: String, current: String) -> [Record] {
        navEntries.map { label, path in
            var item: [String: Any] = ["label": TextValue(label), "url": TextValue(root + path)]
            if current == path { item["current"] = true } else if current.hasPrefix(path) { item["section"] = true }
            return Record(item)
        }
    }

    /// The entries of a list of practice cards (practice-list.mustache). With the theme's
    /// `practice-card` template each entry is only its rendered `card`, made once per practice,
    /// heading level and, unless the template rules it out (`CardRoot`), link depth, however many
    /// lists show it (see `joinedCards`).
    func listedCards(_ practices: some Sequence<Practice>, root: String, heading: String) -> [Record] {
        guard hasPracticeCard else { return practices.map { Record(practiceCard($0, root: root)) } }
        if cardsShareRoots, !root.isEmpty {
            let marker = CardRoot.marker
            return practices.map { practice in
                Record(["card": TextValue(CardRoot.place(root, in: sharedCards.piece("\(practice.id)\u{0}\(heading)") {
                    CardRoot.parts(of: card(practiceCard(practice, root: marker), root: marker, heading: heading))
                }))])
            }
        }
        return practices.map { practice in
            Record(["card": TextValue(fragments.piece("card\u{0}\(practice.id)\u{0}\(root)\u{0}\(heading)") {
                card(practiceCard(practice, root: root), root: root, heading: heading)
            })])
        }
    }

    func listedCards(ids: [String], root: String, heading: String) -> [Record] {
        listedCards(ids.compactMap { site.practiceByID[$0] }, root: root, heading: heading)
    }

    /// The cards of `entries` (made by `listedCards` or `listedEntries`) one after the other, for a
    /// list's `{{{cards}}}`: one value to print rather than a section run per card. Nil without
    /// the `practice-card` template.
    func joinedCards(_ entries: [Record]) -> TextValue? {
        guard hasPracticeCard else { return nil }
        var joined = ""
        for entry in entries { joined += (entry.values["card"] as? TextValue)?.text ?? "" }
        return TextValue(joined)
    }

    /// Workshops and sources listed like practices: rendered with the card template each time (few pages show them).
    func listedEntries(_ entries: [[String: Any]], root: String, heading: String) -> [Record] {
        guard hasPracticeCard else { return entries.map { Record($0) } }
        return entries.map { Record(["card": TextValue(card($0, root: root, heading: heading))]) }
    }

    /// The related practices of a practice page (`ids`, as `related` lists them), each rendered once
    /// per build with the theme's `related-card` template, one after the other: for the page's
    /// `{{{relatedCards}}}`. Nil without the template or related practices. A practice is related to
    /// several others, so its entry is printed on several pages.
    func relatedCards(_ ids: [String], root: String) -> TextValue? {
        guard hasRelatedCard, !ids.isEmpty else { return nil }
        var joined = ""
        for practice in ids.compactMap({ site.practiceByID[$0] }) {
            // The heading level the entry would see on the page: the practice page sets none.
            joined += fragments.piece("related\u{0}\(practice.id)\u{0}\(root)") {
                card(practiceCard(practice, root: root), root: root, heading: "h3", template: "related-card")
            }
        }
        return TextValue(joined)
    }

    private func card(_ fields: [String: Any], root: String, heading: String, template: String = "practice-card") -> String {
        var context = sharedContext(root: root)
        context.merge(fields) { _, own in own }
        context["cardHeading"] = TextValue(heading)
        return library.render(Record(context), withTemplate: template) ?? ""
    }
}
