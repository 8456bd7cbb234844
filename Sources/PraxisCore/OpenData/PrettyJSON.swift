/// JSON written straight into bytes in the layout of catalogue.json: keys in byte order, one
/// key or element a line, two spaces of indent per level, `" : "` between key and value, an
/// empty list or map as an opening line, an empty line and a closing line. It is the layout
/// JSONEncoder (`.sortedKeys`, `.prettyPrinted`, `.withoutEscapingSlashes`) gave the file
/// before; writing it here takes a tenth of the time and no byte of it changed. Strings are
/// escaped as JSONEncoder did, and `<`, `>`, `&` as \u003c, \u003e, \u0026, as in search.json.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var level: Int
    /// Per open list or map: whether nothing is in it yet.
    private var empty: [Bool] = []

    /// `level`: the depth of what is written, for a piece that goes inside a larger file.
    init(level: Int = 0, capacity: Int = 1024) {
        self.level = level
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written so far, taken out: what follows is written after them, as if they were
    /// still there (a file written in pieces).
    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: level * 2))
    }

    mutating func openObject() { open(0x7B) }
    mutating func closeObject() { close(0x7D) }
    mutating func openArray() { open(0x5B) }
    mutating func closeArray() { close(0x5D) }

    /// `"name" : `, on its own line in the open map.
    mutating func key(_ name: String) {
        item()
        string(name)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20])
    }

    /// A key already written as `"name" : ` (`keyBytes`).
    mutating func key(bytes name: [UInt8]) {
        item()
        bytes.append(contentsOf: name)
    }

    /// `"name" : ` as `key` writes it.
    static func keyBytes(_ name: String) -> [UInt8] {
        var json = PrettyJSON()
        json.string(name)
        return json.bytes + [0x20, 0x3A, 0x20]
    }

    /// A new line in the open list, for the element that follows.
    mutating func item() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
            bytes.append(0x0A)
        } else {
            bytes.append(contentsOf: [0x2C, 0x0A])
        }
        indent()
    }

    /// An element already written and indented (`init(level:)`), as the next item.
    mutating func rawItem(_ json: [UInt8]) {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
            bytes.append(0x0A)
        } else {
            bytes.append(contentsOf: [0x2C, 0x0A])
        }
        bytes.append(contentsOf: json)
    }

    mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
    mutating func bool(_ value: Bool) { bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8)) }
    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func string(_ text: String?) {
        guard let text else { return null() }
        bytes.append(0x22)
        // Most texts need no escape: copied at once.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x00..<0x20, 0x3C, 0x3E, 0x26:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    /// A list of strings.
    mutating func strings(_ values: [String]) {
        openArray()
        for value in values {
            item()
            string(value)
        }
        closeArray()
    }

    /// A map from strings to strings or null, keys in byte order.
    mutating func map(_ values: [String: String?]) {
        openObject()
        for key in Self.sorted(values.keys) {
            self.key(key)
            string(values[key] ?? nil)
        }
        closeObject()
    }

    /// A map from strings to strings, keys in byte order.
    mutating func map(_ values: [String: String]) {
        openObject()
        for key in Self.sorted(values.keys) {
            self.key(key)
            string(values[key]!)
        }
        closeObject()
    }

    /// Keys in the order JSONEncoder's `.sortedKeys` gives them: by their UTF-8 bytes.
    static func sorted<S: Sequence<String>>(_ keys: S) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        level += 1
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        bytes.append(0x0A)
        if empty.removeLast() { bytes.append(0x0A) }
        indent()
        bytes.append(bracket)
    }
}
