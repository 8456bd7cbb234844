import Foundation
import XCTest

/// A site in two languages (`languages: [de, en]`): translations as `<id>.en.md`, the English
/// tree under /en/, versions linked in the head, the sitemap and a switcher, fallbacks hidden
/// or shown as site.yaml says, a search and a feed per language.
final class LanguageTreeTests: XCTestCase {
    static let siteYAML = SiteFixture.siteYAML.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [de, en]\n")

    /// One practice translated, one not; the partner translated; a workshop with its index translated but not its day.
    func makeSite(fallback: String? = nil, _ changes: [String: String?] = [:]) throws -> TemporaryFolder {
        var files: [String: String?] = [
            "content/site.yaml": Self.siteYAML + (fallback.map { "fallback: \($0)\n" } ?? ""),
            "content/practices/beispiel.md": SiteFixture.practice(
                title: "Lernpaten", extra: "partners: [netzwerk]\nrelated: [nur-deutsch]\nsources: [quelle]",
                body: "Siehe [das andere](@/practices/nur-deutsch.md) und [Netzwerk](@/partners/netzwerk.md).\n"),
            "content/practices/beispiel.en.md": SiteFixture.practice(
                title: "Learning mentors", extra: "partners: [netzwerk]\nrelated: [nur-deutsch]\nsources: [quelle]\nplace: {country: DE}",
                body: "See [the other one](@/practices/nur-deutsch.md) and [the network](@/partners/netzwerk.md).\n"),
            "content/practices/nur-deutsch.md": SiteFixture.practice(title: "Nur auf Deutsch"),
            "content/partners/netzwerk.en.md": SiteFixture.partner(title: "A network"),
            "content/workshops/kurs/index.md": "---\ntitle: Kurs\nsummary: Ein Kurs.\ndays: 1\n---\n",
            "content/workshops/kurs/index.en.md": "---\ntitle: Course\nsummary: A course.\ndays: 1\nprice: {amount: 1250.5, currency: EUR}\n---\n",
            "content/workshops/kurs/day-1.md": "---\ntitle: Erster Tag\nday: 1\n---\nDer Tag.\n",
        ]
        for (path, text) in changes { files[path] = text }
        return try SiteFixture.make(files)
    }

