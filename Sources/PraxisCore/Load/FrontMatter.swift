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

    /// Front matter lines start on file line 2 (line 1 is `---`).
    static let yamlLineOffset = 1

    static func split(_ source: SourceFile) -> Result<FrontMatter, Diagnostic> {
        // Walk the lines only as far as the closing `---`; the body is taken whole after it.
        let text = source.text
        var lineStart = text.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces()
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if lineNumber == 1 {
                guard line == "---" else {
                    return .failure(Diagnostic(
                        file: source.path, line: 1, message: "does not start with front matter.",
                        hint: "The first line must be --- followed by keys such as title: and summary:, closed by another line ---."))
                }
                yamlStart = next
            } else if line == "---" || line == "...", let yamlStart {
                let yaml = String(text[yamlStart..<lineStart])
                let body = String(text[next...])
                switch YAMLNode.parseMapping(yaml, file: source.path, lineOffset: yamlLineOffset) {
                case .failure(let problem):
                    return .failure(problem)
                case .success(let mapping):
                    return .success(FrontMatter(file: source.path, mapping: mapping, body: body, bodyLine: lineNumber + 1))
                }
            }
            lineStart = next
            lineNumber += 1
        }
        if yamlStart == nil {
            return .failure(Diagnostic(
                file: source.path, line: 1, message: "does not start with front matter.",
                hint: "The first line must be --- followed by keys such as title: and summary:, closed by another line ---."))
        }
        return .failure(Diagnostic(
            file: source.path, line: 1, message: "the front matter opened on line 1 is never closed.",
            hint: "Add a line --- after the last key, before the text."))
    }
}

private extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
