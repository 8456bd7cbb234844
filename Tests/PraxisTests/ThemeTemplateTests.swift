import Foundation
import XCTest

/// How the render stage uses a theme's templates: the pieces rendered once per build and reused
/// (`site-header`, `site-footer`, `practice-card`, `related-card`) give the same pages as writing them into the pages' templates, and
/// a theme without those templates still builds; template errors name their own line.
final class ThemeTemplateTests: XCTestCase {
    static let theme = CatalogueTests.projectRoot.appending(path: "themes/default")

    /// The default theme as it was before the shared pieces: the site header and footer written into
    /// base.mustache, the card into practice-list.mustache, the related entry into practice.mustache,
    /// all looped over on every page.
    func testAThemeWithoutTheSharedPieceTemplatesRendersTheSamePages() throws {
        let folder = try TemporaryFolder()
        let withPieces = folder.url.appending(path: "with-pieces"), inline = folder.url.appending(path: "inline")
        try PraxisCommand.build(SiteOutputTests.fixture, output: withPieces)

        let site = folder.url.appending(path: "site")
        try copyFixtureWithDefaultTheme(to: site)
        let templates = site.appending(path: "themes/default/templates")
        let header = try withoutLeadingComment(read(templates.appending(path: "site-header.mustache")))
        let footer = try withoutLeadingComment(read(templates.appending(path: "site-footer.mustache")))
        let card = try withoutLeadingComment(read(templates.appending(path: "practice-card.mustache")))
        let related = try withoutLeadingComment(read(templates.appending(path: "related-card.mustache")))
        let languages = try withoutLeadingComment(read(templates.appending(path: "language-switch.mustache")))
        try replace("{{{relatedCards}}}", with: "{{#related}}\(related){{/related}}", in: templates.appending(path: "practice.mustache"))
        try replace("{{{siteHeader}}}\n", with: header + "\n", in: templates.appending(path: "base.mustache"))
        try replace("{{{siteFooter}}}\n", with: footer + "\n", in: templates.appending(path: "base.mustache"))
        try replace("{{#languageSwitch}}\n{{{languageSwitch}}}\n{{/languageSwitch}}\n", with: "{{#hasLanguages}}\n\(languages)\n{{/hasLanguages}}\n",
                    in: templates.appending(path: "base.mustache"))
        try "<ul class=\"cards\">\n{{#practices}}\(card){{/practices}}\n</ul>\n"
            .write(to: templates.appending(path: "practice-list.mustache"), atomically: true, encoding: .utf8)
        for piece in ["site-header", "site-footer", "practice-card", "related-card", "language-switch"] {
            try FileManager.default.removeItem(at: templates.appending(path: "\(piece).mustache"))
        }
        try PraxisCommand.build(site, output: inline)

        let pages = try LinkChecker.htmlFiles(in: withPieces)
        XCTAssertGreaterThan(pages.count, 20)
        XCTAssertEqual(pages, try LinkChecker.htmlFiles(in: inline))
        for page in pages {
            let expected = try read(inline.appending(path: page)), actual = try read(withPieces.appending(path: page))
            XCTAssertEqual(actual, expected, "\(page) differs between the shared pieces and the inline templates")
        }
        let list = try read(withPieces.appending(path: "fields/bildung-sprache/index.html"))
        XCTAssertTrue(list.contains("<li class=\"card\">\n<h2><a href=\"../../practices/"), "the facet page lists its practices as h2 cards")
        XCTAssertTrue(list.contains("aria-current=\"page\"") || list.contains("class=\"in-section\""), "the menu marks the section")
    }

    /// A card is rendered once for all link depths only when its template prints the root as it is;
    /// a card that transforms its link (here: reversed) is rendered for each depth, so every list
    /// page, at every depth, shows the transform of its own link.
    func testACardThatTransformsItsLinkIsRenderedForEachLinkDepth() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appending(path: "site"), output = folder.url.appending(path: "public")
        try copyFixtureWithDefaultTheme(to: site)
        try replace("<a href=\"{{url}}\"", with: "<a href=\"{{url}}\" data-reversed=\"{{reversed(url)}}\"",
                    in: site.appending(path: "themes/default/templates/practice-card.mustache"))
        try PraxisCommand.build(site, output: output)

