import Foundation
import XCTest

/// Every mistake an editor can make ends in a message naming file:line, what was wrong and
/// what is allowed, a non-zero exit, and an untouched public/.
final class EditorErrorTests: XCTestCase {
    /// Builds a good site first, breaks it with `changes`, builds again; returns stderr.
    func failingBuild(_ changes: [String: String?], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let site = try SiteFixture.make()
        try PraxisCommand.build(site.url)
        let before = try Snapshot.files(in: site.url.appending(path: "public"))
        let broken = SiteFixture.minimal().merging(changes.compactMapValues { $0 }) { _, new in new }
        for (path, text) in changes where text == nil { try? FileManager.default.removeItem(at: site.url.appending(path: path)) }
        try site.write(broken)
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1, "the build must fail", file: file, line: line)
        XCTAssertTrue(result.errors.contains("was not changed"), result.errors, file: file, line: line)
        XCTAssertEqual(try Snapshot.files(in: site.url.appending(path: "public")), before, "public/ is exactly as before", file: file, line: line)
        return result.errors
    }

    func testInvalidYAMLNamesTheLineAndTheUsualCause() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": "---\ntitle: Arbeit: ein Beispiel\nsummary: x\nfields: [bildung-sprache]\n---\n"])
        assertContains(errors, ["content/practices/beispiel.md:2:", "not valid YAML", "in quotes"])
    }

    func testFrontMatterNeverClosed() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": "---\ntitle: Offen\nsummary: x\nfields: [bildung-sprache]\n\nText ohne Ende.\n"])
        assertContains(errors, ["content/practices/beispiel.md:1:", "never closed", "Add a line ---"])
    }

    func testMissingRequiredKeys() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": "---\nfields: [bildung-sprache]\n---\nText.\n"])
        assertContains(errors, ["content/practices/beispiel.md:1: title: is missing.", "content/practices/beispiel.md:1: summary: is missing."])
    }

    func testWrongTypeSaysWhatWasFoundAndExpected() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": SiteFixture.practice(extra: "year: zweitausend")])
        assertContains(errors, ["content/practices/beispiel.md:5: year: expected a whole number, found \"zweitausend\".", "digits"])
    }

    func testSummaryOverThreeHundredCharacters() throws {
        let long = String(repeating: "Wort ", count: 70)
        let errors = try failingBuild(["content/practices/beispiel.md": "---\ntitle: Lang\nsummary: \(long)\nfields: [bildung-sprache]\n---\n"])
        assertContains(errors, ["content/practices/beispiel.md:3: summary: has 349 characters; at most 300 are allowed."])
    }

    func testUnknownFacetValueListsTheAllowedOnes() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": "---\ntitle: T\nsummary: S\nfields:\n  - bildung-sprache\n  - bildung\n---\n"])
        assertContains(errors, ["content/practices/beispiel.md:6: fields: \"bildung\" is not a value of fields",
                                "Allowed: bildung-sprache, arbeit-ausbildung"])
    }

    func testMistypedKeySuggestsTheNearestKnownKey() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": SiteFixture.practice(extra: "partnrs: [netzwerk]")])
        assertContains(errors, ["content/practices/beispiel.md:5: partnrs: is not a known key.", "Did you mean partners?"])
    }

    func testReferencesToMissingPartnerPracticeAndSource() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": SiteFixture.practice(extra: """
            partners: [netzwrk]
            related: [gibt-es-nicht]
            sources: [quele]
            """)])
        assertContains(errors, [
            "content/practices/beispiel.md:5: partners: \"netzwrk\" is not a partner. Did you mean netzwerk?",
            "content/practices/beispiel.md:6: related: \"gibt-es-nicht\" is not a practice.",
            "content/practices/beispiel.md:7: sources: \"quele\" is not in the source register. Did you mean quelle?",
        ])
    }

    func testAllProblemsOfABuildAreReportedTogether() throws {
        let errors = try failingBuild([
            "content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [niemand]"),
            "content/partners/netzwerk.md": "---\nsummary: ohne Titel\n---\n",
            "content/practices/zweites.md": "---\ntitle: Zwei\nsummary: S\nfields: [unbekannt]\n---\n",
        ])
        assertContains(errors, ["beispiel.md:5: partners", "netzwerk.md:1: title: is missing", "zweites.md:4: fields",
                                "with 3 problems"])
    }

    func testTheSameIDTwiceInOneURLSpace() throws {
        // A page named like a facet would be published where the facet's overview is.
        let errors = try failingBuild(["content/pages/fields.md": "---\ntitle: Felder\n---\nText.\n"])
        assertContains(errors, ["content/pages/fields.md", "would be published at /fields/, which Praxis itself already uses."])
        let duplicateKey = try failingBuild(["content/practices/beispiel.md": "---\ntitle: A\ntitle: B\nsummary: S\nfields: [bildung-sprache]\n---\n"])
        assertContains(duplicateKey, ["content/practices/beispiel.md:3: title: is written twice."])
    }

    func testIDWithCharactersOutsideTheAllowedSet() throws {
        let errors = try failingBuild(["content/practices/Mülheim Bildung.md": SiteFixture.practice()])
        assertContains(errors, ["content/practices/Mülheim Bildung.md: \"Mülheim Bildung\" is not a valid id", "Rename it to \"muelheim-bildung\""])
    }

    func testInvalidUTF8NamesTheLine() throws {
        let site = try SiteFixture.make()
        try PraxisCommand.build(site.url)
        var bytes = Data("---\ntitle: Gut\nsummary: M".utf8)
        bytes.append(0xFC)  // ü in Latin-1
        bytes.append(contentsOf: Data("lheim\nfields: [bildung-sprache]\n---\n".utf8))
        try site.write("content/practices/beispiel.md", bytes)
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        assertContains(result.errors, ["content/practices/beispiel.md:3: is not valid UTF-8 text.", "UTF-8"])
    }

    func testEmptyFile() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": ""])
        assertContains(errors, ["content/practices/beispiel.md:1: the file is empty."])
    }

    func testBrokenContentLinkAndAnchor() throws {
        let errors = try failingBuild([
            "content/practices/beispiel.md": SiteFixture.practice(body: "## Start\n\n[weg](@/practices/fehlt.md)\n\n[Anker](@/practices/beispiel.md#ende)\n"),
        ])
        assertContains(errors, [
            "content/practices/beispiel.md:9: the link @/practices/fehlt.md points to a practice that does not exist.",
            "content/practices/beispiel.md:11: the link @/practices/beispiel.md#ende points to #ende, which is not a heading there.",
            "Its headings: #start.",
        ])
    }

    func testMisplacedFilesAreReportedNotSkipped() throws {
        let errors = try failingBuild([
            "content/practice/verirrt.md": SiteFixture.practice(),
            "content/practices/notizen.txt": "Notiz",
        ])
        assertContains(errors, ["content/practice: does not belong in content/. Did you mean practices/?",
                                "content/practices/notizen.txt: is not a Markdown file"])
    }

    func testBadSiteYAML() throws {
        let errors = try failingBuild(["content/site.yaml": "title: Test\nbase_url: example.org\nfacets:\n  fields:\n    label: Feld\n    values: {a: A}\n"])
        assertContains(errors, ["content/site.yaml:2: base_url: \"example.org\" is not a site address: it must start with https://, http:// or /."])
    }

    /// A facet named like a practice's own key would silently replace that key's check.
    func testAFacetCannotTakeTheNameOfAPracticeKey() throws {
        let siteYAML = SiteFixture.siteYAML + "  year:\n    label: Jahr\n    values: {alt: Alt}\n"
        let errors = try failingBuild(["content/site.yaml": siteYAML])
        let line = siteYAML.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "  year:")! + 1
        assertContains(errors, ["content/site.yaml:\(line): facets.year: \"year\" is a key every practice already has."])
    }
}

extension EditorErrorTests {
    func testEveryWrongKeyOfOneFileIsReported() throws {
        let errors = try failingBuild(["content/practices/beispiel.md": """
            ---
            title: Viele Fehler
            summary: S
            fields: bildung-sprache
            place: Wuppertal
            updated: 22.11.2026
            draft: ja
            tags: Ehrenamt, Sport
            ---
            Text.

            """])
        assertContains(errors, [
            "beispiel.md:4: fields: expected a list of texts, found \"bildung-sprache\".",
            "beispiel.md:5: place: expected a map of keys, found \"Wuppertal\".",
            "beispiel.md:6: updated: \"22.11.2026\" is not a date. Write it as YYYY-MM-DD",
            "beispiel.md:7: draft: expected true or false, found \"ja\".",
            "beispiel.md:8: tags: expected a list of texts",
            "with 5 problems",
        ])
    }

    func testAWorkshopDayWithAProblemIsReportedOnce() throws {
        let workshop = [
            "content/workshops/kurs/index.md": "---\ntitle: Kurs\nsummary: S\ndays: 2\n---\nZu [Tag 2](@/workshops/kurs/day-2.md).\n",
            "content/workshops/kurs/day-1.md": "---\ntitle: Eins\nday: 1\n---\n",
            "content/workshops/kurs/day-2.md": "---\ntitle: Zwei\nday: 3\n---\n",
        ]
        let errors = try failingBuild(workshop)
        assertContains(errors, ["content/workshops/kurs/day-2.md:3: day: says 3, but the file is day-2.md.", "with 1 problem."])
    }
}
