import Foundation
import XCTest

/// site.yaml's texts per language, `fallback:` and the theme's interface texts per language:
/// a map of languages gives the default language's pages exactly the texts a plain text gives,
/// and every mistake (a language not declared, no default text, an unknown fallback, a strings
/// file without a key another language's file has) is an error naming the file and line.
final class LanguageConfigTests: XCTestCase {
    /// The rich fixture's site.yaml with its texts written as maps with English beside the German.
    static let siteYAMLWithMaps = """
        title: {de: Fixture-Katalog, en: Fixture Catalogue}
        description:
          de: Ein Katalog zum Testen.
          en: A catalogue for testing.
        base_url: https://example.org/sub/pfad/
        language: de
        languages: [de, en]
        facets:
          fields:
            label: {de: Handlungsfeld, en: Field of action}
            values:
              bildung-sprache: {de: Bildung und Sprache, en: Education and language}
              arbeit-ausbildung: {en: Work and training, de: Arbeit und Ausbildung}
          target_groups:
            label:
              de: Zielgruppe
              en: Target group
            values: { gefluechtete: {de: Geflüchtete, en: Refugees}, unternehmen: Unternehmen }

        """

    func testTextsPerLanguageGiveTheDefaultLanguagesPagesTheTextsOfPlainTexts() throws {
        let folder = try TemporaryFolder()
        let plain = folder.url.appending(path: "plain"), maps = folder.url.appending(path: "maps")
        try PraxisCommand.build(SiteOutputTests.fixture, output: plain)
        let site = folder.url.appending(path: "site")
        try FileManager.default.copyItem(at: SiteOutputTests.fixture, to: site)
        try Self.siteYAMLWithMaps.write(to: site.appending(path: "content/site.yaml"), atomically: true, encoding: .utf8)
        try PraxisCommand.build(site, output: maps)

        // The default language's pages; pages under /en/ are the English ones.
        let pages = try LinkChecker.htmlFiles(in: plain).filter { !$0.hasPrefix("en/") }
        XCTAssertGreaterThan(pages.count, 20)
        XCTAssertEqual(try LinkChecker.htmlFiles(in: maps).filter { !$0.hasPrefix("en/") }, pages)
        for page in pages {
            let expected = try String(contentsOf: plain.appending(path: page), encoding: .utf8)
            let actual = try String(contentsOf: maps.appending(path: page), encoding: .utf8)
            XCTAssertEqual(actual, expected, "\(page) differs between plain texts and texts per language")
            for english in ["Fixture Catalogue", "A catalogue for testing", "Field of action", "Education and language", "Work and training", "Refugees"] {
                XCTAssertFalse(actual.contains(english), "\(page) shows the English «\(english)»")
            }
        }
        let facetPage = try String(contentsOf: maps.appending(path: "fields/bildung-sprache/index.html"), encoding: .utf8)
        assertContains(facetPage, ["Bildung und Sprache", "Fixture-Katalog"])
    }