    func testATranslationIsAPageOfTheEnglishTreeLinkedToItsOriginal() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        let english = try site.read("public/en/practices/beispiel/index.html")
        let german = try site.read("public/practices/beispiel/index.html")
        XCTAssertTrue(english.contains("<html lang=\"en\">"))
        XCTAssertTrue(english.contains("<h1>Learning mentors</h1>"))
        // The interface, country names and numbers in English.
        XCTAssertTrue(english.contains(">Germany</a>"), english)
        XCTAssertTrue(try site.read("public/en/workshops/kurs/index.html").contains("1,250.50 €"))
        XCTAssertTrue(german.contains("<html lang=\"de\">"))
        for page in [english, german] {
            XCTAssertTrue(page.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/katalog/practices/beispiel/\">"))
            XCTAssertTrue(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/katalog/en/practices/beispiel/\">"))
            XCTAssertTrue(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/katalog/practices/beispiel/\">"))
        }
        XCTAssertTrue(english.contains("<link rel=\"canonical\" href=\"https://example.org/katalog/en/practices/beispiel/\">"))
        // The switcher leads to the same practice in the other language.
        XCTAssertTrue(english.contains("<a href=\"../../../practices/beispiel/\" hreflang=\"de\" lang=\"de\">"), english)
        XCTAssertTrue(german.contains("<a href=\"../../en/practices/beispiel/\" hreflang=\"en\" lang=\"en\">"), german)
        // The English tree's shared files are the site's: one stylesheet.
        XCTAssertTrue(english.contains("href=\"../../../assets/praxis.css\""))
        XCTAssertFalse(site.exists("public/en/assets"))
        XCTAssertFalse(site.exists("public/en/404.html"), "a host serves one 404 page")
    }

    func testLinksToEntriesWithoutATranslationLeadToTheDefaultLanguage() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        let english = try site.read("public/en/practices/beispiel/index.html")
        // Body links: the untranslated practice in German, the translated partner in English.
        XCTAssertTrue(english.contains("<a href=\"../../../practices/nur-deutsch/\">the other one</a>"), english)
        XCTAssertTrue(english.contains("<a href=\"../../../en/partners/netzwerk/\">the network</a>"), english)
        XCTAssertFalse(site.exists("public/en/practices/nur-deutsch/index.html"), "no page for an entry that has no translation")
        // A day without translation: its page stays German; the English workshop links it there.
        let workshop = try site.read("public/en/workshops/kurs/index.html")
        XCTAssertTrue(workshop.contains("href=\"../../../workshops/kurs/day-1/\""), workshop)
        XCTAssertFalse(site.exists("public/en/workshops/kurs/day-1/index.html"))
        // The German day has no English version: its switcher leads to the English home and says so.
        let day = try site.read("public/workshops/kurs/day-1/index.html")
        XCTAssertTrue(day.contains("<a href=\"../../../en/\" hreflang=\"en\" lang=\"en\">"), day)
        XCTAssertTrue(day.contains("<small>("), "the link says it leads to the home page")
        XCTAssertFalse(day.contains("hreflang=\"en\" href="), "no English alternate in the head")
        XCTAssertTrue(day.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/katalog/workshops/kurs/day-1/\">"), day)
        XCTAssertTrue(day.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/katalog/workshops/kurs/day-1/\">"), day)
    }

    func testABodyLinkAloneAndADayOfAnUntranslatedWorkshopLeadWhereTheyShould() throws {
        let site = try makeSite([
            "content/practices/beispiel.en.md": SiteFixture.practice(title: "Learning mentors", body: "Only here: [that one](@/practices/nur-deutsch.md).\n"),
            "content/workshops/zweiter/index.md": "---\ntitle: Zweiter Kurs\nsummary: Noch ein Kurs.\ndays: 1\n---\n",
            "content/workshops/zweiter/day-1.md": "---\ntitle: Tag eins\nday: 1\npractices: [beispiel]\n---\nText.\n",
            "content/workshops/zweiter/day-1.en.md": "---\ntitle: Day one\nday: 1\npractices: [beispiel]\n---\nText.\n",
        ])
        try PraxisCommand.build(site.url)
        // A practice named only in a body: the link leads to its German page.
        let english = try site.read("public/en/practices/beispiel/index.html")
        XCTAssertTrue(english.contains("<a href=\"../../../practices/nur-deutsch/\">that one</a>"), english)
        // The English day of a workshop without English index: its page exists, and links the German workshop.
        let day = try site.read("public/en/workshops/zweiter/day-1/index.html")
        XCTAssertTrue(day.contains("<h1>Day one</h1>"))
        XCTAssertTrue(day.contains("href=\"../../../../workshops/zweiter/\""), day)
        XCTAssertTrue(english.contains("href=\"../../workshops/zweiter/day-1/\""), "the practice links the English day")
        let check = try PraxisCommand.run(["check", site.url.path])
        XCTAssertEqual(check.status, 0, check.output + check.errors)
    }

    func testAWorkshopWrittenOnlyInEnglishNeedsNoGermanIndex() throws {
        let site = try makeSite([
            "content/workshops/english/index.en.md": "---\ntitle: English only\nsummary: A course in English.\ndays: 1\n---\n",
            "content/workshops/english/day-1.en.md": "---\ntitle: Day one\nday: 1\n---\nText.\n",
        ])
        try PraxisCommand.build(site.url)
        XCTAssertTrue(try site.read("public/en/workshops/english/index.html").contains("<h1>English only</h1>"))
        XCTAssertTrue(site.exists("public/en/workshops/english/day-1/index.html"))
        XCTAssertFalse(site.exists("public/workshops/english/index.html"))
        // A German day without a German index still needs one.
        let broken = try makeSite(["content/workshops/english/index.en.md": "---\ntitle: English only\nsummary: A course.\n---\n",
                                   "content/workshops/english/day-1.md": "---\ntitle: Tag eins\nday: 1\n---\nText.\n"])
        let result = try PraxisCommand.run(["build", broken.url.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("content/workshops/english/index.md: is missing"), result.errors)
    }

    func testFallbackHideListsOnlyTranslationsAndShowListsAllMarked() throws {
        let hidden = try makeSite()
        try PraxisCommand.build(hidden.url)
        let hiddenList = try hidden.read("public/en/practices/index.html")
        XCTAssertTrue(hiddenList.contains("Learning mentors"))
        XCTAssertFalse(hiddenList.contains("Nur auf Deutsch"), "fallback: hide is the default")
        let hiddenSearch = try SearchFiles(site: hidden.url.appending(path: "public/en"))
        XCTAssertEqual(hiddenSearch.entries.map(\.title).sorted(), ["A network", "Course", "Learning mentors"].sorted())

        let shown = try makeSite(fallback: "show")
        try PraxisCommand.build(shown.url)
        let shownList = try shown.read("public/en/practices/index.html")
        XCTAssertTrue(shownList.contains("Learning mentors"))
        // Listed, linked to its German page, marked with its language.
        XCTAssertTrue(shownList.contains("<h2 lang=\"de\"><a href=\"../../practices/nur-deutsch/\" hreflang=\"de\">Nur auf Deutsch</a></h2>\n<p class=\"meta lang-mark\">in German</p>"), shownList)
        XCTAssertFalse(shown.exists("public/en/practices/nur-deutsch/index.html"))
        let shownSearch = try SearchFiles(site: shown.url.appending(path: "public/en"))
        let document = try XCTUnwrap(shownSearch.entries.first { $0.title == "Nur auf Deutsch" })
        XCTAssertEqual(document.url, "../practices/nur-deutsch/")
        XCTAssertEqual(document.lang, "de")
    }

    func testEachLanguageHasItsSearchAndFeedAndTheSitemapListsEveryVersion() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        XCTAssertTrue(site.exists("public/en/search.json"))
        let feed = try site.read("public/en/feed.xml")
        XCTAssertTrue(feed.contains("xml:lang=\"en\""))
        XCTAssertTrue(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/katalog/en/feed.xml\"/>"))
        let searchPage = try site.read("public/en/search/index.html")
        XCTAssertTrue(searchPage.contains("data-index=\"../search.json\""), searchPage)
        let sitemap = try site.read("public/sitemap.xml")
        XCTAssertTrue(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        XCTAssertTrue(sitemap.contains("<url><loc>https://example.org/katalog/en/practices/beispiel/</loc><xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/katalog/practices/beispiel/\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/katalog/en/practices/beispiel/\"/><xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/katalog/practices/beispiel/\"/></url>"), sitemap)
    }

    func testTheOpenDataHoldsEveryLanguagesPracticesWithTheirLanguageAndGroup() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        let data = try Data(contentsOf: site.url.appending(path: "public/catalogue.json"))
        let catalogue = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try XCTUnwrap(catalogue["practices"] as? [[String: Any]])
        let rows = records.map { [$0["id"] as? String, $0["lang"] as? String, $0["group"] as? String, $0["url"] as? String] }
        XCTAssertEqual(rows, [
            ["beispiel", "de", "beispiel", "https://example.org/katalog/practices/beispiel/"],
            ["beispiel", "en", "beispiel", "https://example.org/katalog/en/practices/beispiel/"],
            ["nur-deutsch", "de", "nur-deutsch", "https://example.org/katalog/practices/nur-deutsch/"],
        ])
        let csv = CSVReader.rows(String(decoding: try Data(contentsOf: site.url.appending(path: "public/catalogue.csv")).dropFirst(3), as: UTF8.self))
        XCTAssertEqual(csv.count, 4, "a header and a row per version")
        XCTAssertEqual(csv[2][csv[0].firstIndex(of: "group")!], "beispiel")
        XCTAssertEqual(csv[2][csv[0].firstIndex(of: "lang")!], "en")
    }

    func testATranslationIntoALanguageTheSiteDoesNotDeclareIsAnError() throws {
        let site = try makeSite(["content/practices/beispiel.fr.md": SiteFixture.practice(title: "Exemple")])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("content/practices/beispiel.fr.md"), result.errors)
        XCTAssertTrue(result.errors.contains("fr, which is not a language of the site"), result.errors)
        XCTAssertTrue(result.errors.contains("declared: de, en"), result.errors)
    }

    func testATranslationIntoTheDefaultLanguageAndAContradictingLangAreErrors() throws {
        let site = try makeSite([
            "content/practices/anders.de.md": SiteFixture.practice(title: "Anders"),
            "content/partners/netzwerk.en.md": SiteFixture.partner(title: "A network", extra: "lang: de"),
        ])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("content/practices/anders.de.md"), result.errors)
        XCTAssertTrue(result.errors.contains("Name it anders.md"), result.errors)
        XCTAssertTrue(result.errors.contains("content/partners/netzwerk.en.md:4"), result.errors)
        XCTAssertTrue(result.errors.contains("says de, but the file name says en"), result.errors)
    }

    func testABrokenReferenceInATranslationNamesTheTranslationsFile() throws {
        let site = try makeSite(["content/practices/beispiel.en.md": SiteFixture.practice(title: "Learning mentors", extra: "partners: [gibt-es-nicht]")])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("content/practices/beispiel.en.md:5"), result.errors)
        XCTAssertTrue(result.errors.contains("\"gibt-es-nicht\" is not a partner"), result.errors)
    }

    func testAPageOrFacetCannotTakeTheFolderOfALanguage() throws {
        let site = try makeSite(["content/pages/en.md": "---\ntitle: Englisch\n---\nText.\n",
                                 "content/site.yaml": Self.siteYAML + "  en:\n    label: Englisch\n    values: {a: A}\n"])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("content/site.yaml:14: facets.en:"), result.errors)
        XCTAssertTrue(result.errors.contains("\"en\" is a language of the site"), result.errors)
        let pageOnly = try makeSite(["content/pages/en.md": "---\ntitle: Englisch\n---\nText.\n"])
        let second = try PraxisCommand.run(["build", pageOnly.url.path])
        XCTAssertNotEqual(second.status, 0)
        XCTAssertTrue(second.errors.contains("content/pages/en.md: would be published at /en/, which the pages in en already uses"), second.errors)
    }

    func testASiteOfOneLanguageHasNoSwitcherAndNoAlternates() throws {
        let site = try SiteFixture.make()
        try PraxisCommand.build(site.url)
        let page = try site.read("public/practices/beispiel/index.html")
        XCTAssertFalse(page.contains("hreflang"))
        XCTAssertFalse(page.contains("language-switch"))
        XCTAssertFalse(site.exists("public/en"))
    }
}
