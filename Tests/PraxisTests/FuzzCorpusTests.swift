import Foundation
import XCTest
@testable import PraxisCore

/// Every input of the committed fuzz corpus (`Fuzz/corpus/<target>/`), the seeds and what the
/// fuzzers once found, run through its target on every `swift test`: a fixed finding stays fixed
/// without libFuzzer. A broken invariant stops the process, which fails the suite.
final class FuzzCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../Fuzz/corpus").standardizedFileURL

    func testEveryCommittedFuzzInputHolds() throws {
        let targets: [String: (Data) -> Void] = [
            "front-matter": FrontMatterFuzzing.run, "links": LinkFuzzing.run,
            "slug": SlugFuzzing.run, "search-text": SearchTextFuzzing.run,
        ]
        for (name, run) in targets.sorted(by: { $0.key < $1.key }) {
            let folder = Self.corpus.appending(path: name)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            XCTAssertFalse(files.isEmpty, "the corpus of \(name) has inputs")
            for file in files { run(try Data(contentsOf: folder.appending(path: file))) }
        }
    }

    /// The fuzzer's Arabic finding, end to end: a word whose letter NFD splits into a letter and a
    /// mark (ئ) is one word in the index, as the search page's query of it is one word.
    func testAWordWithAMarkIsOneSearchWord() throws {
        let site = try SiteFixture.make(["content/practices/arabisch.md": SiteFixture.practice(title: "لاجئون ومهاجرون")])
        try PraxisCommand.build(site.url)
        let index = try SearchFiles(site: site.url.appending(path: "public"))
        let words = SearchText.words("لاجئون")
        XCTAssertEqual(words.count, 1, "one word: \(words)")
        for word in words {
            XCTAssertNotNil(index.postings[word], "the index holds \(word.unicodeScalars.map { String($0.value, radix: 16) })")
            // The indexed word is decomposed (ي and the hamza mark apart), as praxis.js decomposes
            // the query: read again it must stay the same one word, or no query could reach it.
            XCTAssertEqual(SearchText.words(word), [word])
        }
    }
}
