import Yams

/// A source file split into its YAML front matter (composed, with line marks) and its Markdown body.
struct FrontMatter {
    let file: String
    /// The front matter as a mapping; empty when the file has `---` `---` and nothing between.
    let mapping: Node.Mapping
    /// Markdown after the closing `---`.
    let body: String
    /// File line of the body's first line, to turn cmark's lines into file lines.
    let bodyLine: Int

    /// Where each top-level key's value is in `mapping`: a practice reads twenty keys or more,
    /// and each lookup in the map itself goes through its keys one by one from the end.
    private let positions: [String: Int]

    /// Front matter lines start on file line 2 (line 1 is `---`).
    static let yamlLineOffset = 1

    init(file: String, mapping: Node.Mapping, body: String, bodyLine: Int) {
        self.file = file
        self.mapping = mapping
        self.body = body
        self.bodyLine = bodyLine
        positions = mapping.positions()
    }

    /// The value of the top-level `key`, the one `mapping[key]` gives.
    func value(forKey key: String) -> Node? {
        positions[key].map { mapping[$0].value }
    }

    static func split(_ source: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        switch sections(text) {
        case .notOpened:
            return .failure(Diagnostic(
                file: source.path, line: 1, message: "does not start with front matter.",
                hint: "The first line must be --- followed by keys such as title: and summary:, closed by another line ---."))
        case .notClosed:
            return .failure(Diagnostic(
                file: source.path, line: 1, message: "the front matter opened on line 1 is never closed.",
                hint: "Add a line --- after the last key, before the text."))
        case .split(let yaml, let body, let bodyLine):
            switch YAMLNode.parseMapping(String(text[yaml]), file: source.path, lineOffset: yamlLineOffset) {
            case .failure(let problem):
                return .failure(problem)
            case .success(let mapping):
                return .success(FrontMatter(file: source.path, mapping: mapping, body: String(text[body]), bodyLine: bodyLine))
            }
        }
    }

    /// The body of `text` and the file line of its first line, without composing the front
    /// matter (`praxis check`, to find a link's line); nil when the front matter is not closed.
    static func body(of text: String) -> (body: Substring, line: Int)? {
        guard case .split(_, let body, let line) = sections(text) else { return nil }
        return (text[body], line)
    }

    private enum Sections {
        case notOpened, notClosed
        case split(yaml: Range<String.Index>, body: Range<String.Index>, bodyLine: Int)
    }

    private static func sections(_ text: String) -> Sections {
        // Walk the lines only as far as the closing `---`; the body is taken whole after it.
        // Over the UTF-8 bytes: a line break is always its own character (SourceFile made every
        // one LF), and `---` and the spaces and tabs trimmed after it are ASCII, so comparing
        // bytes is comparing characters, without Character's grapheme breaking.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let marker = Self.marker(utf8[lineStart..<lineEnd])
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if lineNumber == 1 {
                guard marker == .dashes else { return .notOpened }
                yamlStart = next
            } else if marker != nil, let yamlStart {
                return .split(yaml: yamlStart..<lineStart, body: next..<text.endIndex, bodyLine: lineNumber + 1)
            }
            lineStart = next
            lineNumber += 1
        }
        return yamlStart == nil ? .notOpened : .notClosed
    }

    private enum Marker { case dashes, dots }

    /// `---` or `...`, after trailing spaces and tabs are dropped; nil for any other line.
    private static func marker(_ line: Substring.UTF8View) -> Marker? {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == UInt8(ascii: " ") || line[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        let trimmed = line[line.startIndex..<end]
        guard trimmed.count == 3, let first = trimmed.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "."),
              trimmed.allSatisfy({ $0 == first }) else { return nil }
        return first == UInt8(ascii: "-") ? .dashes : .dots
    }
}
