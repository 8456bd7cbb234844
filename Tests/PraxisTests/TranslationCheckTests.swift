import Foundation
import XCTest

/// `praxis check` on a site in two languages: warnings (exit status 0) for a translation whose
/// facts differ from its original's, and for a link from a translation to an entry without a
/// version in its language; `praxis new KIND ID --lang en` writes a translation with the
/// original's facts.
final class TranslationCheckTests: XCTestCase {
    static let siteYAML = LanguageTreeTests.siteYAML

    /// A practice, a partner and a workshop with its day, each with an English version that
    /// agrees with the original; `changes` then change one place (nil deletes a file).
    func makeSite(_ changes: [String: String?] = [:]) throws -> TemporaryFolder { try Self.makeSite(changes) }

    static func makeSite(_ changes: [String: String?] = [:]) throws -> TemporaryFolder {
        var files: [String: String?] = [
            "content/site.yaml": Self.siteYAML,
            // Line 4 fields, 5 target_groups, 6 place, 7 municipality, 8 country, 9 partners, 10 tags.
            "content/practices/beispiel.md": SiteFixture.practice(
                title: "Lernpaten",
                extra: "target_groups: [gefluechtete]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]\ntags: [Ehrenamt]\nsources: [quelle]"),
            "content/practices/beispiel.en.md": SiteFixture.practice(
                title: "Learning mentors",
                extra: "target_groups: [gefluechtete]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]\ntags: [volunteering]\nsources: [quelle]",
                body: "See [the network](@/partners/netzwerk.md) and [the course](@/workshops/kurs/index.md).\n"),
            "content/partners/netzwerk.md": SiteFixture.partner(title: "Ein Netzwerk", extra: "country: DE"),
            "content/partners/netzwerk.en.md": SiteFixture.partner(title: "A network", extra: "country: DE"),
            "content/workshops/kurs/index.md": "---\ntitle: Kurs\nsummary: Ein Kurs.\ndays: 1\npartners: [netzwerk]\n---\n",
            "content/workshops/kurs/index.en.md": "---\ntitle: Course\nsummary: A course.\ndays: 1\npartners: [netzwerk]\n---\n",
            "content/workshops/kurs/day-1.md": "---\ntitle: Erster Tag\nday: 1\npractices: [beispiel]\n---\nDer Tag.\n",
            "content/workshops/kurs/day-1.en.md": "---\ntitle: First day\nday: 1\npractices: [beispiel]\n---\nThe day.\n",
        ]
        for (path, text) in changes { files[path] = text }
        return try SiteFixture.make(files)
    }

    func check(_ site: TemporaryFolder, _ extra: [String] = []) throws -> PraxisCommand.Result {
        try PraxisCommand.run(["check", site.url.path] + extra)
    }

