import Foundation
import XCTest

/// A value quoted in a message can hold escape sequences, newlines and bidi overrides; printed
/// raw they would rewrite the terminal or forge an `error:` line. Every output writes them
/// visibly: `praxis build`'s errors and the three formats of `praxis check`.
final class DiagnosticOutputTests: XCTestCase {
    /// A link whose destination holds ESC [2J (clear screen), a newline with a forged error
    /// line, and U+202E (right-to-left override), written as entities; the body's line 9.
    static let hostile = SiteFixture.practice(body: "Text.\n\n[x](@/practices/&#27;[2J&#10;error:&#32;gefälscht&#x202E;.md)\n")
    static let visible = #"the link @/practices/\e[2J\nerror: gefälscht\u{202E}.md points to a practice that does not exist."#

    /// Keep the folder in a variable while the command runs: it is deleted when released.
    func hostileSite() throws -> TemporaryFolder {
        try SiteFixture.make(["content/practices/beispiel.md": Self.hostile])
    }

    func assertNoControlCharacters(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
        XCTAssertTrue(raw.isEmpty, "raw control characters \(raw.map { String($0.value, radix: 16) }) in:\n\(text)", file: file, line: line)
        XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("error: gefälscht") }, "no forged line", file: file, line: line)
    }

    func testBuildErrors() throws {
        let site = try hostileSite()
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("error: content/practices/beispiel.md:9: " + Self.visible), result.errors)
        assertNoControlCharacters(result.errors)
    }

    func testCheckAsText() throws {
        let site = try hostileSite()
        let result = try PraxisCommand.run(["check", site.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("error: content/practices/beispiel.md:9: " + Self.visible), result.output)
        assertNoControlCharacters(result.output)
        XCTAssertEqual(result.output.split(separator: "\n").count, 2, "one line for the problem, one summary:\n\(result.output)")
    }

    func testCheckAsGitHubAnnotations() throws {
        let site = try hostileSite()
        let result = try PraxisCommand.run(["check", site.url.path, "--format", "github"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("::error file=content/practices/beispiel.md,line=9,title=praxis check::" + Self.visible),
                      result.output)
        assertNoControlCharacters(result.output)
        XCTAssertEqual(result.output.split(separator: "\n").count, 2, result.output)
    }

    func testCheckAsJSON() throws {
        let site = try hostileSite()
        let result = try PraxisCommand.run(["check", site.url.path, "--format", "json"])
        XCTAssertEqual(result.status, 1)
        assertNoControlCharacters(result.output)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let problems = try XCTUnwrap(document["problems"] as? [[String: Any]])
        XCTAssertEqual(problems.count, 1)
        let message = try XCTUnwrap(problems.first?["message"] as? String)
        XCTAssertEqual(message, Self.visible, "the decoded message holds no control character either")
        XCTAssertEqual(problems.first?["line"] as? Int, 9)
    }
}
