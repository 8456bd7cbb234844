/// A list in a page's context that is made only if a template asks for it, once per page. The
/// practice page's `related` cards are one: the default theme prints the related practices rendered
/// once per build (`related-card`), yet a theme may still list `related` itself, so the key stays.
/// Its size is known beforehand: `compact` gives it the `Count` key of every list.
///
/// A class, so that the list is made once however often it is looked up; it lives only while its
/// page is rendered, on the task that renders it.
final class Later: ListValue {
    let count: Int
    private let make: () -> Any
    private(set) lazy var value: Any = make()
    var later: Later? { self }

    init(count: Int, _ make: @escaping () -> Any) {
        self.count = count
        self.make = make
    }
}
