/// Writes JSON straight into bytes: the search index is tens of thousands of small arrays, and
/// JSONEncoder would spend seconds boxing them. Strings escape `<`, `>` and `&` as \u003c,
/// \u003e and \u0026, so no title or summary reads as markup even where the JSON is pasted
/// into a page.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Digits written straight into the bytes: an index holds millions of numbers, and a
    /// String for each would cost more than all the rest.
    mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(0x2D)
            if value == .min { bytes.append(contentsOf: String(value).utf8.dropFirst()); return }
            int(-value)
            return
        }
        if value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Bytes that are JSON already.
    mutating func append<C: Collection<UInt8>>(_ json: C) {
        bytes.append(contentsOf: json)
    }

    /// Room for `count` more bytes.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    mutating func string(_ text: String) {
        string(utf8: text.utf8)
    }

    /// A string given as its UTF-8 bytes.
    mutating func string<C: Collection<UInt8>>(utf8: C) {
        bytes.append(0x22)
        // Most texts need no escape: copied at once.
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) {
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return
        }
        for byte in utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x00..<0x20, 0x3C, 0x3E, 0x26: unicodeEscape(byte)
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    /// `"key":` inside an object.
    mutating func key(_ name: StaticString) {
        bytes.append(0x22)
        raw(name)
        raw("\":")
    }

    mutating func array<S: Sequence>(_ items: S, _ write: (inout JSONBytes, S.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            write(&self, item)
        }
        bytes.append(0x5D)
    }

    mutating func strings<S: Sequence<String>>(_ items: S) { array(items) { $0.string($1) } }
    mutating func ints<S: Sequence<Int>>(_ items: S) { array(items) { $0.int($1) } }

    private mutating func unicodeEscape(_ byte: UInt8) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
    }
}
