import Foundation

/// GitHub Actions workflow commands; see "Workflow commands for GitHub Actions" in GitHub's
/// documentation for the escaping: data escapes `%`, CR and LF; property values also `:` and `,`.
enum GitHubAnnotation {
    /// `prefix` is the site root's path from the repository's top folder (`""` or `site/`):
    /// GitHub places annotations by paths from there.
    static func line(_ problem: CheckProblem, prefix: String) -> String {
        var properties: [String] = []
        var message = (problem.key.map { "\($0): " } ?? "") + problem.message + (problem.hint.map { " " + $0 } ?? "")
        // A file outside the repository (the built-in theme) cannot place an annotation: it is named in the text.
        if problem.file.hasPrefix("/") || problem.file.hasPrefix("built-in ") {
            message = problem.file + (problem.line.map { ":\($0)" } ?? "") + ": " + message
        } else {
            properties.append("file=" + escapeProperty(ControlCharacters.escape(prefix + problem.file)))
            if let line = problem.line { properties.append("line=\(line)") }
        }
        properties.append("title=" + escapeProperty(ControlCharacters.escape("praxis check" + (problem.key.map { ": \($0)" } ?? ""))))
        // Control characters first (visibly, like the text format), then GitHub's own escaping.
        return "::\(problem.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(ControlCharacters.escape(message)))\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
