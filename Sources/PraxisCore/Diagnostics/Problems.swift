/// Collects diagnostics while a stage runs, so every problem is reported, not only the first.
public struct Problems: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public var isEmpty: Bool { all.isEmpty }

    public mutating func add(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func add(contentsOf other: Problems) {
        all.append(contentsOf: other.all)
    }

    public mutating func add(_ file: String, line: Int?, key: String? = nil, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(file: file, line: line, key: key, message: message, hint: hint))
    }

    public mutating func keep(where wanted: (Diagnostic) -> Bool) {
        all = all.filter(wanted)
    }

    /// Ends the stage when it found anything.
    public func check(stage: String) throws {
        if !all.isEmpty { throw BuildFailure(stage: stage, diagnostics: all) }
    }
}
