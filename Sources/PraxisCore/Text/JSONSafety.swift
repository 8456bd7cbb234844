import Foundation

/// For JSON made by JSONEncoder: `<`, `>` and `&` only occur inside JSON strings, and are
/// written as \u003c, \u003e, \u0026 so that no title or summary reads as markup even where the
/// JSON is pasted into a page.
enum JSONSafety {
    static func escapeMarkup(_ data: Data) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(data.count + data.count / 64)
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): out += [0x5C, 0x75, 0x30, 0x30, 0x33, 0x63]  // \u003c
                case UInt8(ascii: ">"): out += [0x5C, 0x75, 0x30, 0x30, 0x33, 0x65]  // \u003e
                case UInt8(ascii: "&"): out += [0x5C, 0x75, 0x30, 0x30, 0x32, 0x36]  // \u0026
                default: out.append(byte)
                }
            }
        }
        return Data(out)
    }
}
