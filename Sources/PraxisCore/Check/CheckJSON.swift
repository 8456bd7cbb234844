import Foundation

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

    /// JSON would carry a control character as `\u001b`, which a program printing the message
    /// turns back into the raw byte; C1 controls and bidi overrides it passes raw. So the text
    /// is the same as the text format's: control characters written visibly.
    private static func visible(_ problem: CheckProblem) -> CheckProblem {
        var problem = problem
        problem.file = ControlCharacters.escape(problem.file)
        problem.key = problem.key.map(ControlCharacters.escape)
        problem.message = ControlCharacters.escape(problem.message)
        problem.hint = problem.hint.map(ControlCharacters.escape)
        return problem
    }

    static func render(_ result: CheckResult) -> String {
        let document = Document(passed: result.passed, summary: result.summary, failedStage: result.failedStage,
                                pages: result.pages, links: result.links, errors: result.errors,
                                warnings: result.warnings, problems: result.problems.map(visible))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
