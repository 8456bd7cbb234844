/// Limits a body must keep before cmark-gfm sees it, so that the build's time and memory grow
/// linearly with the body. cmark-gfm 0.29.0.gfm.6 (Debian's) takes quadratic time on some
/// inputs (measured with scripts/hostile-benchmark.sh): unclosed brackets in one paragraph
/// (`![[]()` repeated: every link closed walks all open brackets) and table rows with very many
/// cells (every cell is appended to a linked list by walking it). Deep nesting of block quotes
/// and lists is also refused: no editor needs it, and every open container costs on each line.
///
/// One pass over the bytes, O(n); fenced code blocks are skipped (their text is never parsed
/// as Markdown). The scan over-approximates (a `[` in an inline code span counts too), which
/// only matters for text far beyond what anyone writes.
enum BodyLimits {
    /// 32 MiB: a 20 MB body (the largest the benchmark measures) passes.
    static let maxBytes = 32 * 1024 * 1024
    /// Block quotes and list items opened on one line (`> > - 1. text`).
    static let maxNesting = 32
    /// `[` not yet closed by `]` in one paragraph.
    static let maxOpenBrackets = 32
    /// `|` on one line: the cells of a table row.
    static let maxCells = 128

    /// Why `body` (starting at file line `firstLine`) is refused, or nil.
    static func check(_ body: [UInt8], firstLine: Int) -> RenderedMarkdown.Refusal? {
        // Over a buffer pointer: its slices cost no reference counting or copy checks, which on
        // arrays made this scan a sixth of the markdown stage.
        body.withUnsafeBufferPointer { check($0, firstLine: firstLine) }
    }

    static func check(_ body: UnsafeBufferPointer<UInt8>, firstLine: Int) -> RenderedMarkdown.Refusal? {
        if body.count > maxBytes {
            return .init(line: firstLine, message: "the body is \(body.count) bytes long; allowed are at most \(maxBytes) bytes (32 MiB).",
                         hint: "Split the text into several entries, or link a file in content/static/.")
        }
        var line = firstLine
        var start = 0
        var fence: (byte: UInt8, count: Int)? = nil
        var openBrackets = 0
        while start < body.count {
            var end = start
            while end < body.count, body[end] != UInt8(ascii: "\n") { end += 1 }
            let text = body[start..<end]
            if let opened = fenceMarker(text) {
                if let current = fence {
                    if opened.byte == current.byte, opened.count >= current.count, opened.closes { fence = nil }
                } else {
                    fence = (opened.byte, opened.count)
                }
            } else if fence == nil {
                if text.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
                    openBrackets = 0
                } else {
                    if nesting(text) > maxNesting {
                        return .init(line: line, message: "block quotes and lists are nested deeper than \(maxNesting) levels on one line.",
                                     hint: "At most \(maxNesting) levels of > and list markers are allowed.")
                    }
                    var cells = 0
                    var previous: UInt8 = 0
                    for byte in text {
                        if previous != UInt8(ascii: "\\") {
                            switch byte {
                            case UInt8(ascii: "["):
                                openBrackets += 1
                                if openBrackets > maxOpenBrackets {
                                    return .init(line: line, message: "more than \(maxOpenBrackets) [ are open at once in one paragraph.",
                                                 hint: "Close each [ with ], or write \\[ for a bracket that opens no link.")
                                }
                            case UInt8(ascii: "]"): openBrackets = max(0, openBrackets - 1)
                            case UInt8(ascii: "|"): cells += 1
                            default: break
                            }
                        }
                        previous = previous == UInt8(ascii: "\\") ? 0 : byte
                    }
                    if cells > maxCells {
                        return .init(line: line, message: "a line has \(cells) | (table cells); allowed are at most \(maxCells).",
                                     hint: "Split the table, or put the text in a fenced code block (```).")
                    }
                }
            }
            line += 1
            start = end + 1
        }
        return nil
    }

    /// A fence line: up to three spaces, then three or more ` or ~. Only a fence with nothing
    /// after it closes one.
    private static func fenceMarker(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> (byte: UInt8, count: Int, closes: Bool)? {
        var index = text.startIndex
        var indent = 0
        while index < text.endIndex, text[index] == UInt8(ascii: " "), indent < 4 { index += 1; indent += 1 }
        guard indent < 4, index < text.endIndex, text[index] == UInt8(ascii: "`") || text[index] == UInt8(ascii: "~") else { return nil }
        let byte = text[index]
        var count = 0
        while index < text.endIndex, text[index] == byte { index += 1; count += 1 }
        guard count >= 3 else { return nil }
        let rest = text[index...]
        return (byte, count, rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") })
    }

    /// Block quote and list markers at the start of a line, one after the other. A line of only
    /// `-`, `*` or `_` and spaces is a thematic break, not lists.
    static func nesting(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        let space = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let rule = text.first { !space($0) }
        if let rule, rule == UInt8(ascii: "-") || rule == UInt8(ascii: "*") || rule == UInt8(ascii: "_"),
           text.allSatisfy({ $0 == rule || space($0) || $0 == UInt8(ascii: "\r") }) {
            return 0
        }
        var depth = 0
        var index = text.startIndex
        while true {
            while index < text.endIndex, space(text[index]) { index += 1 }
            guard index < text.endIndex else { return depth }
            let byte = text[index]
            if byte == UInt8(ascii: ">") {
                index += 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                guard index + 1 < text.endIndex, space(text[index + 1]) else { return depth }
                index += 1
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                var digits = index
                while digits < text.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[digits]), digits - index < 9 { digits += 1 }
                guard digits + 1 < text.endIndex, text[digits] == UInt8(ascii: ".") || text[digits] == UInt8(ascii: ")"),
                      space(text[digits + 1]) else { return depth }
                index = digits + 1
            } else {
                return depth
            }
            depth += 1
        }
    }
}
