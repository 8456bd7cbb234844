import Foundation
import Yams

/// Fuzz target: arbitrary bytes read, split and decoded as a practice file and as site.yaml.
/// It must never crash or hang, and every problem must name a line within the file.
enum FrontMatterFuzzing {
    static func run(_ data: Data) {
        let bytes = [UInt8](data)
        let lineCount = SourceFile.normalizingLineEndings(bytes).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        func check(_ problem: Diagnostic) {
            if let line = problem.line { precondition((1...lineCount).contains(line), "line \(line) of \(lineCount): \(problem)") }
        }
        let site = SiteConfig(title: "T", description: nil, baseURL: "/", language: "de", languages: ["de"], theme: "default",
                              pageSize: 20, facets: [FacetVocabulary(name: "fields", label: "F", values: [.init(id: "a", label: "A")])])

        switch SourceFile.decode(bytes, path: "content/practices/fuzz.md").flatMap(FrontMatter.split) {
        case .failure(let problem):
            check(problem)
        case .success(let front):
            precondition(front.bodyLine >= 2 && front.bodyLine <= lineCount + 1)
            let lines = front.keyLines
            var problems = Problems()
            EntryParser(site: site).practiceSchema.check(front.mapping, path: "", file: front.file, lines: lines, problems: &problems)
            var reader = EntryReader(front, lines: lines)
            _ = reader.integer("year", in: Limits.year)
            _ = reader("tags", [String].self)?.map(Slug.make)
            _ = reader("price", Price.self).map { reader.number($0.amount, key: "price.amount", in: Limits.priceAmount) }
            problems.add(contentsOf: reader.problems)
            problems.all.forEach(check)
        }

        switch SourceFile.decode(bytes, path: "content/site.yaml") {
        case .failure(let problem):
            check(problem)
        case .success(let file):
            var problems = Problems()
            _ = SiteConfig.parse(file, baseURLOverride: nil, problems: &problems)
            problems.all.forEach(check)
        }
    }
}
