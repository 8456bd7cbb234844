import Foundation

/// How `praxis check` prints what it found: for people, for GitHub Actions, or for programs.
public enum CheckFormat: String, Sendable, CaseIterable {
    /// `error: FILE:LINE: KEY: message hint`, as `praxis build` prints, then a summary line.
    case text
    /// Workflow commands (`::error file=...,line=...::...`): GitHub shows each problem on its
    /// line in a pull request. A summary line follows, for the log.
    case github
    /// One JSON object: `{"passed", "summary", "failedStage"?, "pages", "links", "problems": [...]}`.
    case json

    /// `pathPrefix`: for `github`, the site root's path from the repository's top folder.
    public func render(_ result: CheckResult, pathPrefix: String = "") -> String {
        switch self {
        case .text:
            var out = result.problems.map { "\($0.severity.rawValue): \($0.description)\n" }.joined()
            out += result.summary + "\n"
            return out
        case .github:
            var out = result.problems.map { GitHubAnnotation.line($0, prefix: pathPrefix) }.joined()
            out += result.summary + "\n"
            return out
        case .json:
            return CheckJSON.render(result)
        }
    }
}

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
            properties.append("file=" + escapeProperty(prefix + problem.file))
            if let line = problem.line { properties.append("line=\(line)") }
        }
        properties.append("title=" + escapeProperty("praxis check" + (problem.key.map { ": \($0)" } ?? "")))
        return "::\(problem.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// The JSON of `--format json`: sorted keys, so the same problems give the same bytes.
enum CheckJSON {
    private struct Document: Encodable {
        var passed: Bool
        var summary: String
        var failedStage: String?
        var pages: Int
        var links: Int
        var errors: Int
        var warnings: Int
        var problems: [CheckProblem]
    }

    static func render(_ result: CheckResult) -> String {
        let document = Document(passed: result.passed, summary: result.summary, failedStage: result.failedStage,
                                pages: result.pages, links: result.links, errors: result.errors,
                                warnings: result.warnings, problems: result.problems)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
