/// One problem `praxis check` found: a build diagnostic or a broken link, with how serious it is.
public struct CheckProblem: Sendable, Equatable, Comparable, Codable {
    public enum Severity: String, Sendable, Codable {
        /// Fails the check: the site would be built wrong or not at all.
        case error
        /// Shown, but the check still passes: something Praxis cannot verify.
        case warning
    }

    /// Path relative to the site root, e.g. `content/practices/x.md`, or a theme template.
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String
    public var hint: String?
    public var severity: Severity

    public init(file: String, line: Int? = nil, key: String? = nil, message: String, hint: String? = nil,
                severity: Severity = .error) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// A problem of the build, as `praxis build` would have printed it.
    public init(_ diagnostic: Diagnostic) {
        self.init(file: diagnostic.file, line: diagnostic.line, key: diagnostic.key, message: diagnostic.message,
                  hint: diagnostic.hint)
    }

    /// The same line `praxis build` prints: `file:line: key: message hint`.
    public var description: String {
        Diagnostic(file: file, line: line, key: key, message: message, hint: hint).description
    }

    public static func < (lhs: CheckProblem, rhs: CheckProblem) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.key ?? "", lhs.message) < (rhs.file, rhs.line ?? 0, rhs.key ?? "", rhs.message)
    }
}
