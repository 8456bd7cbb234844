import Foundation
import XCTest

/// Bodies written to break the build: a NUL byte, nesting and brackets that make cmark-gfm
/// quadratic, huge bodies. Each is rendered as CommonMark says or refused, before cmark-gfm
/// sees it, with a message naming the file and line. (Figures: scripts/hostile-benchmark.sh.)
final class HostileBodyTests: XCTestCase {
    /// Front matter of `SiteFixture.practice` takes lines 1-6: the body starts at line 7.
    func build(_ body: String) throws -> (TemporaryFolder, PraxisCommand.Result) {
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(body: body)])
        return (site, try PraxisCommand.run(["build", site.url.path]))
    }

    func refused(_ body: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (site, result) = try build(body)
        XCTAssertEqual(result.status, 1, "the build fails:\n\(result.errors)", file: file, line: line)
        XCTAssertFalse(site.exists("public"), "nothing is written", file: file, line: line)
        return result.errors
    }

    func testNULIsReplacedAndTheRestIsKept() throws {
        let (site, result) = try build("vorher\u{0}nachher\n\nZweiter Absatz.\n")
        XCTAssertEqual(result.status, 0, result.errors)
        let html = try site.read("public/practices/beispiel/index.html")
        XCTAssertTrue(html.contains("vorher\u{FFFD}nachher"), "NUL becomes U+FFFD, as CommonMark says")
        XCTAssertTrue(html.contains("<p>Zweiter Absatz.</p>"), "nothing after the NUL is lost")
    }

    func testDeeplyNestedQuotesAndListsAreRefusedWithTheirLine() throws {
        let quotes = try refused("Text.\n\n" + String(repeating: ">", count: 40) + " tief\n")
        XCTAssertTrue(quotes.contains("error: content/practices/beispiel.md:9: block quotes and lists are nested deeper than 32 levels on one line."),
                      quotes)
        XCTAssertTrue(quotes.contains("At most 32 levels"), quotes)
        let lists = try refused(String(repeating: "- ", count: 20) + String(repeating: "1. ", count: 20) + "tief\n")
        XCTAssertTrue(lists.contains("error: content/practices/beispiel.md:7: block quotes and lists are nested deeper than 32 levels"), lists)
    }

    func testThirtyTwoLevelsAndLongRulesStillBuild() throws {
        let body = String(repeating: "> ", count: 32) + "tief genug\n\n" + String(repeating: "- ", count: 60) + "\n\n```\n"
            + String(repeating: "[", count: 100) + String(repeating: "|", count: 300) + "\n```\n"
        let (site, result) = try build(body)
        XCTAssertEqual(result.status, 0, result.errors)
        let html = try site.read("public/practices/beispiel/index.html")
        XCTAssertEqual(html.components(separatedBy: "<blockquote>").count - 1, 32)
        XCTAssertTrue(html.contains("<hr />"), "a line of 60 dashes is a thematic break, not 60 lists")
        XCTAssertTrue(html.contains(String(repeating: "[", count: 100)), "a fenced code block is not scanned for brackets")
    }

    func testUnclosedBracketsAreRefused() throws {
        let errors = try refused("Text.\n\n" + String(repeating: "![[]()", count: 2000) + "\n")
        XCTAssertTrue(errors.contains("error: content/practices/beispiel.md:9: more than 32 [ are open at once in one paragraph."), errors)
        XCTAssertTrue(errors.contains("write \\[ for a bracket"), errors)
    }

    func testTableRowsWithTooManyCellsAreRefused() throws {
        let errors = try refused("|" + String(repeating: "a|", count: 200) + "\n|" + String(repeating: "-|", count: 200) + "\n")
        XCTAssertTrue(errors.contains("error: content/practices/beispiel.md:7: a line has 201 | (table cells); allowed are at most 128."), errors)
    }

    func testAnOversizedBodyIsRefused() throws {
        let paragraph = String(repeating: "Ein ganz gewöhnlicher Satz mit Wörtern. ", count: 25) + "\n\n"
        let body = String(repeating: paragraph, count: 33 * 1024 * 1024 / paragraph.utf8.count + 1)
        let errors = try refused(body)
        XCTAssertTrue(errors.contains("error: content/practices/beispiel.md:7: the body is \(body.utf8.count) bytes long; allowed are at most 33554432 bytes (32 MiB)."),
                      String(errors.prefix(2000)))
    }
}
