import Foundation
@testable import PraxisCore
import XCTest

/// `praxis serve` keeps a model and renders pages from it when they are asked for; this proves,
/// in process, that what it serves is byte for byte what a fresh build makes. Random edits over
/// every key of every entry kind (`KeyEditor`, keys from the parsers' own tables), and after
/// each one the served site (every page rendered from the live model, every file beside them)
/// is compared with `Pipeline.generate` of the same sources; when the sources are broken, both
/// must report the same problems.
final class ServedEqualsBuiltTests: XCTestCase {
    func testRandomKeyEditsOfTheFixtureServeWhatABuildMakes() async throws {
        let site = try TemporaryFolder()
        for folder in ["content", "seeds"] {
            try FileManager.default.copyItem(at: SiteOutputTests.fixture.appending(path: folder), to: site.url.appending(path: folder))
        }
        try copyTheme(to: site)
        // Two practices a page, so that edits move practices between the pages of lists.
        try site.write(["content/site.yaml": try site.read("content/site.yaml") + "page_size: 2\n"])
        try await randomEdits(site.url, seed: ServeTests.seed(11), steps: 80, drafts: true)
    }

    func testRandomKeyEditsOfTheCatalogueServeWhatABuildMakes() async throws {
        let site = try TemporaryFolder()
        for folder in ["content", "seeds"] {
            try FileManager.default.copyItem(at: CatalogueTests.projectRoot.appending(path: folder), to: site.url.appending(path: folder))
        }
        try copyTheme(to: site)
        try await randomEdits(site.url, seed: ServeTests.seed(12), steps: 60, drafts: false)
    }

    func testThemeAndBodyEditsBetweenOtherEditsServeWhatABuildMakes() async throws {
        // A theme edit alone, or an edit below the front matter alone, keeps the resolved
        // catalogue and its pages (LiveSite): each state after one, also after broken sources,
        // a broken template, a broken link or a heading another body links to, must still be a build's.
        let site = try TemporaryFolder()
        for folder in ["content", "seeds"] {
            try FileManager.default.copyItem(at: SiteOutputTests.fixture.appending(path: folder), to: site.url.appending(path: folder))
        }
        try copyTheme(to: site)
        let options = BuildOptions(siteRoot: site.url, output: site.url.appending(path: "public"), includeDrafts: false)
        let live = LiveSite(options)
        try await assertSame(await live.update(.all), options, log: ["first build"])
        let strings = "themes/default/strings/de.yaml", template = "themes/default/templates/practice.mustache"
        let practice = "content/practices/job-coaching.md"
        let other = "content/practices/learning-mentors.md"
        let originalStrings = try site.read(strings), originalTemplate = try site.read(template), originalPractice = try site.read(practice)
        let originalOther = try site.read(other)
        let withHeading = originalPractice + "\n## Neuer Abschnitt\n\nText.\n"
        let steps: [(String, String, String, Bool)] = [
            // (what, file, new text, whether the state is broken)
            ("facet labels renamed", strings, originalStrings.replacingOccurrences(of: "tags: Schlagwörter", with: "tags: Stichwörter")
                .replacingOccurrences(of: "country: Land", with: "country: Staat"), false),
            ("template text", template, originalTemplate + "\n<!-- served -->\n", false),
            ("template broken", template, originalTemplate + "\n{{#unclosed}}\n", true),
            ("template fixed", template, originalTemplate, false),
            ("practice title", practice, originalPractice.replacingOccurrences(of: "title: Job-Coaching im Betrieb", with: "title: Neues Job-Coaching"), false),
            ("practice broken", practice, originalPractice.replacingOccurrences(of: "summary:", with: "summary: [unclosed"), true),
            ("strings while the practice is broken", strings, originalStrings, true),
            ("practice fixed", practice, originalPractice, false),
            ("template after the fix", template, originalTemplate + "\n<!-- again -->\n", false),
            ("body paragraph", practice, originalPractice + "\nNoch ein Absatz.\n", false),
            ("body link to a practice", practice, originalPractice + "\nSiehe [Mentoren](@/practices/learning-mentors.md).\n", false),
            ("body heading", practice, withHeading, false),
            ("other body links to the heading", other, originalOther + "\n[Abschnitt](@/practices/job-coaching.md#neuer-abschnitt)\n", false),
            ("heading renamed under the link", practice, withHeading.replacingOccurrences(of: "Neuer Abschnitt", with: "Anderer Abschnitt"), true),
            ("heading back", practice, withHeading, false),
            ("body link to nothing", practice, withHeading + "\n[Weg](@/practices/gibt-es-nicht.md)\n", true),
            ("body link fixed", practice, withHeading + "\n[Da](@/practices/lernpaten.md)\n", false),
        ]
        var log: [String] = []
        for (what, path, text, broken) in steps {
            try site.write([path: text])
            log.append(what)
            let outcome = await live.update(SourceChanges(paths: [path]))
            XCTAssertEqual(outcome.failure != nil, broken, what)
            try await assertSame(outcome, options, log: log)
        }
    }

