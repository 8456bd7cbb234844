import Foundation
import XCTest

/// `praxis check`: the build's problems and every internal link and anchor of the output, in
/// the three formats, without writing anything.
final class CheckCommandTests: XCTestCase {
    /// A practice whose body, from file line 7 on, links a page that does not exist (line 9) and
    /// a heading that does not exist on a page that does (line 11).
    static let brokenLinks = SiteFixture.practice(body: """
        ## Einleitung

        Siehe [das andere Beispiel](../gibt-es-nicht/).

        Und [den Abschnitt](../aerger/#kein-solcher-abschnitt) dort.

        """)
    static let aerger = SiteFixture.practice(title: "Ärger vermeiden", body: "## Was hilft?\n\nText.\n")

    func check(_ site: TemporaryFolder, _ extra: [String] = []) throws -> PraxisCommand.Result {
        try PraxisCommand.run(["check", site.url.path] + extra)
    }

    func testAWellLinkedSitePassesAndNothingIsWritten() throws {
        let site = try SiteFixture.make([
            "content/practices/aerger.md": Self.aerger,
            "content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [netzwerk]", body: """
                Relativ: [Ärger](../aerger/#was-hilft), [Partner](../../partners/netzwerk/), [hier](#top),
                [Wurzel](/katalog/practices/aerger/), [voll](https://example.org/katalog/sources/quelle/),
                ![Bild](../../bilder/foto.png) und [Datei](../../bilder/foto.png#seite=2).
                Außerhalb der Website, nicht prüfbar: [Host](/anderswo/), [Web](https://example.com/x/#y).

                """),
            "content/static/bilder/foto.png": "png",
        ])
        let result = try check(site)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("warning: content/practices/beispiel.md:10: the link \"/anderswo/\" leads outside the site, which is published under /katalog/"),
                      "a root-relative link outside the base path is a warning, not a failure:\n\(result.output)")
        XCTAssertTrue(result.output.contains(": 0 errors, 1 warning. Nothing was written."), result.output)
        XCTAssertFalse(site.exists("public"), "check writes no output folder")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.url.path).sorted(), ["content", "seeds"],
                       "check leaves nothing in the site root")
    }

    func testBrokenLinkAndAnchorAsText() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": Self.brokenLinks, "content/practices/aerger.md": Self.aerger])
        let result = try check(site)
        XCTAssertEqual(result.status, 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, result.output)
        XCTAssertTrue(lines[0].hasPrefix("error: content/practices/beispiel.md:9: the link \"../gibt-es-nicht/\" leads nowhere: the site has no page or file /practices/gibt-es-nicht/."), lines[0])
        XCTAssertTrue(lines[0].contains("@/practices/<id>.md"), "the hint points to links the build checks")
        XCTAssertTrue(lines[1].hasPrefix("error: content/practices/beispiel.md:11: the link \"../aerger/#kein-solcher-abschnitt\" names the anchor #kein-solcher-abschnitt, but /practices/aerger/ has no heading or anchor with that id."), lines[1])
        XCTAssertTrue(lines[1].contains("Headings there: #was-hilft"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("Checked "), lines[2])
        XCTAssertTrue(lines[2].hasSuffix(": 2 errors. Nothing was written."), lines[2])
    }

    func testBrokenLinkAndAnchorAsGitHubAnnotations() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": Self.brokenLinks, "content/practices/aerger.md": Self.aerger])
        let result = try check(site, ["--format", "github"])
        XCTAssertEqual(result.status, 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, result.output)
        XCTAssertTrue(lines[0].hasPrefix("::error file=content/practices/beispiel.md,line=9,title=praxis check::the link \"../gibt-es-nicht/\" leads nowhere"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("::error file=content/practices/beispiel.md,line=11,title=praxis check::the link \"../aerger/#kein-solcher-abschnitt\""), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("Checked "), "the summary follows for the log: \(lines[2])")
    }

    func testBrokenLinkAndAnchorAsJSON() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": Self.brokenLinks, "content/practices/aerger.md": Self.aerger])
        let result = try check(site, ["--format", "json"])
        XCTAssertEqual(result.status, 1)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], result.output)
        XCTAssertEqual(report["passed"] as? Bool, false)
        XCTAssertEqual(report["errors"] as? Int, 2)
        XCTAssertNil(report["failedStage"], "the build itself succeeded")
        XCTAssertGreaterThan(report["links"] as? Int ?? 0, 10, "the template's links were followed too")
        let problems = try XCTUnwrap(report["problems"] as? [[String: Any]])
        XCTAssertEqual(problems.map { $0["file"] as? String }, ["content/practices/beispiel.md", "content/practices/beispiel.md"])
        XCTAssertEqual(problems.map { $0["line"] as? Int }, [9, 11])
        XCTAssertEqual(problems.map { $0["severity"] as? String }, ["error", "error"])
        XCTAssertTrue((problems[0]["message"] as? String ?? "").contains("../gibt-es-nicht/"))
        XCTAssertTrue((problems[1]["hint"] as? String ?? "").contains("#was-hilft"))
    }

    func testFrontMatterErrorInEveryFormat() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(extra: "partnrs: [netzwerk]")])

        let text = try check(site)
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.output.contains("error: content/practices/beispiel.md:5: partnrs: is not a known key. Did you mean partners?"), text.output)
        XCTAssertTrue(text.output.contains("the build stopped in stage \"parse\" with 1 error; links were not checked."), text.output)

        let github = try check(site, ["--format", "github"])
        XCTAssertEqual(github.status, 1)
        XCTAssertTrue(github.output.hasPrefix("::error file=content/practices/beispiel.md,line=5,title=praxis check%3A partnrs::partnrs: is not a known key. Did you mean partners?"), github.output)

        let json = try check(site, ["--format", "json"])
        XCTAssertEqual(json.status, 1)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["failedStage"] as? String, "parse")
        let problem = try XCTUnwrap((report["problems"] as? [[String: Any]])?.first)
        XCTAssertEqual(problem["file"] as? String, "content/practices/beispiel.md")
        XCTAssertEqual(problem["line"] as? Int, 5)
        XCTAssertEqual(problem["key"] as? String, "partnrs")
        XCTAssertEqual(problem["severity"] as? String, "error")
        XCTAssertTrue((problem["hint"] as? String ?? "").hasPrefix("Did you mean partners?"))
        XCTAssertFalse(site.exists("public"))
    }

    func testAnExistingOutputFolderIsNotTouched() throws {
        let site = try SiteFixture.make(["content/practices/aerger.md": Self.aerger])
        try PraxisCommand.build(site.url)
        let before = try Snapshot.files(in: site.url.appending(path: "public"))
        let modified = try FileManager.default.attributesOfItem(atPath: site.url.appending(path: "public/index.html").path)[.modificationDate] as? Date
        try site.write(["content/practices/beispiel.md": Self.brokenLinks,
                        "content/practices/neu.md": SiteFixture.practice(title: "Neu")])

        XCTAssertEqual(try check(site).status, 1)
        XCTAssertEqual(try Snapshot.files(in: site.url.appending(path: "public")), before, "public/ keeps every file and byte")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: site.url.appending(path: "public/index.html").path)[.modificationDate] as? Date, modified)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.url.path).sorted(), ["content", "public", "seeds"])
    }

    func testGitHubEscapesPercentSigns() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(body: "[Sicher](../100%25-sicher/)\n")])
        let result = try check(site, ["--format", "github"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("::error file=content/practices/beispiel.md,line=7,title=praxis check::the link \"../100%2525-sicher/\" leads nowhere"),
                      "% in a message is written %25:\n\(result.output)")
        XCTAssertFalse(result.output.split(separator: "\n").first!.contains("\r"))
    }

    func testALinkToADraftIsBrokenUnlessDraftsArePublished() throws {
        let site = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(body: "Bald: [Entwurf](../entwurf/)\n"),
            "content/practices/entwurf.md": SiteFixture.practice(title: "Entwurf", extra: "draft: true"),
        ])
        let published = try check(site)
        XCTAssertEqual(published.status, 1)
        XCTAssertTrue(published.output.contains("content/practices/beispiel.md:7: the link \"../entwurf/\" leads nowhere"), published.output)
        XCTAssertEqual(try check(site, ["--drafts"]).status, 0, "with --drafts the draft is published and the link leads to it")
    }

    func testABrokenLinkOfATemplateIsReportedOnceAgainstTheTemplate() throws {
        let site = try SiteFixture.make(["content/static/logo.png": "png"])
        let theme = site.url.appending(path: "themes/default")
        try FileManager.default.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CatalogueTests.projectRoot.appending(path: "themes/default"), to: theme)
        let footerPath = theme.appending(path: "templates/site-footer.mustache")
        var lines = try String(contentsOf: footerPath, encoding: .utf8).components(separatedBy: "\n")
        let footer = try XCTUnwrap(lines.firstIndex { $0.contains("{{#footerPages}}") })
        lines.insert("<li><a href=\"{{root}}datenschutz/\">Datenschutz</a></li>", at: footer)
        lines.insert("<li><img alt=\"\" srcset=\"{{root}}logo.png 1x, {{root}}logo-2x.png 2x, data:image/png;base64,AA,BB 3x\"></li>", at: footer)
        try lines.joined(separator: "\n").write(to: footerPath, atomically: true, encoding: .utf8)

        let result = try check(site)
        XCTAssertEqual(result.status, 1)
        let errors = result.output.split(separator: "\n").filter { $0.hasPrefix("error:") }
        XCTAssertEqual(errors.count, 2, "one problem for every page the template made, per link:\n\(result.output)")
        let srcset = String(errors[0]), link = String(errors[1])
        XCTAssertTrue(srcset.hasPrefix("error: themes/default/templates/site-footer.mustache:\(footer + 1): made by the theme on "), srcset)
        XCTAssertTrue(srcset.contains("logo-2x.png\" leads nowhere: the site has no page or file /logo-2x.png."),
                      "the 2x image of the srcset is missing, the 1x one and the inline data are fine: \(srcset)")
        XCTAssertTrue(link.hasPrefix("error: themes/default/templates/site-footer.mustache:\(footer + 2): made by the theme on "), link)
        XCTAssertTrue(link.contains("leads nowhere: the site has no page or file /datenschutz/."), link)
        XCTAssertTrue(link.contains("content/pages/<id>.md"), "the hint says how to add the page")
    }

    func testTheCatalogueAndTheRichFixturePass() throws {
        for root in [CatalogueTests.projectRoot, SiteOutputTests.fixture] {
            let result = try PraxisCommand.run(["check", root.path, "--format", "json"])
            XCTAssertEqual(result.status, 0, "\(root.lastPathComponent):\n\(result.output)")
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            XCTAssertEqual((report["problems"] as? [Any])?.count, 0)
            XCTAssertGreaterThan(report["links"] as? Int ?? 0, 500, "every page's links were followed")
        }
    }
}
