import Foundation
import XCTest

/// The project's own catalogue (content/ and seeds/ at the repository root) builds into a
/// complete, cross-linked site.
final class CatalogueTests: XCTestCase {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testTheCatalogueBuildsWithEveryRequiredEntryAndNoBrokenLink() throws {
        let out = try TemporaryFolder()
        let site = out.url.appending(path: "public")
        try PraxisCommand.build(Self.projectRoot, output: site)

        for id in ["wuppertal-arbeitsmarkt", "muelheim-bildung", "kreis-unna-bildung", "integrationsbetriebe-nrw",
                   "willkommenslotsen", "kmu-toolbox-vielfalt", "ankommen-in-deutschland-lernnetzwerk", "ifs-integration-innovation"] {
            XCTAssertTrue(out.exists("public/practices/\(id)/index.html"), "practice \(id) missing")
        }
        for id in ["gdx", "welcoming-america", "hire-immigrants", "iq-netzwerk", "cities-of-migration"] {
            XCTAssertTrue(out.exists("public/partners/\(id)/index.html"), "partner \(id) missing")
        }
        let workshop = try out.read("public/workshops/integrationsstrategie/index.html")
        XCTAssertTrue(workshop.contains("6.000 €"), "the workshop shows its price")
        XCTAssertTrue(workshop.contains("40"), "the workshop shows its participants")
        XCTAssertTrue(out.exists("public/workshops/integrationsstrategie/day-1/index.html"))
        XCTAssertTrue(out.exists("public/workshops/integrationsstrategie/day-2/index.html"))
        let about = try out.read("public/about/index.html")
        XCTAssertTrue(about.contains("<a href=\"../catalogue.csv\">") && about.contains("<a href=\"../catalogue.json\">"),
                      "the about page links the open data")

        let broken = try LinkChecker.brokenLinks(in: site, basePath: "/praxis/")
        XCTAssertEqual(broken, [], "every link of the catalogue resolves")

        // Every source document of the register is cited by at least one entry.
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.projectRoot.appending(path: "seeds").path).filter { $0.hasSuffix(".md") }
        XCTAssertGreaterThanOrEqual(seeds.count, 5)
        for seed in seeds {
            let page = try out.read("public/sources/\(seed.dropLast(3))/index.html")
            XCTAssertTrue(page.contains("cited_heading"), "source \(seed) is cited by an entry")
        }
    }

    /// Readers start on the home page at any facet and find a partner's practices by field of
    /// action; what to expect is read from catalogue.json.
    func testHomeEntersEveryFacetAndPartnerPagesGroupByField() throws {
        let out = try TemporaryFolder()
        try PraxisCommand.build(Self.projectRoot, output: out.url.appending(path: "public"))
        let home = try out.read("public/index.html")
        for facet in ["fields", "target_groups", "country", "tags", "partners"] {
            XCTAssertTrue(home.contains("<h3><a href=\"\(facet)/\">"), "the home page enters \(facet)")
            let overview = try out.read("public/\(facet)/index.html")
            XCTAssertTrue(overview.contains("<span class=\"count\">"), "the overview of \(facet) shows counts")
        }
        XCTAssertNotNil(home.range(of: #"<a href="fields/arbeit-ausbildung/">Arbeit und Ausbildung</a> <span class="count">\d+</span>"#,
                                   options: .regularExpression), "values on the home page show their counts")

        let data = try Data(contentsOf: out.url.appending(path: "public/catalogue.json"))
        let catalogue = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        // The German records: the partner page below is the German one.
        let practices = try XCTUnwrap(catalogue["practices"] as? [[String: Any]]).filter { $0["lang"] as? String == "de" }
        let order = try XCTUnwrap(((catalogue["facets"] as? [String: Any])?["fields"] as? [String: Any])?["order"] as? [String])
        let partner = "bertelsmann-stiftung"
        let ofPartner = practices.filter { ($0["partners"] as? [[String: Any]])?.contains { $0["id"] as? String == partner } == true }
        XCTAssertGreaterThan(ofPartner.count, 3)
        let page = try out.read("public/partners/\(partner)/index.html")
        let groups = page.components(separatedBy: "<h3><a href=\"../../fields/").dropFirst()
        let shown = groups.map { String($0.prefix { $0 != "/" }) }
        let expected = order.filter { field in ofPartner.contains { ($0["fields"] as? [String])?.contains(field) == true } }
        XCTAssertEqual(shown, expected, "one group per field of the partner's practices, in site.yaml order")
        for (field, group) in zip(shown, groups) {
            let members = ofPartner.filter { ($0["fields"] as? [String])?.contains(field) == true }.compactMap { $0["id"] as? String }
            for id in members { XCTAssertTrue(group.contains("href=\"../../practices/\(id)/\""), "\(id) is listed under \(field)") }
            XCTAssertEqual(group.components(separatedBy: "<li class=\"card\">").count - 1, members.count, "only the practices of \(field)")
        }
    }
}
