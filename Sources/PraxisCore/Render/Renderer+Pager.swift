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
    func pager(_ pagination: Pagination, root: String) -> [String: Any]? {
        guard pagination.count > 1 else { return nil }
        let link: (Int) -> [String: Any] = { ["url": TextValue(root + pagination.path($0)), "number": $0] }
        let pages = pagination.window.map { number -> [String: Any] in
            guard let number else { return ["isGap": true, "isCurrent": false] }
            return link(number).merging(["isGap": false, "isCurrent": number == pagination.number]) { a, _ in a }
        }
        return compact([
            "status": pageStatus(pagination),
            "pages": pages,
            "previousPage": pagination.number > 1 ? link(pagination.number - 1) : nil,
            "nextPage": pagination.number < pagination.count ? link(pagination.number + 1) : nil,
        ])
    }
}
