/// The pager of a long list: links in the head for browsers and crawlers, a navigation for readers.
extension Renderer {
    /// "Seite 2 von 5", from the theme's strings.
    func pageStatus(_ pagination: Pagination) -> String {
        // The standard library's `replacing`, not Foundation's `replacingOccurrences`, which goes
        // through NSString: a twentieth of a list page's time.
        (strings["page-of"] ?? "Seite {page} von {pages}")
            .replacing("{page}", with: String(pagination.number))
            .replacing("{pages}", with: String(pagination.count))
    }

    /// The context of the pager; nil for a list that fits on one page. Keys are named so that
    /// no key of the page around them (a day's `previous`) is picked up by mistake.
    func pager(_ pagination: Pagination, root: String, status: String) -> Record? {
        guard pagination.count > 1 else { return nil }
        let link: (Int) -> Record = { Record(["url": TextValue(root + pagination.path($0)), "number": CountValue($0)]) }
        let pages = pagination.window.map { number -> Record in
            guard let number else { return Record(["isGap": true, "isCurrent": false]) }
            return Record(["url": TextValue(root + pagination.path(number)), "number": CountValue(number),
                           "isGap": false, "isCurrent": number == pagination.number])
        }
        return record([
            "status": status,
            "pages": pages,
            "previousPage": pagination.number > 1 ? link(pagination.number - 1) : nil,
            "nextPage": pagination.number < pagination.count ? link(pagination.number + 1) : nil,
        ])
    }
}
