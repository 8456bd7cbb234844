#if canImport(Glibc)
import Glibc
#endif
import Yams

/// Bounds on what a front matter (or site.yaml) may cost before anything walks its nodes.
///
/// Anchors and aliases (`&a` ... `*a`) are refused: editors have no use for them, and ten lines
/// of nested aliases ("billion laughs") expand to a billion nodes in any walk over the tree, and
/// already in Yams, which hashes a mapping's keys (an aliased key is hashed in full).
enum YAMLLimits {
    /// Bytes of one front matter or site.yaml: 100,000 tags take about 2 MB.
    static let maximumBytes = 8 * 1024 * 1024
    /// Levels of lists and maps; the content model needs three (media: - file:).
    static let maximumDepth = 32

    enum Composed {
        case node(Node?)
        /// Composed and checked by `YAMLCompose` (see there): no duplicate key, no key that is
        /// not a scalar, no node too deep, every map with the fast-lookup tag.
        case checked(Node)
        /// The first anchor in document order, with its line within `yaml` (1-based).
        case anchor(name: String, line: Int)
    }

    /// Composes `yaml` unless it defines an anchor. Anchors are found on the nodes libyaml's
    /// events gave (not by searching the text, where `&` is common in titles), in a first pass
    /// over a copy whose every `*` is a private-use character: that copy cannot contain an
    /// alias, so composing it is linear, while every anchor of the original is still an anchor
    /// there (libyaml's anchor names are letters, digits, `-` and `_`). Without an anchor the
    /// original has no alias either (an alias must name an earlier anchor), and is composed as
    /// it is. Text without `&` has no anchor and is composed at once, through `YAMLCompose`
    /// (every file of the issue-9 corpus); with one, the text is parsed twice, as it always was.
    ///
    /// The encoding is named: Yams' default reads the whole process environment for each parser.
    static func composeRefusingAnchors(_ yaml: String) throws -> Composed {
        guard contains(UInt8(ascii: "&"), in: yaml) else { return try YAMLCompose.compose(yaml) }
        let hasStar = contains(UInt8(ascii: "*"), in: yaml)
        let probe = hasStar ? replacingStars(yaml) : yaml
        // Yams keeps a node's anchor as a weak reference that only its parser holds.
        let parser = try Parser(yaml: probe, encoding: .utf8)
        let root = try parser.singleRoot()
        let anchor = withExtendedLifetime(parser) { root.flatMap(firstAnchor) }
        if let anchor { return .anchor(name: anchor.name, line: anchor.line) }
        if !hasStar { return .node(root) }
        return .node(try YAMLCompose.composeWithDefaultResolver(yaml))
    }

