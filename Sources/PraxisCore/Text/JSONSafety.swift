import Foundation

/// For JSON made by JSONEncoder: `<`, `>` and `&` only occur inside JSON strings, and are
/// written as \u003c, \u003e, \u0026 so that no title or summary reads as markup even where the
/// JSON is pasted into a page.
enum JSONSafety {
    static func escapeMarkup(_ data: Data) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(data.count + data.count / 64)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            default: out.append(byte)
            }
        }
        return Data(out)
    }
}