    func testPatchedFacetsAndOrderFollowEditsOfTheSameValues() async throws {
        // After an edit of a few practices serve patches the last facets and the order of the
        // practices (FacetSet.patched, PracticeOrder.inserting) instead of grouping and sorting
        // all again. Edits in a row over the same values: a label that only the practice now
        // first gives, a practice moved, added, made a draft, published and removed, a partner
        // renamed under the partners facet, a practice whose title orders another's related list;
        // each state must be a build's.
        let site = try TemporaryFolder()
        for folder in ["content", "seeds"] {
            try FileManager.default.copyItem(at: SiteOutputTests.fixture.appending(path: folder), to: site.url.appending(path: folder))
        }
        let options = BuildOptions(siteRoot: site.url, output: site.url.appending(path: "public"), includeDrafts: false)
        let live = LiveSite(options)
        try await assertSame(await live.update(.all), options, log: ["first build"])
        let mentors = "content/practices/lernpaten.md", cafe = "content/practices/sprachcafe.md", added = "content/practices/neu.md"
        let partner = "content/partners/gdx.md", coaching = "content/practices/job-coaching.md"
        let originalMentors = try site.read(mentors), originalCafe = try site.read(cafe), originalPartner = try site.read(partner)
        let originalCoaching = try site.read(coaching)
        let newPractice = "---\ntitle: Ehrenamtsbörse\nsummary: Neu.\nfields: [bildung-sprache]\nplace: {municipality: Essen, country: DE}\n"
            + "partners: [gdx]\ntags: [ehrenamt, Neu]\n---\nText.\n"
        let steps: [(what: String, path: String, text: String?)] = [
            ("the shared tag spelt another way", cafe, originalCafe.replacingOccurrences(of: "tags: [Sprache, Ehrenamt]", with: "tags: [Sprache, ehrenamt]")),
            // The tag's page is now labelled as the one practice left with it writes it.
            ("the first spelling's practice drops the tag", mentors, originalMentors.replacingOccurrences(of: "tags: [Mentoring, Ehrenamt]", with: "tags: [Mentoring]")),
            ("a title that sorts first", cafe, originalCafe.replacingOccurrences(of: "title: Sprachcafé", with: "title: Aaa Sprachcafé")),
            ("a practice added", added, newPractice),
            ("the added practice a draft", added, newPractice.replacingOccurrences(of: "tags:", with: "draft: true\ntags:")),
            ("published again with other values", added, newPractice.replacingOccurrences(of: "country: DE", with: "country: CA")
                .replacingOccurrences(of: "[ehrenamt, Neu]", with: "[Ehrenamt, Mentoring]")),
            ("the partner renamed", partner, originalPartner.replacingOccurrences(of: "title: Global Diversity Exchange", with: "title: Aaa Exchange")),
            ("the added practice removed", added, nil),
            ("the tag back", mentors, originalMentors),
            ("the title back", cafe, originalCafe),
            // Lernpaten names job-coaching: its related list (rows of Lernpaten and of Sprachcafé,
            // neither edited) is in the order of titles, which this title changes.
            ("a title named by another's related sorts last", coaching,
             originalCoaching.replacingOccurrences(of: "title: Job-Coaching im Betrieb", with: "title: Zzz Job-Coaching")),
            ("that title back", coaching, originalCoaching),
        ]
        var log: [String] = []
        for step in steps {
            if let text = step.text { try site.write([step.path: text]) } else { try FileManager.default.removeItem(at: site.url.appending(path: step.path)) }
            log.append(step.what)
            let outcome = await live.update(SourceChanges(paths: [step.path]))
            XCTAssertNil(outcome.failure, step.what)
            // Each a few entries changed without a problem: the resolve is patched every time.
            XCTAssertTrue(outcome.patched, step.what)
            try await assertSame(outcome, options, log: log)
        }
    }

