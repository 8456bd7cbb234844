/// What `praxis check` found, for the command line to print in the format asked for.
public struct CheckResult: Sendable {
    /// Every problem, sorted by file and line.
    public var problems: [CheckProblem]
    /// The build stage that stopped the check, when the site could not be built; then no link
    /// was checked, since there is no output to check.
    public var failedStage: String?
    /// HTML pages whose links were followed.
    public var pages: Int
    /// Internal links and anchors followed (href, src, srcset, poster, action).
    public var links: Int

    public var errors: Int { problems.count { $0.severity == .error } }
    public var warnings: Int { problems.count { $0.severity == .warning } }
    /// True when the site builds and every internal link and anchor resolves.
    public var passed: Bool { errors == 0 }

    /// One line for people: what was checked and how it went.
    public var summary: String {
        let found = "\(errors) error\(errors == 1 ? "" : "s")"
            + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
        if let failedStage {
            return "Check failed: the build stopped in stage \"\(failedStage)\" with \(found); links were not checked. Nothing was written."
        }
        let checked = "Checked \(links) internal link\(links == 1 ? "" : "s") on \(pages) page\(pages == 1 ? "" : "s")"
        return passed ? "\(checked): \(warnings == 0 ? "all is well" : found). Nothing was written."
            : "\(checked): \(found). Nothing was written."
    }
}