    private static func replacingStars(_ yaml: String) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(yaml.utf8.count + 64)
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "*") { bytes += [0xEE, 0x80, 0x80] } else { bytes.append(byte) }  // U+E000
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first node, in document order, that carries an anchor. The tree holds no alias, so
    /// this visits each written node once.
    private static func firstAnchor(_ node: Node) -> (name: String, line: Int)? {
        var stack = [node]
        while let next = stack.popLast() {
            let anchor: Anchor?
            switch next {
            case .scalar(let scalar): anchor = scalar.anchor
            case .mapping(let mapping):
                anchor = mapping.anchor
                for (key, value) in mapping.reversed() { stack += [value, key] }
            case .sequence(let sequence):
                anchor = sequence.anchor
                stack += sequence.reversed()
            case .alias(let alias): anchor = alias.anchor
            }
            if let anchor { return (anchor.rawValue, next.mark?.line ?? 1) }
        }
        return nil
    }

    static func anchorProblem(name: String, line: Int, file: String) -> Diagnostic {
        Diagnostic(file: file, line: line,
                   message: "uses the YAML anchor &\(name); anchors (&name) and aliases (*name) are not allowed here.",
                   hint: "Write the value out in full wherever it is needed. A text that starts with & or * must be in quotes, e.g. title: \"&\(name)\".")
    }

    /// The line of a node nested deeper than `maximumDepth`, or nil.
    static func lineDeeperThanLimit(_ node: Node) -> Int? {
        var stack: [(Node, Int)] = [(node, 1)]
        while let (next, depth) = stack.popLast() {
            if depth > maximumDepth { return next.mark?.line ?? 1 }
            if let mapping = next.mapping {
                for (key, value) in mapping { stack += [(key, depth + 1), (value, depth + 1)] }
            } else if let sequence = next.sequence {
                for item in sequence { stack.append((item, depth + 1)) }
            }
        }
        return nil
    }

    /// Too large, or a character YAML does not allow (NUL and the other control characters but
    /// tab and line breaks, U+FFFE, U+FFFF): said with its line before libyaml sees the text.
    static func problem(inText yaml: String, file: String, lineOffset: Int) -> Diagnostic? {
        let size = yaml.utf8.count
        if size > maximumBytes {
            return Diagnostic(file: file, line: lineOffset + 1,
                              message: "the front matter has \(size) bytes; at most \(maximumBytes) are allowed.",
                              hint: "Keep long texts in the body below the closing ---, not in the front matter.")
        }
        if allPrintable(yaml) { return nil }
        var line = 1
        for scalar in yaml.unicodeScalars {
            let value = scalar.value
            if value == 0x0A { line += 1; continue }
            if isPrintable(value) { continue }
            let name = value == 0 ? " (NUL)" : ""
            return Diagnostic(file: file, line: line + lineOffset,
                              message: "contains the character U+\(hex4(value))\(name), which YAML does not allow.",
                              hint: "Delete it: it is invisible in most editors and often comes with text copied from a PDF or a word processor.")
        }
        return nil
    }

    /// A character of the same kinds written as an escape in a double-quoted text (`"\0"`,
    /// `"\x1B"`, `"\uFFFF"`): YAML allows it there, but it would reach pages and the search
    /// index (where NUL also stands for a card's link root, Render/CardRoot). Only a text with a
    /// backslash can hold such an escape, so the others are not walked.
    static func problem(inEscapesOf node: Node, yaml: String, file: String, lineOffset: Int) -> Diagnostic? {
        guard contains(UInt8(ascii: "\\"), in: yaml) else { return nil }
        var stack = [node]
        while let next = stack.popLast() {
            switch next {
            case .scalar(let scalar):
                guard scalar.style == .doubleQuoted,
                      let value = scalar.string.unicodeScalars.first(where: { !isPrintable($0.value) })?.value else { continue }
                let name = value == 0 ? " (NUL)" : ""
                return Diagnostic(file: file, line: scalar.mark.map { $0.line + lineOffset },
                                  message: "contains the character U+\(hex4(value))\(name), written as an escape in quotes; it is not allowed in a text.",
                                  hint: "Remove the escape: the character is invisible and would break pages and the search.")
            case .mapping(let mapping):
                for index in mapping.indices { stack.append(mapping[index].value); stack.append(mapping[index].key) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence.reversed())
            case .alias:
                continue
            }
        }
        return nil
    }

    /// Whether `byte` is in `text`: memchr over the text's bytes. `utf8.contains` goes through
    /// them one at a time, three times per front matter (`&`, `!`, `\\`).
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.count > 0 && memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether every character of `text` is `isPrintable`, read from its UTF-8 bytes (the text
    /// is valid UTF-8): the only sequences of a character that is not are bytes below 0x20
    /// but tab and line breaks, 0x7F, C2 80...C2 9F but C2 85 (U+0080...U+009F but U+0085)
    /// and EF BF BE/BF (U+FFFE, U+FFFF). A text with one is walked again by characters, for
    /// the message and its line.
    static func allPrintable(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte >= 0xC3 && byte != 0xEF {
                    index += 1
                    continue
                }
                switch byte {
                case 0xC2:
                    if index + 1 < count, bytes[index + 1] >= 0xA0 || bytes[index + 1] == 0x85 { index += 2; continue }
                    return false
                case 0xEF:
                    if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
                    index += 1
                case 0x80...0xBF:
                    index += 1  // a continuation byte of a character checked at its first byte
                default:
                    return false
                }
            }
            return true
        }
    }

    /// YAML 1.2's c-printable (tab, line breaks, the printable ranges).
    static func isPrintable(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