    func testEveryKeyOfEveryEntryKindIsEdited() throws {
        // The editor walks the parsers' tables: nested keys (place.country, media[].credit) too.
        var problems = Problems()
        let file = try SourceFile.read(CatalogueTests.projectRoot.appending(path: "content/site.yaml"), path: "content/site.yaml").get()
        let parser = EntryParser(site: try XCTUnwrap(SiteConfig.parse(file, baseURLOverride: nil, problems: &problems)))
        let practice = KeyEditor.keyPaths(parser.keys(of: .practice))
        for key in ["title", "year", "contact.email", "media[].credit", "translations", "lang", "place.country", "fields"] {
            XCTAssertTrue(practice.contains(key), key)
        }
        XCTAssertTrue(KeyEditor.keyPaths(parser.keys(of: .day)).contains("materials[].file"))
    }

    // MARK: Helpers

    private func copyTheme(to site: TemporaryFolder) throws {
        try FileManager.default.createDirectory(at: site.url.appending(path: "themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CatalogueTests.projectRoot.appending(path: "themes/default"),
                                         to: site.url.appending(path: "themes/default"))
    }

    private func randomEdits(_ root: URL, seed: UInt64, steps: Int, drafts: Bool) async throws {
        let options = BuildOptions(siteRoot: root, output: root.appending(path: "public"), includeDrafts: drafts)
        let live = LiveSite(options)
        var outcome = await live.update(.all)
        try await assertSame(outcome, options, log: ["first build"])
        var editor = try KeyEditor(root: root, seed: seed)
        var broken = 0, good = 0, patched = 0
        for _ in 1...steps {
            let touched = try editor.step()
            outcome = await live.update(SourceChanges(paths: touched))
            try await assertSame(outcome, options, log: editor.log)
            if outcome.patched { patched += 1 }
            if outcome.failure == nil {
                good += 1
            } else {
                // Back to a good state, as an editor would fix a mistake; that state is compared too.
                broken += 1
                outcome = await live.update(SourceChanges(paths: try editor.undo()))
                try await assertSame(outcome, options, log: editor.log)
                if outcome.patched { patched += 1 }
            }
        }
        // Both kinds of state must have come up, or the comparison proved little; and the
        // patched resolve (Resolver+Patch) must have made some of the good ones.
        XCTAssertGreaterThan(good, steps / 4, "too few good states")
        XCTAssertGreaterThan(broken, 0, "no broken state")
        XCTAssertGreaterThan(patched, steps / 8, "too few states made by the patched resolve")
    }

    /// The served state equals a fresh build of the sources: every file, or the same problems.
    private func assertSame(_ outcome: LiveSite.Outcome, _ options: BuildOptions, log: [String],
                            file: StaticString = #filePath, line: UInt = #line) async throws {
        let context = log.suffix(8).joined(separator: "\n")
        let built: GeneratedSite
        do {
            built = try await Pipeline.generate(options)
        } catch let failure as BuildFailure {
            XCTAssertEqual(outcome.failure?.diagnostics.map(\.description), failure.diagnostics.map(\.description),
                           "the build failed, serve must report the same:\n\(context)", file: file, line: line)
            return
        }
        XCTAssertNil(outcome.failure, "serve failed where the build succeeded:\n\(context)", file: file, line: line)
        guard outcome.failure == nil, let site = outcome.site else { return }
        let served = try await site.allFiles()
        let builtFiles = Dictionary(built.files.map { ($0.path, $0.data) }, uniquingKeysWith: { _, later in later })
        XCTAssertEqual(Set(served.keys).symmetricDifference(builtFiles.keys).sorted(), [],
                       "paths differ:\n\(context)", file: file, line: line)
        let differing = builtFiles.keys.sorted().filter { served[$0] != nil && served[$0] != builtFiles[$0] }
        if let first = differing.first {
            XCTFail("\(differing.count) files differ, first \(first):\n\(context)\n"
                    + ServeTests.firstDifference(served[first]!, builtFiles[first]!), file: file, line: line)
        }
        XCTAssertEqual(site.copyPaths, built.copies.map(\.to).sorted(), "static copies:\n\(context)", file: file, line: line)
        // The server finds a page through its index (patched from the last map): exactly the pages built.
        let pages = Set(builtFiles.keys.filter { $0.hasSuffix("index.html") || $0 == "404.html" })
        XCTAssertEqual(site.map.indexedPaths.symmetricDifference(pages).sorted(), [], "page index:\n\(context)", file: file, line: line)
        // Pages are rendered when asked for: one fetched through the server's own lookup is the same.
        if let path = builtFiles.keys.sorted().first(where: { $0.hasSuffix("index.html") }),
           case .data(let data)? = try await site.file(at: path) {
            XCTAssertEqual(data, builtFiles[path], path, file: file, line: line)
        }
    }
}
