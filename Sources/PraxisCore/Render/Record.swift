import Mustache

/// Named values in a page's context: the page itself, a link, a card's fields. It answers names,
/// prints and transforms like the `[String: Any]` it holds, but costs swift-mustache less: a bare
/// dictionary answers through its conditional `MustacheParent` conformance, generic code that
/// fetches the dictionary's type metadata and hashes without specialisation on every name looked
/// up in it, where this looks the name up in code compiled for `[String: Any]`. Every name a
/// template looks up reaches at least one of these, most several (sections look outwards).
struct Record: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? { values[name] }
    /// `{{record}}` prints what `{{dictionary}}` printed.
    var renderText: String { String(describing: values) }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { values.transform(name) }
}
