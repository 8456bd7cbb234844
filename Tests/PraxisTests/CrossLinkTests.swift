import Foundation
import XCTest

/// Links both ways, facets with counts, orders, and `@/` links between entries.
final class CrossLinkTests: XCTestCase {
    func makeSite() throws -> TemporaryFolder {
        let folder = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(
                title: "Zuerst im Alphabet", extra: """
                partners: [netzwerk]
                related: [aerger]
                tags: [Ehrenamt, Übergang Schule-Beruf]
                place: {municipality: Köln, country: DE}
                sources: [quelle]
                """,
                body: "## Ergebnisse\n\nSiehe [Ärger](@/practices/aerger.md#was-hilft) und [Tag 1](@/workshops/kurs/day-1.md).\n"),
            "content/practices/aerger.md": SiteFixture.practice(
                title: "Ärger vermeiden", extra: "tags: [ehrenamt]\nplace: {country: AT}",
                body: "## Was hilft?\n\nZurück zu [Zuerst](@/practices/beispiel.md#ergebnisse).\n"),
            "content/practices/zebra.md": SiteFixture.practice(title: "Zebrastreifen", extra: "partners: [netzwerk]"),
            "content/practices/strasse.md": SiteFixture.practice(title: "Straße der Vielfalt", extra: "target_groups: [unternehmen]"),
            "content/workshops/kurs/index.md": "---\ntitle: Kurs\nsummary: Ein Kurs.\ndays: 1\n---\n",
            "content/workshops/kurs/day-1.md": "---\ntitle: Erster Tag\nday: 1\nmotto: Anfangen\npractices: [zebra]\nsessions:\n  - {time: \"9:00\", title: Begrüßung}\n---\nDer Tag.\n",
        ])
        return folder
    }

    /// The site above, built with `praxis build` into its public/.
    func builtSite() throws -> TemporaryFolder {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        return site
    }

    func testPartnerPracticeRelatedAndDayLinksGoBothWays() throws {
        let site = try builtSite()
        let partner = try site.read("public/partners/netzwerk/index.html")
        XCTAssertTrue(partner.contains("href=\"../../practices/beispiel/\""), "the partner lists the practice that names it")
        XCTAssertTrue(partner.contains("href=\"../../practices/zebra/\""))
        XCTAssertFalse(partner.contains("practices/aerger/"), "a practice that does not name the partner is not listed")

        let aerger = try site.read("public/practices/aerger/index.html")
        XCTAssertTrue(aerger.contains("href=\"../../practices/beispiel/\""), "related is shown on the practice it points to")

        let zebra = try site.read("public/practices/zebra/index.html")
        XCTAssertTrue(zebra.contains("href=\"../../workshops/kurs/day-1/\""), "a practice lists the day that presents it")
        let day = try site.read("public/workshops/kurs/day-1/index.html")
        XCTAssertTrue(day.contains("href=\"../../../practices/zebra/\""), "the day lists its practices")
        XCTAssertTrue(day.contains("<td>9:00</td>"), "the agenda is a table")

        XCTAssertEqual(try LinkChecker.brokenLinks(in: site.url.appending(path: "public"), basePath: "/katalog/"), [])
    }

    func testContentPathLinksBecomeRelativeURLsWithAnchors() throws {
        let site = try builtSite()
        let beispiel = try site.read("public/practices/beispiel/index.html")
        XCTAssertTrue(beispiel.contains("<h2 id=\"ergebnisse\">Ergebnisse</h2>"), "headings get stable ids")
        XCTAssertTrue(beispiel.contains("<a href=\"../../practices/aerger/#was-hilft\">Ärger</a>"))
        XCTAssertTrue(beispiel.contains("<a href=\"../../workshops/kurs/day-1/\">Tag 1</a>"))
    }

    func testFacetPagesHaveCountsAndGermanOrder() throws {
        let site = try builtSite()
        let fields = try site.read("public/fields/index.html")
        XCTAssertTrue(fields.contains("<a href=\"../fields/bildung-sprache/\">Bildung und Sprache</a> <span class=\"count\">4</span>"), fields)

        // Tags fold to one value per slug: "Ehrenamt" and "ehrenamt" are one tag with 2 practices.
        let tags = try site.read("public/tags/index.html")
        XCTAssertTrue(tags.contains("<a href=\"../tags/ehrenamt/\">Ehrenamt</a> <span class=\"count\">2</span>"), tags)
        XCTAssertTrue(site.exists("public/tags/uebergang-schule-beruf/index.html"), "tag URL segments fold umlauts")
        XCTAssertTrue(site.exists("public/country/de/index.html"))
        XCTAssertTrue(site.exists("public/country/at/index.html"))
        XCTAssertTrue(site.exists("public/target_groups/unternehmen/index.html"))
        let partners = try site.read("public/partners/index.html")
        XCTAssertTrue(partners.contains("<a href=\"../partners/netzwerk/\">Ein Netzwerk</a> <span class=\"count\">2</span>"))

        // German order: Ä sorts with A, ß with ss, before Z.
        let list = try site.read("public/fields/bildung-sprache/index.html")
        let order = ["Ärger vermeiden", "Straße der Vielfalt", "Zebrastreifen", "Zuerst im Alphabet"].map { list.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), "every practice is listed")
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "listed in German alphabetical order")
    }

    func testSearchIndexHasEveryPublishedEntry() throws {
        let site = try builtSite()
        let index = try SearchFiles(site: site.url.appending(path: "public"))
        XCTAssertEqual(Set(index.entries.map(\.url)), ["practices/beispiel/", "practices/aerger/", "practices/zebra/", "practices/strasse/",
                                                       "partners/netzwerk/", "workshops/kurs/", "workshops/kurs/day-1/"])
        let beispiel = try XCTUnwrap(index.entry("practices/beispiel/"))
        XCTAssertEqual(beispiel.type, "practice")
        XCTAssertEqual(beispiel.lang, "de")
        XCTAssertEqual(beispiel.summary, "Eine kurze Beschreibung.")
        XCTAssertEqual(beispiel.facets["fields"], ["bildung-sprache"])
        XCTAssertEqual(beispiel.facets["country"], ["de"])
        XCTAssertEqual(beispiel.facets["tags"], ["ehrenamt", "uebergang-schule-beruf"])
        XCTAssertEqual(beispiel.facets["partners"], ["netzwerk"])
        XCTAssertEqual(beispiel.facets["type"], ["practice"])
        XCTAssertEqual(index.entry("partners/netzwerk/")?.facets, ["type": ["partner"]], "facets are those of practices, as on facet pages")
    }

    /// Words are stored as the search page normalises the query: lowercase, without diacritics,
    /// ß as ss, and ae/oe/ue as a/o/u, so every spelling a reader types meets the same word.
    func testSearchWordsAreNormalisedAndKnowTheirField() throws {
        let site = try builtSite()
        let index = try SearchFiles(site: site.url.appending(path: "public"))
        XCTAssertTrue(index.find("strasse").contains { $0.url == "practices/strasse/" && $0.inTitle }, "Straße is found as strasse, in the title")
        XCTAssertTrue(index.find("arger").contains { $0.url == "practices/aerger/" && $0.inTitle }, "Ärger and Aerger are one word")
        XCTAssertTrue(index.find("koln").contains { $0.url == "practices/beispiel/" && !$0.inTitle }, "the place is searchable")
        XCTAssertTrue(index.find("begrussung").contains { $0.url == "workshops/kurs/day-1/" }, "a day's sessions are searchable")
        XCTAssertTrue(index.find("ubergang").contains { $0.url == "practices/beispiel/" }, "tags are searchable")
        XCTAssertTrue(index.find("und").isEmpty && index.find("der").isEmpty, "stop words are not indexed")
        let stopWords = index.manifest["stopWords"] as? [String] ?? []
        XCTAssertTrue(stopWords.contains("und") && stopWords.contains("fur"), "the page learns the stop words from search.json")
    }
}
