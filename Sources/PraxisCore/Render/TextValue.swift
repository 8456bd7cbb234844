import Mustache

/// Text in a page's context. It prints, escapes and transforms like the String it holds, but costs
/// swift-mustache less: as a "custom renderable" it is printed without the casts and the
/// `String(describing:)` a String goes through, and as a section (`{{#place}}…{{/place}}`) it answers
/// "no such key" for every name looked up inside at once, where a String is reflected with a `Mirror`.
struct TextValue: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let text: String

    init(_ text: String) { self.text = text }

    func child(named: String) -> Any? { nil }
    var renderText: String { text }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { text.transform(name) }
}
