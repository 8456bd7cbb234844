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
