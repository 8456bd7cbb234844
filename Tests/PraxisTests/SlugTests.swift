import Foundation
import XCTest
@testable import PraxisCore

/// Tags and headings in every script get an address; tags whose addresses collide are an
/// error naming both files, never merged in silence.
final class SlugTests: XCTestCase {
    func tagPages(in site: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.url.appending(path: "public/tags").path).filter { $0 != "index.html" }.sorted()
    }

    func testTagsInEveryScriptGetAPageAndALink() throws {
        let tags = ["Интеграция", "Ελληνικά", "اندماج", "中文课程", "Kurs 中文", "København"]
        let site = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [netzwerk]\nsources: [quelle]\ntags: [\(tags.joined(separator: ", "))]"),
            // The same Cyrillic tag in small letters: one tag, as for Latin spellings.
            "content/practices/zwei.md": SiteFixture.practice(title: "Zwei", extra: "tags: [интеграция]"),
        ])
        try PraxisCommand.build(site.url)
        let pages = try tagPages(in: site)
        XCTAssertEqual(pages.count, tags.count, "one page per tag: \(pages)")
        let pattern = try NSRegularExpression(pattern: "^([a-z0-9]+-)*t-[0-9a-f]{12}$|^[a-z0-9]+(-[a-z0-9]+)*$")
        for slug in pages {
            XCTAssertNotNil(pattern.firstMatch(in: slug, range: NSRange(slug.startIndex..., in: slug)), "slug \(slug)")
        }
        XCTAssertTrue(pages.contains("kobenhavn"), "Latin letters fold: \(pages)")
        XCTAssertTrue(pages.contains { $0.hasPrefix("kurs-t-") }, "the Latin part stays readable: \(pages)")
        let practice = try site.read("public/practices/beispiel/index.html")
        for tag in tags {
            let slug = pages.first { (try? site.read("public/tags/\($0)/index.html").contains(tag)) == true }
            XCTAssertNotNil(slug, "a page shows \(tag)")
            if let slug { XCTAssertTrue(practice.contains("/tags/\(slug)/"), "the practice links to the page of \(tag)") }
        }
        let cyrillic = try XCTUnwrap(pages.first { (try? site.read("public/tags/\($0)/index.html").contains("Интеграция")) == true })
        let both = try site.read("public/tags/\(cyrillic)/index.html")
        XCTAssertTrue(both.contains("/practices/beispiel/") && both.contains("/practices/zwei/"), "both spellings on one page")

        // The same sources give the same addresses.
        let again = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [netzwerk]\nsources: [quelle]\ntags: [\(tags.joined(separator: ", "))]"),
            "content/practices/zwei.md": SiteFixture.practice(title: "Zwei", extra: "tags: [интеграция]"),
        ])
        try PraxisCommand.build(again.url)
        XCTAssertEqual(try tagPages(in: again), pages)
    }

    func testHeadingsInOtherScriptsGetUsableIDs() throws {
        let site = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [netzwerk]\nsources: [quelle]",
                                                                  body: "## 中文标题\n\nText.\n\n## Ελληνικά\n\nText.\n"),
        ])
        try PraxisCommand.build(site.url)
        let page = try site.read("public/practices/beispiel/index.html")
        let ids = try NSRegularExpression(pattern: "<h2 id=\"(t-[0-9a-f]{12})\"")
            .matches(in: page, range: NSRange(page.startIndex..., in: page))
            .map { String(page[Range($0.range(at: 1), in: page)!]) }
        XCTAssertEqual(ids.count, 2, "both headings have an id: \(ids)")
        XCTAssertEqual(Set(ids).count, 2, "and different ones")
    }

    func testTagsWhoseAddressesCollideAreAnErrorNamingBothFiles() throws {
        let site = try SiteFixture.make()
        try PraxisCommand.build(site.url)
        let before = try Snapshot.files(in: site.url.appending(path: "public"))
        try site.write([
            "content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [netzwerk]\nsources: [quelle]\ntags: [Sprach-Kurs, Müller]"),
            "content/practices/zwei.md": SiteFixture.practice(title: "Zwei", extra: "tags:\n  - sprach-kurs\n  - Sprach Kurs\n  - Mueller"),
        ])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        for expected in [
            "content/practices/zwei.md:7: tags: the tag \"Sprach Kurs\" and the tag \"Sprach-Kurs\" (content/practices/beispiel.md:7) have the same address /tags/sprach-kurs/",
            "content/practices/zwei.md:8: tags: the tag \"Mueller\" and the tag \"Müller\" (content/practices/beispiel.md:7) have the same address /tags/mueller/",
            "Write the tag the same way in both files",
        ] {
            XCTAssertTrue(result.errors.contains(expected), "expected «\(expected)» in:\n\(result.errors)")
        }
        XCTAssertFalse(result.errors.contains("\"sprach-kurs\""), "a spelling that differs only in case is the same tag:\n\(result.errors)")
        XCTAssertEqual(try Snapshot.files(in: site.url.appending(path: "public")), before)
    }

    /// The fuzz targets' invariants (they trap when one fails) on the hostile inputs above.
    func testFuzzTargetsHoldOnHostileSeeds() {
        let seeds = ["", "---\n---\n", "---\rtitle: a\r---\r", "---\ntitle: *a\n---\n", "---\na: &a [1]\nb: *a\n---\n",
                     "---\ntags: [\u{0}]\n---\n", "---\nyear: 1e19\nprice: {amount: .nan}\n---\n", "title: x\npage_size: 99999999999999999999\n",
                     "Интеграция", "Kurs 中文", "++", " \t", "Ǆemal", "İstanbul", "Straße", "uee ae oe", "\u{FFFE}\u{301}a"]
        for seed in seeds {
            FrontMatterFuzzing.run(Data(seed.utf8))
            SlugFuzzing.run(Data(seed.utf8))
            SearchTextFuzzing.run(Data(seed.utf8))
        }
        XCTAssertEqual(Slug.make("Sprach Kurs"), Slug.make("Sprach-Kurs"))
        XCTAssertEqual(Slug.make("Интеграция"), Slug.make("ИНТЕГРАЦИЯ"))
        XCTAssertNotEqual(Slug.make("Интеграция"), Slug.make("Интеграции"))
    }
}