    /// The warning lines of a text report.
    func warnings(_ result: PraxisCommand.Result) -> [String] {
        result.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("warning: ") }
    }

    func testATranslatedSiteThatAgreesWithItsOriginalsHasNoWarning() throws {
        // Tags differ (Ehrenamt / volunteering): they are words, which a translation translates.
        // An English-only entry (no original) is allowed.
        let site = try makeSite(["content/practices/nur-englisch.en.md": SiteFixture.practice(title: "Only in English")])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertEqual(warnings(result), [], result.output)
        XCTAssertTrue(result.output.contains(": all is well. Nothing was written."), result.output)
    }

    func testAFacetThatDiffersIsAWarningNamingBothLines() throws {
        let site = try makeSite(["content/practices/beispiel.en.md": SiteFixture.practice(
            title: "Learning mentors",
            extra: "target_groups: [gefluechtete, unternehmen]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]\nsources: [quelle]")])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, "a warning does not fail the check:\n\(result.output)")
        XCTAssertEqual(warnings(result), [
            "warning: content/practices/beispiel.en.md:5: target_groups: differs from the original: [gefluechtete, unternehmen] here, "
                + "[gefluechtete] in content/practices/beispiel.md:5. Facet values are the same in every language, or the entry is "
                + "filed under other values in each: correct the version that is wrong. (Tags may differ: they are words, which may be translated.)",
        ], result.output)
        XCTAssertTrue(result.output.contains(": 0 errors, 1 warning. Nothing was written."), result.output)
    }

    func testAFacetLeftOutOfTheTranslationIsAWarning() throws {
        // Listed in another order is the same; left out is not.
        let site = try makeSite([
            "content/practices/beispiel.md": SiteFixture.practice(
                title: "Lernpaten", extra: "target_groups: [gefluechtete, unternehmen]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]"),
            "content/practices/beispiel.en.md": SiteFixture.practice(
                title: "Learning mentors", extra: "place:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]"),
            "content/practices/zweites.md": SiteFixture.practice(extra: "target_groups: [gefluechtete, unternehmen]"),
            "content/practices/zweites.en.md": SiteFixture.practice(extra: "target_groups: [unternehmen, gefluechtete]"),
        ])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, result.output)
        // A key the translation does not have is named on its front matter's first line.
        let found = warnings(result)
        XCTAssertEqual(found.count, 1, result.output)
        XCTAssertTrue(found.first?.hasPrefix("warning: content/practices/beispiel.en.md:1: target_groups: differs from the original: [] here, "
            + "[gefluechtete, unternehmen] in content/practices/beispiel.md:5.") == true, result.output)
    }

    func testPartnersThatDifferAreWarningsOnPracticesWorkshopsAndDays() throws {
        let site = try makeSite([
            "content/partners/anderer.md": SiteFixture.partner(title: "Ein anderer"),
            "content/partners/anderer.en.md": SiteFixture.partner(title: "Another one"),
            // Line 9: partners.
            "content/practices/beispiel.en.md": SiteFixture.practice(
                title: "Learning mentors",
                extra: "target_groups: [gefluechtete]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk, anderer]\nsources: [quelle]"),
            "content/workshops/kurs/index.en.md": "---\ntitle: Course\nsummary: A course.\ndays: 1\npartners: [anderer]\n---\n",
            "content/practices/zweites.md": SiteFixture.practice(title: "Zweites"),
            "content/practices/zweites.en.md": SiteFixture.practice(title: "Second"),
            "content/workshops/kurs/day-1.en.md": "---\ntitle: First day\nday: 1\npractices: [zweites]\n---\nThe day.\n",
        ])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, result.output)
        let found = warnings(result)
        XCTAssertEqual(found.count, 3, result.output)
        XCTAssertTrue(found.contains { $0.hasPrefix("warning: content/practices/beispiel.en.md:9: partners: differs from the original: [netzwerk, anderer] here, [netzwerk] in content/practices/beispiel.md:9.") }, result.output)
        XCTAssertTrue(found.contains { $0.hasPrefix("warning: content/workshops/kurs/index.en.md:5: partners: differs from the original: [anderer] here, [netzwerk] in content/workshops/kurs/index.md:5.") }, result.output)
        XCTAssertTrue(found.contains { $0.hasPrefix("warning: content/workshops/kurs/day-1.en.md:4: practices: differs from the original: [zweites] here, [beispiel] in content/workshops/kurs/day-1.md:4.") }, result.output)
    }

    func testAPlaceOrAPartnersCountryThatDiffersIsAWarning() throws {
        let site = try makeSite([
            "content/practices/beispiel.en.md": SiteFixture.practice(
                title: "Learning mentors",
                extra: "target_groups: [gefluechtete]\nplace:\n  municipality: Cologne\n  country: AT\npartners: [netzwerk]\nsources: [quelle]"),
            // Line 4: country.
            "content/partners/netzwerk.en.md": SiteFixture.partner(title: "A network", extra: "country: CA"),
        ])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, result.output)
        let found = warnings(result)
        XCTAssertEqual(found.count, 3, result.output)
        XCTAssertTrue(found[0].hasPrefix("warning: content/partners/netzwerk.en.md:4: country: differs from the original: \"CA\" here, \"DE\" in content/partners/netzwerk.md:4."), found[0])
        XCTAssertTrue(found[1].hasPrefix("warning: content/practices/beispiel.en.md:7: place.municipality: differs from the original: \"Cologne\" here, \"Köln\" in content/practices/beispiel.md:7."), found[1])
        XCTAssertTrue(found[2].hasPrefix("warning: content/practices/beispiel.en.md:8: place.country: differs from the original: \"AT\" here, \"DE\" in content/practices/beispiel.md:8."), found[2])
    }

    func testALinkToAnEntryWithoutATranslationIsAWarning() throws {
        let site = try makeSite([
            // The partner and the course exist only in German now; nur-deutsch has no translation.
            "content/partners/netzwerk.en.md": nil,
            "content/workshops/kurs/index.en.md": nil, "content/workshops/kurs/day-1.en.md": nil,
            "content/practices/nur-deutsch.md": SiteFixture.practice(title: "Nur auf Deutsch"),
            "content/practices/beispiel.md": SiteFixture.practice(
                title: "Lernpaten",
                extra: "target_groups: [gefluechtete]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]\nrelated: [nur-deutsch]"),
            // Line 9 partners, 10 related; body from line 12: line 12 a partner, 13 a practice, 14 the workshop.
            "content/practices/beispiel.en.md": SiteFixture.practice(
                title: "Learning mentors",
                extra: "target_groups: [gefluechtete]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]\nrelated: [nur-deutsch]",
                body: "See [the network](@/partners/netzwerk.md),\n[the other one](@/practices/nur-deutsch.md) and\n[the course](@/workshops/kurs/index.md).\n"),
        ])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, "the build links them to the German pages; the check only warns:\n\(result.output)")
        XCTAssertEqual(warnings(result), [
            "warning: content/practices/beispiel.en.md:9: partners: \"netzwerk\" leads to the German page: content/partners/netzwerk.md has no English version. "
                + "Write content/partners/netzwerk.en.md (praxis new partner netzwerk --lang en) or link elsewhere.",
            "warning: content/practices/beispiel.en.md:10: related: \"nur-deutsch\" leads to the German page: content/practices/nur-deutsch.md has no English version. "
                + "Write content/practices/nur-deutsch.en.md (praxis new practice nur-deutsch --lang en) or link elsewhere.",
            "warning: content/practices/beispiel.en.md:12: the link @/partners/netzwerk.md leads to the German page: content/partners/netzwerk.md has no English version. "
                + "Write content/partners/netzwerk.en.md (praxis new partner netzwerk --lang en) or link elsewhere.",
            "warning: content/practices/beispiel.en.md:13: the link @/practices/nur-deutsch.md leads to the German page: content/practices/nur-deutsch.md has no English version. "
                + "Write content/practices/nur-deutsch.en.md (praxis new practice nur-deutsch --lang en) or link elsewhere.",
            "warning: content/practices/beispiel.en.md:14: the link @/workshops/kurs/index.md leads to the German page: content/workshops/kurs/index.md has no English version. "
                + "Write content/workshops/kurs/index.en.md (praxis new workshop kurs --lang en) or link elsewhere.",
        ], result.output)
        // What the warnings say is what the build does: the English page links the German one.
        try PraxisCommand.build(site.url)
        let english = try site.read("public/en/practices/beispiel/index.html")
        XCTAssertTrue(english.contains("<a href=\"../../../partners/netzwerk/\">the network</a>"), english)
        XCTAssertTrue(english.contains("<a href=\"../../../workshops/kurs/\">the course</a>"), english)
    }

    func testADraftIsLinkedOnlyWhenDraftsAreChecked() throws {
        // The build leaves a draft named in related out quietly: no link, no warning; with
        // --drafts it is published, and the English page links its German page.
        let site = try makeSite([
            "content/practices/entwurf.md": SiteFixture.practice(title: "Entwurf", extra: "draft: true"),
            "content/practices/beispiel.en.md": SiteFixture.practice(
                title: "Learning mentors",
                extra: "target_groups: [gefluechtete]\nplace:\n  municipality: Köln\n  country: DE\npartners: [netzwerk]\nrelated: [entwurf]"),
        ])
        let plain = try check(site)
        XCTAssertEqual(plain.status, 0, plain.output)
        XCTAssertEqual(warnings(plain), [], plain.output)
        let drafts = try check(site, ["--drafts"])
        XCTAssertEqual(drafts.status, 0, drafts.output)
        XCTAssertEqual(warnings(drafts).count, 1, drafts.output)
        XCTAssertTrue(warnings(drafts).first?.hasPrefix("warning: content/practices/beispiel.en.md:10: related: \"entwurf\" leads to the German page") == true,
                      drafts.output)
    }

    func testADaysPracticeWithoutATranslationIsAWarning() throws {
        let site = try makeSite([
            "content/practices/zweites.md": SiteFixture.practice(title: "Zweites"),
            "content/workshops/kurs/day-1.md": "---\ntitle: Erster Tag\nday: 1\npractices: [beispiel, zweites]\n---\nDer Tag.\n",
            "content/workshops/kurs/day-1.en.md": "---\ntitle: First day\nday: 1\npractices: [beispiel, zweites]\n---\nThe day.\n",
        ])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, result.output)
        let found = warnings(result)
        XCTAssertEqual(found.count, 1, result.output)
        XCTAssertTrue(found.first?.hasPrefix("warning: content/workshops/kurs/day-1.en.md:4: practices: \"zweites\" leads to the German page: "
            + "content/practices/zweites.md has no English version.") == true, result.output)
    }

    func testTheWarningsInJSONAndAsGitHubAnnotations() throws {
        let site = try makeSite(["content/partners/netzwerk.en.md": SiteFixture.partner(title: "A network", extra: "country: CA")])
        let json = try check(site, ["--format", "json"])
        XCTAssertEqual(json.status, 0, json.output)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], json.output)
        XCTAssertEqual(report["passed"] as? Bool, true)
        XCTAssertEqual(report["errors"] as? Int, 0)
        XCTAssertEqual(report["warnings"] as? Int, 1)
        let problems = try XCTUnwrap(report["problems"] as? [[String: Any]])
        XCTAssertEqual(problems.count, 1, json.output)
        XCTAssertEqual(problems[0]["severity"] as? String, "warning")
        XCTAssertEqual(problems[0]["file"] as? String, "content/partners/netzwerk.en.md")
        XCTAssertEqual(problems[0]["line"] as? Int, 4)
        XCTAssertEqual(problems[0]["key"] as? String, "country")
        XCTAssertEqual(problems[0]["message"] as? String, "differs from the original: \"CA\" here, \"DE\" in content/partners/netzwerk.md:4.")

        let github = try check(site, ["--format", "github"])
        XCTAssertEqual(github.status, 0, github.output)
        let lines = github.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, github.output)
        XCTAssertTrue(lines[0].hasPrefix("::warning file=content/partners/netzwerk.en.md,line=4,title=praxis check%3A country::country: differs from the original: \"CA\" here, \"DE\" in content/partners/netzwerk.md:4."), lines[0])
        XCTAssertTrue(lines[1].hasSuffix(": 0 errors, 1 warning. Nothing was written."), lines[1])
    }

    func testABuildIsNotStoppedByWhatTheCheckWarnsAbout() throws {
        let site = try makeSite(["content/partners/netzwerk.en.md": SiteFixture.partner(title: "A network", extra: "country: CA")])
        let result = try PraxisCommand.build(site.url)
        XCTAssertFalse(result.errors.contains("differs from the original"), result.errors)
        XCTAssertTrue(site.exists("public/en/partners/netzwerk/index.html"))
    }
}
