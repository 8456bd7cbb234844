import Mustache

/// Named values in a page's context: the page itself, a link, a card's fields. It answers names,
/// prints and transforms like the `[String: Any]` it holds, but costs swift-mustache less: a bare
/// dictionary answers through its conditional `MustacheParent` conformance, generic code that
/// fetches the dictionary's type metadata and hashes without specialisation on every name looked
/// up in it, where this looks the name up in code compiled for `[String: Any]`. Every name a
/// template looks up reaches at least one of these, most several (sections look outwards).
struct Record: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let values: [String: Any]
    /// Values made only if a template asks for them (`Later`), looked at only for names not in `values`.
    let later: [String: Later]

    init(_ values: [String: Any], later: [String: Later] = [:]) {
        self.values = values
        self.later = later
    }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        return later.isEmpty ? nil : later[name]?.value
    }
    /// `{{record}}` prints what `{{dictionary}}` printed.
    var renderText: String { String(describing: values) }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { values.transform(name) }
}
