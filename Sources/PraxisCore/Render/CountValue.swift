import Mustache

/// A number in a page's context that templates use as a section (`{{#relatedCount}}`,
/// `{{#breadcrumbsCount}}`) and may print (`{{practiceCount}}`). It prints and transforms like the
/// Int it holds; as a section it answers "no such key" at once, where swift-mustache would reflect
/// an Int with a `Mirror` for every name looked up inside the section before going on to the page.
struct CountValue: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let count: Int

    init(_ count: Int) { self.count = count }

    func child(named: String) -> Any? { nil }
    var renderText: String { String(count) }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { count.transform(name) }
}