    func testATextInALanguageTheSiteDoesNotDeclareNamesTheLineAndTheAllowedLanguages() throws {
        let yaml = SiteFixture.siteYAML.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [de, en]\n")
            .replacingOccurrences(of: "    label: Handlungsfeld\n", with: "    label: {de: Handlungsfeld, en: Field of action, fr: Domaine}\n")
        let errors = try failingBuild(siteYAML: yaml)
        assertContains(errors, ["content/site.yaml:\(line(of: "    label: {de: Handlungsfeld", in: yaml)): facets.fields.label.fr: \"fr\" is not a language of this site.",
                                "Allowed: de, en (languages: in content/site.yaml)."])
        XCTAssertFalse(errors.contains("label.en"), "en is declared:\n\(errors)")

        // Without languages:, the site has only its default language.
        let single = SiteFixture.siteYAML.replacingOccurrences(of: "title: Testkatalog\n", with: "title:\n  de: Testkatalog\n  en: Test catalogue\n")
        let singleErrors = try failingBuild(siteYAML: single)
        assertContains(singleErrors, ["content/site.yaml:3: title.en: \"en\" is not a language of this site.", "Allowed: de (languages:",
                                      "add it there: languages: [de, en]."])
    }

    func testATextWithoutTheDefaultLanguageNamesItsLine() throws {
        let yaml = SiteFixture.siteYAML.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [de, en]\n")
            .replacingOccurrences(of: "      arbeit-ausbildung: Arbeit und Ausbildung\n", with: "      arbeit-ausbildung: {en: Work and training}\n")
        let errors = try failingBuild(siteYAML: yaml)
        assertContains(errors, ["content/site.yaml:\(line(of: "      arbeit-ausbildung:", in: yaml)): facets.fields.values.arbeit-ausbildung: has no text in de, the default language.",
                                "Add de: with the de text"])
    }

    func testALabelOfTheWrongShapeSaysWhatIsAllowed() throws {
        let yaml = SiteFixture.siteYAML.replacingOccurrences(of: "    label: Zielgruppe\n", with: "    label: [Zielgruppe, Target group]\n")
        let errors = try failingBuild(siteYAML: yaml)
        assertContains(errors, ["content/site.yaml:\(line(of: "    label: [Zielgruppe", in: yaml)): facets.target_groups.label: expected a text, or a map of languages to texts",
                                "found a list."])
    }

    func testFallbackIsShowOrHide() throws {
        let yaml = SiteFixture.siteYAML + "fallback: maybe\n"
        let errors = try failingBuild(siteYAML: yaml)
        assertContains(errors, ["content/site.yaml:\(line(of: "fallback: maybe", in: yaml)): fallback: \"maybe\" is not a fallback.",
                                "Allowed: show (", ") or hide ("])

        let site = try SiteFixture.make(["content/site.yaml": SiteFixture.siteYAML + "languages: [de, en]\nfallback: show\n"])
        let result = try PraxisCommand.build(site.url)
        XCTAssertFalse(result.errors.contains("fallback"), result.errors)
    }

    func testASiteThemeNeedsTheSameStringsInEveryDeclaredLanguage() throws {
        let site = try SiteFixture.make()
        let strings = try themeCopy(in: site).appending(path: "strings")
        try remove(lines: ["search-button:", "print:"], from: strings.appending(path: "en.yaml"))
        try remove(lines: ["feed:"], from: strings.appending(path: "de.yaml"))
        let declared = SiteFixture.siteYAML + "theme: eigen\nlanguages: [de, en]\n"

        let errors = try failingBuild(siteYAML: declared, site: site)
        assertContains(errors, ["themes/eigen/strings/en.yaml: print: is missing. strings/de.yaml has it;",
                                "themes/eigen/strings/en.yaml: search-button: is missing.",
                                "themes/eigen/strings/de.yaml: feed: is missing. strings/en.yaml has it;"])
        let order = ["strings/de.yaml: feed:", "strings/en.yaml: print:", "strings/en.yaml: search-button:"].map { errors.range(of: $0)?.lowerBound }
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "sorted by file, then key:\n\(errors)")

        // A site in German only compares no other language's file.
        try site.write(["content/site.yaml": SiteFixture.siteYAML + "theme: eigen\nlanguages: [de]\n"])
        let result = try PraxisCommand.build(site.url)
        XCTAssertFalse(result.errors.contains("strings/"), result.errors)
    }

    func testASiteThemeWithoutTheStringsOfADeclaredLanguageNamesTheFile() throws {
        let site = try SiteFixture.make()
        let theme = try themeCopy(in: site)
        try FileManager.default.removeItem(at: theme.appending(path: "strings/en.yaml"))
        let errors = try failingBuild(siteYAML: SiteFixture.siteYAML + "theme: eigen\nlanguages: [de, en]\n", site: site)
        assertContains(errors, ["themes/eigen/strings/en.yaml: is missing: content/site.yaml declares the language en (languages: de, en).",
                                "Copy strings/de.yaml and translate its texts."])
    }

    // MARK: - Helpers

    /// Builds `site` (the minimal fixture when nil) as it is, writes `siteYAML`, builds again:
    /// the build must fail and leave public/ as it was. Returns stderr.
    private func failingBuild(siteYAML: String, site: TemporaryFolder? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let site = try site ?? SiteFixture.make()
        try PraxisCommand.build(site.url, file: file, line: line)
        let before = try Snapshot.files(in: site.url.appending(path: "public"))
        try site.write(["content/site.yaml": siteYAML])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1, "the build must fail", file: file, line: line)
        XCTAssertTrue(result.errors.contains("was not changed"), result.errors, file: file, line: line)
        XCTAssertEqual(try Snapshot.files(in: site.url.appending(path: "public")), before, "public/ is exactly as before", file: file, line: line)
        return result.errors
    }

    /// The default theme copied to `themes/eigen/` of `site`.
    private func themeCopy(in site: TemporaryFolder) throws -> URL {
        let theme = site.url.appending(path: "themes/eigen")
        try FileManager.default.createDirectory(at: site.url.appending(path: "themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ThemeTemplateTests.theme, to: theme)
        return theme
    }

    /// Deletes the lines starting with each of `prefixes`, each of which must be there.
    private func remove(lines prefixes: [String], from file: URL, line: UInt = #line) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        for prefix in prefixes {
            let count = lines.count
            lines.removeAll { $0.hasPrefix(prefix) }
            XCTAssertEqual(lines.count, count - 1, "\(file.lastPathComponent) has one line \(prefix)", line: line)
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    /// The 1-based line of `yaml` that starts with `prefix`.
    private func line(of prefix: String, in yaml: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        let lines = yaml.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            XCTFail("no line starts with «\(prefix)»", file: file, line: line)
            return 0
        }
        return index + 1
    }
}
