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
        var lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(Diagnostic(
                file: source.path, line: 1, message: "does not start with front matter.",
                hint: "The first line must be --- followed by keys such as title: and summary:, closed by another line ---."))
        }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            return .failure(Diagnostic(
                file: source.path, line: 1, message: "the front matter opened on line 1 is never closed.",
                hint: "Add a line --- after the last key, before the text."))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        switch YAMLNode.parseMapping(yaml, file: source.path, lineOffset: yamlLineOffset) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let mapping):
            return .success(FrontMatter(file: source.path, mapping: mapping, body: body, bodyLine: closing + 2))
        }
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
