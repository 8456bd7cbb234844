/// A link target built from its parts: path segments and fragment each percent-encoded, never
/// pasted together as written. What an editor writes after `#` or in a file name can then
/// hold no quote, angle bracket, space or further `#`/`?` that changes what the URL means.
struct LinkURL: Equatable {
    /// Root-relative path segments, e.g. `["practices", "x"]`.
    var segments: [String]
    /// Whether the path names a folder (`practices/x/`) rather than a file.
    var isFolder: Bool
    var fragment: String?

    init(segments: [String], isFolder: Bool, fragment: String? = nil) {
        self.segments = segments
        self.isFolder = isFolder
        self.fragment = fragment
    }

    /// A root-relative path Praxis built itself (`practices/x/`), split at its slashes.
    init(path: String, fragment: String? = nil) {
        self.init(segments: path.split(separator: "/").map(String.init), isFolder: path.hasSuffix("/"), fragment: fragment)
    }

    /// The root-relative URL, e.g. `practices/x/#ablauf` or `static/a%22b.pdf#page=2`; not yet
    /// escaped for an attribute (see `HTMLEscape.attribute`).
    var text: String {
        var result = segments.map { Self.encode($0, allowing: Self.segmentCharacters, keepingEncoded: false) }.joined(separator: "/")
        if isFolder, !segments.isEmpty { result += "/" }
        if let fragment { result += "#" + Self.encode(fragment, allowing: Self.fragmentCharacters, keepingEncoded: true) }
        return result
    }

    /// RFC 3986 unreserved characters and those sub-delimiters that mean nothing in HTML.
    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    private static let segmentCharacters = unreserved.union("!$()*+,;=:@".utf8)
    /// A fragment may also hold `/` and `?` (a PDF's `#page=2&zoom=50` stays readable).
    private static let fragmentCharacters = segmentCharacters.union("/?&".utf8)

    /// Every byte outside `allowed` as `%XX`. A segment is a file's real name, so its `%` is
    /// encoded too; in a fragment (`keepingEncoded`) a `%` followed by two hex digits stays, so
    /// what an editor percent-encoded is not encoded twice.
    private static func encode(_ text: String, allowing allowed: Set<UInt8>, keepingEncoded: Bool) -> String {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for (index, byte) in bytes.enumerated() {
            if allowed.contains(byte) {
                out.append(byte)
            } else if keepingEncoded, byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
