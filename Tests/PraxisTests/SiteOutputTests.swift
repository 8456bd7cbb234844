import Foundation
import XCTest

/// The contract's output: URLs, base_url with a sub-path, feed, sitemap, drafts, default theme.
final class SiteOutputTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/rich-site")

    func testRichFixtureHasEveryPageOfTheContractAndNoBrokenLink() throws {
        let out = try TemporaryFolder()
        let site = out.url.appending(path: "public")
        try PraxisCommand.build(Self.fixture, output: site)
        for page in ["index.html", "practices/lernpaten/index.html", "practices/job-coaching/index.html",
                     "partners/welcoming-america/index.html", "workshops/strategie/index.html",
                     "workshops/strategie/day-1/index.html", "workshops/strategie/day-2/index.html", "about/index.html",
                     "fields/index.html", "fields/bildung-sprache/index.html", "country/index.html", "country/ca/index.html",
                     "tags/index.html", "tags/mentoring/index.html", "partners/index.html", "search/index.html",
                     "sources/index.html", "sources/bericht/index.html", "search.json", "feed.xml", "sitemap.xml",
                     "robots.txt", "404.html", "bilder/karte.svg", "handouts/tag-1.pdf", "assets/praxis.css"] {
            XCTAssertTrue(out.exists("public/\(page)"), "\(page) is written")
        }
        XCTAssertFalse(out.exists("public/practices/entwurf/index.html"), "drafts are left out")
        XCTAssertEqual(try LinkChecker.brokenLinks(in: site, basePath: "/sub/pfad/"), [])
    }

    func testEveryAbsoluteURLIsUnderTheBaseURLSubPath() throws {
        let out = try TemporaryFolder()
        try PraxisCommand.build(Self.fixture, output: out.url.appending(path: "public"))
        let page = try out.read("public/practices/lernpaten/index.html")
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"https://example.org/sub/pfad/practices/lernpaten/\">"))
        let feed = try out.read("public/feed.xml")
        XCTAssertTrue(feed.contains("<link href=\"https://example.org/sub/pfad/practices/lernpaten/\"/>"))
        XCTAssertTrue(feed.contains("<updated>2025-03-01T00:00:00Z</updated>"), "feed dates come from content")
        let sitemap = try out.read("public/sitemap.xml")
        for line in sitemap.split(separator: "\n") where line.contains("<loc>") {
            XCTAssertTrue(line.contains("<loc>https://example.org/sub/pfad/"), String(line))
        }
        XCTAssertTrue(try out.read("public/robots.txt").contains("Sitemap: https://example.org/sub/pfad/sitemap.xml"))
        let notFound = try out.read("public/404.html")
        XCTAssertTrue(notFound.contains("href=\"/sub/pfad/assets/praxis.css\""), "the 404 page works at any depth")
    }

    func testBaseURLOptionAndDraftsFlag() throws {
        let out = try TemporaryFolder()
        try PraxisCommand.build(Self.fixture, output: out.url.appending(path: "public"),
                                extra: ["--base-url", "http://127.0.0.1:8000/vorschau", "--drafts"])
        XCTAssertTrue(try out.read("public/practices/lernpaten/index.html").contains("href=\"http://127.0.0.1:8000/vorschau/practices/lernpaten/\""))
        XCTAssertTrue(out.exists("public/practices/entwurf/index.html"), "--drafts publishes drafts")
    }

    func testTranslationsMediaAndWorkshopDetails() throws {
        let out = try TemporaryFolder()
        try PraxisCommand.build(Self.fixture, output: out.url.appending(path: "public"))
        let german = try out.read("public/practices/lernpaten/index.html")
        XCTAssertTrue(german.contains("hreflang=\"en\""), "a practice links its translation")
        let english = try out.read("public/practices/learning-mentors/index.html")
        XCTAssertTrue(english.contains("<html lang=\"en\">"), "an English practice is marked as English")
        XCTAssertTrue(german.contains("© Stadt Beispiel"), "media credit lines are shown")
        XCTAssertFalse(german.contains("<iframe"), "no request to a video host before a click")
        let day = try out.read("public/workshops/strategie/day-1/index.html")
        XCTAssertTrue(day.contains("(PDF, "), "materials show their file type and size")
        let workshop = try out.read("public/workshops/strategie/index.html")
        XCTAssertTrue(workshop.contains("6.000 €"))
    }

    func testASiteRootWithOnlyContentAndSeedsUsesTheBuiltInTheme() throws {
        let site = try SiteFixture.make()
        XCTAssertFalse(site.exists("themes"))
        try PraxisCommand.build(site.url)
        XCTAssertTrue(try site.read("public/index.html").contains("<link rel=\"stylesheet\" href=\"assets/praxis.css\">"))
        XCTAssertTrue(site.exists("public/assets/praxis.css"))
    }

    func testASiteThemeOverridesTheBuiltInOne() throws {
        let site = try SiteFixture.make()
        let theme = CatalogueTests.projectRoot.appending(path: "themes/default")
        try FileManager.default.copyItem(at: theme, to: site.url.appending(path: "themes/default"))
        try site.write(["themes/default/templates/home.mustache": "{{<base}}{{$main}}<h1>Eigene Startseite</h1>{{/main}}{{/base}}"])
        try PraxisCommand.build(site.url)
        XCTAssertTrue(try site.read("public/index.html").contains("Eigene Startseite"))
    }
}
