/// One page of a long list cut into pages of `page_size` (site.yaml): page 1 at the list's own
/// URL, page n at `<list>page/<n>/` (`SitePaths.paged`).
struct Pagination: Sendable {
    /// The list's own URL, root-relative: that of page 1.
    let listPath: String
    /// 1-based.
    let number: Int
    let count: Int

    /// How many pages `items` entries fill; an empty list is one (empty) page.
    static func pageCount(items: Int, size: Int) -> Int {
        max(1, (items + size - 1) / max(size, 1))
    }

    /// The URL of page `number`.
    func path(_ number: Int) -> String { SitePaths.paged(listPath, number) }
    var path: String { path(number) }

    /// The entries on this page.
    func slice<T>(_ items: [T], size: Int) -> ArraySlice<T> {
        let start = min(items.count, (number - 1) * size)
        return items[start..<min(items.count, start + size)]
    }

    /// The page numbers the pager links: the first, the last and two either side of this one;
    /// nil where numbers are left out. A single missing number is shown rather than a gap.
    var window: [Int?] {
        let shown = Set([1, count] + Array(max(1, number - 2)...min(count, number + 2))).sorted()
        var result: [Int?] = []
        for page in shown {
            if let last = result.last ?? nil {
                if page - last == 2 { result.append(last + 1) } else if page - last > 2 { result.append(nil) }
            }
            result.append(page)
        }
        return result
    }
}
