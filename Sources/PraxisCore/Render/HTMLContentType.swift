import Mustache

/// Mustache's escaping for `{{value}}`, over UTF-8 bytes. swift-mustache's own HTML escaping looks
/// up every Character in a dictionary, a seventh of a whole build's time; this one scans bytes and
/// returns a value without `& < > " '` as it is. It escapes the same five characters to the same
/// entities. (Where one of them starts a grapheme cluster, e.g. `"` followed by a combining mark,
/// the library left it raw, which could end an attribute; this one escapes it like HTMLEscape.)
struct HTMLContentType: MustacheContentType {
    /// The name templates are given it under (`Theme.build` prepends the pragma to every template).
    static let name = "PRAXIS_HTML"
    /// The pragma line put before each template's text: standalone, so it adds no output and the
    /// template's first line is still parsed as a first line.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the type with swift-mustache, once per process (a static's initialiser runs once).
    static let registration: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        var bytesOf = text
        return bytesOf.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(where: Self.needsEscape) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: Self.amp)
                case UInt8(ascii: "<"): result.append(contentsOf: Self.lt)
                case UInt8(ascii: ">"): result.append(contentsOf: Self.gt)
                case UInt8(ascii: "\""): result.append(contentsOf: Self.quot)
                case UInt8(ascii: "'"): result.append(contentsOf: Self.apos)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
}
