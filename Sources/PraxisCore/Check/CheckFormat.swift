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
