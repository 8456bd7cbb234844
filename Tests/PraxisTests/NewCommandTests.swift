import Foundation
import XCTest

/// `praxis new`: a file with every key of its kind, explained, that builds at once; and the ids
/// it refuses.
final class NewCommandTests: XCTestCase {
    func new(_ arguments: [String], in site: TemporaryFolder) throws -> PraxisCommand.Result {
        try PraxisCommand.run(["new"] + arguments + ["--site-root", site.url.path])
    }

    /// The top-level keys of a front matter, in order: written ones, not commented-out examples.
    func keys(_ text: String) -> [String] {
        let front = text.components(separatedBy: "\n---\n")[0]
        return front.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { return nil }
            return String(line[..<colon])
        }
    }

    func testANewPracticeIsADraftThatBuildsAndShowsWithDrafts() throws {
        let site = try SiteFixture.make()
        let created = try new(["practice", "koeln-sprachcafe"], in: site)
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.output.hasPrefix("Created content/practices/koeln-sprachcafe.md."), created.output)
        let text = try site.read("content/practices/koeln-sprachcafe.md")
        XCTAssertEqual(keys(text), ["title", "summary", "fields", "target_groups", "place", "partners", "tags", "year", "updated",
                                    "related", "contact", "media", "sources", "lang", "translations", "draft"],
                       "every key of a practice, the site's facets in site.yaml order")
        XCTAssertTrue(text.contains("\ndraft: true\n"))
        XCTAssertTrue(text.contains("\nfields: [bildung-sprache]\n"), "the required field is filled with an allowed value")
        XCTAssertTrue(text.contains("# Handlungsfeld (Pflicht"), "the comment names the facet by its label")
        XCTAssertTrue(text.contains("bildung-sprache (Bildung und Sprache), arbeit-ausbildung (Arbeit und Ausbildung)"), "allowed values with labels")
        XCTAssertTrue(text.contains("gefluechtete (Geflüchtete), unternehmen (Unternehmen)"), "every facet's vocabulary")
        XCTAssertTrue(text.contains("Vorhanden: netzwerk."), "the known partners are named")
        XCTAssertTrue(text.contains("Vorhanden: quelle."), "the known sources are named")
        XCTAssertNotNil(text.range(of: #"\nupdated: \d{4}-\d{2}-\d{2}\n"#, options: .regularExpression), "updated is today")

        try PraxisCommand.build(site.url)
        XCTAssertFalse(site.exists("public/practices/koeln-sprachcafe/index.html"), "a draft is not published")
        try PraxisCommand.build(site.url, extra: ["--drafts"])
        let page = try site.read("public/practices/koeln-sprachcafe/index.html")
        XCTAssertTrue(page.contains("Koeln sprachcafe"), "the placeholder title is shown")
        XCTAssertTrue(page.contains("BITTE ERSETZEN"), "the placeholder text is easy to spot")
        XCTAssertEqual(try PraxisCommand.run(["check", site.url.path, "--drafts"]).status, 0)
    }

    func testEveryKindBuildsRightAway() throws {
        let site = try SiteFixture.make()
        for (kind, id) in [("partner", "neue-stiftung"), ("workshop", "kurs"), ("day", "kurs/day-1"), ("page", "datenschutz")] {
            let result = try new([kind, id, "--title", "Titel: \"\(kind)\""], in: site)
            XCTAssertEqual(result.status, 0, "\(kind): \(result.errors)")
        }
        XCTAssertEqual(keys(try site.read("content/partners/neue-stiftung.md")), ["title", "short", "country", "url", "kind", "summary", "lang"])
        XCTAssertEqual(keys(try site.read("content/workshops/kurs/index.md")),
                       ["title", "summary", "days", "audience", "max_participants", "price", "partners", "sources", "media", "lang"])
        XCTAssertEqual(keys(try site.read("content/workshops/kurs/day-1.md")),
                       ["title", "day", "motto", "summary", "sessions", "practices", "materials", "lang"])
        XCTAssertEqual(keys(try site.read("content/pages/datenschutz.md")), ["title", "summary", "lang"])
        XCTAssertTrue(try site.read("content/workshops/kurs/day-1.md").contains("\nday: 1\n"))

        try PraxisCommand.build(site.url)
        XCTAssertTrue(try site.read("public/partners/neue-stiftung/index.html").contains("Titel: &quot;partner&quot;"),
                      "--title is written as it is, quotes and colon included")
        XCTAssertTrue(site.exists("public/workshops/kurs/day-1/index.html"))
        XCTAssertTrue(site.exists("public/datenschutz/index.html"))
        XCTAssertEqual(try PraxisCommand.run(["check", site.url.path]).status, 0)
    }

    func testANewDayCountsTheWorkshopsDaysUp() throws {
        let site = try SiteFixture.make([
            "content/workshops/kurs/index.md": "---\ntitle: Kurs\nsummary: Ein Kurs.\ndays: 1   # zwei geplant\n---\n",
            "content/workshops/kurs/day-1.md": "---\ntitle: Erster Tag\nday: 1\n---\nText.\n",
        ])
        let result = try new(["day", "kurs/day-2"], in: site)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(result.output.contains("Changed days: 1 to days: 2 in content/workshops/kurs/index.md."), result.output)
        XCTAssertEqual(try site.read("content/workshops/kurs/index.md"), "---\ntitle: Kurs\nsummary: Ein Kurs.\ndays: 2 # zwei geplant\n---\n")
        XCTAssertTrue(try site.read("content/workshops/kurs/day-2.md").contains("des Workshops „Kurs“"), "the day names its workshop")
        try PraxisCommand.build(site.url)
        XCTAssertTrue(site.exists("public/workshops/kurs/day-2/index.html"))
    }

    func testRefusalsSayWhatToWriteAndWriteNothing() throws {
        let existing = SiteFixture.practice(title: "Schon da")
        let site = try SiteFixture.make(["content/practices/beispiel.md": existing,
                                         "content/workshops/kurs/index.md": "---\ntitle: Kurs\nsummary: Ein Kurs.\n---\n"])
        let cases: [([String], String)] = [
            (["practice", "beispiel"], "error: content/practices/beispiel.md: already exists; praxis new never overwrites a file."),
            (["practice", "Köln Süd"], "\"Köln Süd\" is not a valid id: ids may only use a-z, 0-9 and -"),
            (["partner", "../netzwerk"], "is not a valid id"),
            (["practice", "page"], "\"page\" cannot be a practice id"),
            (["page", "fields"], "\"fields\" cannot be a page id: Praxis builds /fields/ itself."),
            (["page", "search"], "\"search\" cannot be a page id"),
            (["day", "kurs/2"], "Write WORKSHOP-ID/day-N, e.g. praxis new day kurs/day-2"),
            (["day", "kurz/day-1"], "there is no workshop \"kurz\" (content/workshops/kurz/index.md). Did you mean kurs/day-1?"),
        ]
        for (arguments, expected) in cases {
            let result = try new(arguments, in: site)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.errors.contains(expected), "\(arguments): expected «\(expected)» in:\n\(result.errors)")
            XCTAssertTrue(result.errors.hasSuffix("Nothing was written.\n"), result.errors)
        }
        XCTAssertTrue(try new(["practice", "Köln Süd"], in: site).errors.contains("Use \"koeln-sued\" instead."))
        XCTAssertEqual(try site.read("content/practices/beispiel.md"), existing, "the existing file is unchanged")
        XCTAssertEqual(SourceNames.all(in: site.url).sorted(), [
            "content/partners/netzwerk.md", "content/practices/beispiel.md", "content/site.yaml",
            "content/workshops/kurs/index.md", "seeds/quelle.md",
        ], "no file was added")
    }

    /// The new files leave optional keys empty; YAML's empty value (`key:`, `~`, `null`) means
    /// "not given", while a quoted "" is a text and checked as one.
    func testEmptyValuesAreLeftOutButAnEmptyTextIsChecked() throws {
        let empty = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(extra: "year:\nlang: ~\nmedia: null\nupdated:")])
        try PraxisCommand.build(empty.url)
        let quoted = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(extra: "lang: \"\"")])
        let result = try PraxisCommand.run(["build", quoted.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("content/practices/beispiel.md:5: lang: \"\" is not a language code."), result.errors)
    }

    func testOutsideASiteRootNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let result = try PraxisCommand.run(["new", "practice", "x", "--site-root", folder.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("error: content: is missing: \(folder.url.path) is not a site root."), result.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url.path), [])
    }
}

/// Every file below a folder, as relative paths.
enum SourceNames {
    static func all(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appending(path: $0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
