/// One problem found in the sources: where it is, what was wrong and what is allowed.
/// Errors are data: the build collects them all and reports them together.
public struct Diagnostic: Error, Sendable, Equatable, Comparable {
    /// Path relative to the site root, e.g. `content/practices/wuppertal.md`.
    public var file: String
    /// 1-based line in `file`, when the problem has one.
    public var line: Int?
    /// The front-matter key the problem is about, e.g. `fields` or `place.country`.
    public var key: String?
    /// What was wrong, in one sentence.
    public var message: String
    /// What is allowed instead, or how to fix it.
    public var hint: String?

    public init(file: String, line: Int? = nil, key: String? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        self.hint = hint
    }

    /// `file:line: key: message (hint)`, the form editors and CI logs read; control characters
    /// from content written visibly (`ControlCharacters`), so the line is always one line.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        text += message
        if let hint { text += " \(hint)" }
        return ControlCharacters.escape(text)
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.key ?? "", lhs.message) < (rhs.file, rhs.line ?? 0, rhs.key ?? "", rhs.message)
    }
}

/// A build that found problems. Carries all of them, sorted by file and line.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// The stage that stopped the build, e.g. "load" or "resolve".
    public var stage: String

    public init(stage: String, diagnostics: [Diagnostic]) {
        self.stage = stage
        self.diagnostics = diagnostics.sorted()
    }
}