        let link = try NSRegularExpression(pattern: "<a href=\"([^\"]*)\" data-reversed=\"([^\"]*)\"")
        var depths = Set<Int>()
        for page in try LinkChecker.htmlFiles(in: output) {
            let html = try read(output.appending(path: page))
            for match in link.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let url = String(html[Range(match.range(at: 1), in: html)!]), reversed = String(html[Range(match.range(at: 2), in: html)!])
                XCTAssertEqual(reversed, String(url.reversed()), "\(page): the card's link and its reversed form disagree")
                depths.insert(url.components(separatedBy: "../").count - 1)
            }
        }
        XCTAssertGreaterThanOrEqual(depths.count, 2, "cards at several link depths: \(depths.sorted())")
    }

    /// A theme's template may use any Mustache feature and it means what it means in Mustache (a
    /// guard for any change to how the renderer drives swift-mustache, such as the shared cards):
    /// names looked up through the enclosing sections, dotted and `.`-prefixed names, list
    /// positions (`first()`, `index()`, `last()`), transforms, sections and inverted sections on
    /// text and on missing names, escaped and raw values, indented partials (also inside a list),
    /// a partial named by a value (`lang` is not a template name's text here, so it renders
    /// nothing), and a content type that stops the escaping for the rest of the template.
    /// (The expected text is what swift-mustache's own renderer gave for this template.)
    func testUnusualMustacheFeaturesInAThemeRenderAsInMustache() throws {
        let folder = try TemporaryFolder()
        let site = folder.url.appending(path: "site"), output = folder.url.appending(path: "public")
        try copyFixtureWithDefaultTheme(to: site)
        let templates = site.appending(path: "themes/default/templates")
        let page = """
            {{<base}}{{$main}}
            <h1>{{title}}</h1>
            <p id="walk">{{#breadcrumbs}}{{#first()}}first {{/first()}}{{index()}}={{label}}/{{lang}}{{^last()}}, {{/last()}}{{/breadcrumbs}}</p>
            <p id="dots">{{site.title}}|{{site.nothing.more}}|{{.title}}|{{#site}}{{.title}}{{/site}}</p>
            <p id="text-section">{{#title}}[{{title}}]{{/title}}{{^title}}no title{{/title}}{{^nothing}}none{{/nothing}}{{#nothing}}never{{/nothing}}</p>
            <p id="transforms">{{uppercased(title)}}|{{reversed(lang)}}|{{count(breadcrumbs)}}|{{empty(footerPages)}}|{{lowercased(nothing)}}</p>
            <p id="escaping">{{summary}}|{{{summary}}}|{{&summary}}</p>
            <p id="count">{{#breadcrumbsCount}}{{breadcrumbsCount}}{{/breadcrumbsCount}}</p>
            <ul>
              {{>snippet}}
            </ul>
            {{#footerPages}}
              {{>snippet}}
            {{/footerPages}}
            <p id="dynamic">{{>*lang}}</p>
            {{%CONTENT_TYPE: TEXT}}
            <p id="text">{{summary}}</p>
            {{/main}}{{/base}}

            """
        try page.write(to: templates.appending(path: "page.mustache"), atomically: true, encoding: .utf8)
        try "<li>{{title}}</li>\n<li>{{#current}}current{{/current}}{{^current}}{{url}}{{/current}}</li>\n"
            .write(to: templates.appending(path: "snippet.mustache"), atomically: true, encoding: .utf8)
        try "german {{title}}\n".write(to: templates.appending(path: "de.mustache"), atomically: true, encoding: .utf8)
        try replace("\nsummary: Worum es hier geht.\n", with: "\nsummary: \"Worum es <hier> geht & 'warum'.\"\n",
                    in: site.appending(path: "content/pages/about.md"))
        try PraxisCommand.build(site, output: output)

        let html = try read(output.appending(path: "about/index.html"))
        let expected = """
            <main id="main_content" class="wrap" tabindex="-1">
            <h1>Über den Katalog</h1>
            <p id="walk">first 0=Start/de, 1=Über den Katalog/de</p>
            <p id="dots">Fixture-Katalog||Über den Katalog|Fixture-Katalog</p>
            <p id="text-section">[Über den Katalog]none</p>
            <p id="transforms">ÜBER DEN KATALOG|ed|2|false|</p>
            <p id="escaping">Worum es &lt;hier&gt; geht &amp; &#39;warum&#39;.|Worum es <hier> geht & 'warum'.|Worum es <hier> geht & 'warum'.</p>
            <p id="count">2</p>
            <ul>
              <li>Über den Katalog</li>
              <li></li>
            </ul>
              <li>Über den Katalog</li>
              <li>../about/</li>
            <p id="dynamic"></p>
            <p id="text">Worum es <hier> geht & 'warum'.</p>

            </main>
            """
        guard let start = html.range(of: "<main "), let end = html.range(of: "</main>") else {
            return XCTFail("no main element in about/index.html:\n\(html)")
        }
        XCTAssertEqual(String(html[start.lowerBound..<end.upperBound]), expected)
    }

    func testAnErrorInASiteTemplateNamesItsLine() throws {
        let site = try SiteFixture.make()
        try FileManager.default.createDirectory(at: site.url.appending(path: "themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.theme, to: site.url.appending(path: "themes/default"))
        try site.write(["themes/default/templates/page.mustache": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{/nothing}}\n{{/main}}{{/base}}\n"])
        let result = try PraxisCommand.run(["build", site.url.path, "--output", site.url.appending(path: "public").path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("themes/default/templates/page.mustache:3:"), result.errors)
        XCTAssertTrue(result.errors.contains("is not a valid Mustache template"), result.errors)
    }

    private func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Replaces `old` in `file` with `new`; fails the test where it is called when `file` does not
    /// hold `old` (the edit would otherwise change nothing, and the test prove nothing).
    private func replace(_ old: String, with new: String, in file: URL, line: UInt = #line) throws {
        let text = try read(file)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) does not hold \(old)", line: line)
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The rich fixture at `site`, with the default theme copied into its `themes/` to be edited.
    private func copyFixtureWithDefaultTheme(to site: URL) throws {
        try FileManager.default.copyItem(at: SiteOutputTests.fixture, to: site)
        try FileManager.default.createDirectory(at: site.appending(path: "themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.theme, to: site.appending(path: "themes/default"))
    }

    /// The text after a `{{! … }}` comment that stands on the first lines.
    private func withoutLeadingComment(_ text: String) -> String {
        guard text.hasPrefix("{{!"), let end = text.range(of: "}}\n") else { return text }
        return String(text[end.upperBound...])
    }
}
