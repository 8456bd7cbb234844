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
}
