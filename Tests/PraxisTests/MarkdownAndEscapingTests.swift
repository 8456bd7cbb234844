import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GitHub Flavored Markdown through cmark-gfm, and front-matter text that can never inject markup.
final class MarkdownAndEscapingTests: XCTestCase {
    func testGFMExtensionsAndHeadingIDs() throws {
        let body = """
        ## Übersicht & Ziele

        | Modul | Dauer |
        |---|---|
        | Eins | 2 h |

        ~~alt~~ neu, siehe https://example.org/seite

        - [x] erledigt
        - [ ] offen

        Mit Fußnote.[^1]

        ## Übersicht & Ziele

        <script>alert("x")</script>

        [^1]: Die Fußnote.

        """
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(body: body)])
        try PraxisCommand.build(site.url)
        let html = try site.read("public/practices/beispiel/index.html")
        for piece in ["<h2 id=\"uebersicht-ziele\">Übersicht &amp; Ziele</h2>", "<h2 id=\"uebersicht-ziele-2\">",
                      "<table>", "<td>Eins</td>", "<del>alt</del>", "<a href=\"https://example.org/seite\">",
                      "type=\"checkbox\" checked=\"\" disabled=\"\"", "class=\"footnotes\"", "Die Fußnote."] {
            XCTAssertTrue(html.contains(piece), "expected «\(piece)»")
        }
        XCTAssertFalse(html.contains("<script>alert"), "raw HTML in a body is not passed through")
    }

    func testFrontMatterTextIsEscapedEverywhere() throws {
        let title = #"Böse <script>alert(1)</script> "Anführung" & 'Apostroph'"#
        let summary = #"Zusammenfassung"><img src=x onerror=alert(2)>"#
        let practice = """
        ---
        title: '\(title.replacingOccurrences(of: "'", with: "''"))'
        summary: '\(summary)'
        fields: [bildung-sprache]
        tags: ['<b>fett</b>']
        updated: 2024-05-01
        ---
        Text.

        """
        let site = try SiteFixture.make(["content/practices/beispiel.md": practice])
        try PraxisCommand.build(site.url)
        for page in ["public/practices/beispiel/index.html", "public/fields/bildung-sprache/index.html", "public/index.html",
                     "public/tags/b-fett-b/index.html"] {
            let html = try site.read(page)
            XCTAssertFalse(html.contains("<script>alert"), "\(page): title is escaped")
            XCTAssertFalse(html.contains("<img src=x"), "\(page): summary is escaped")
            XCTAssertFalse(html.contains("<b>fett"), "\(page): tag is escaped")
        }
        let practicePage = try site.read("public/practices/beispiel/index.html")
        XCTAssertTrue(practicePage.contains("Böse &lt;script&gt;alert(1)&lt;/script&gt; &quot;Anführung&quot; &amp; &#39;Apostroph&#39;"))
        XCTAssertTrue(practicePage.contains("content=\"Zusammenfassung&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\""), "escaped in attributes")

        let index = try SearchFiles(site: site.url.appending(path: "public"))
        for file in try FileManager.default.subpathsOfDirectory(atPath: site.url.appending(path: "public/search").path)
        where file.hasSuffix(".json") {
            XCTAssertFalse(try site.read("public/search/" + file).contains("<"), "\(file): no raw markup characters in the search index")
        }
        XCTAssertFalse(try site.read("public/search.json").contains("<"), "no raw markup characters in search.json")
        XCTAssertEqual(index.entry("practices/beispiel/")?.title, title, "the index still holds the exact title")
        XCTAssertEqual(index.entry("practices/beispiel/")?.summary, summary)

        let feed = try site.read("public/feed.xml")
        XCTAssertTrue(feed.contains("<title>Böse &lt;script&gt;alert(1)&lt;/script&gt; &quot;Anführung&quot; &amp; &apos;Apostroph&apos;</title>"))
        let parser = XMLParser(data: Data(feed.utf8))
        XCTAssertTrue(parser.parse(), "feed.xml is well-formed XML")
        XCTAssertTrue(XMLParser(data: Data(try site.read("public/sitemap.xml").utf8)).parse(), "sitemap.xml is well-formed XML")
    }

    func testScriptURLsInFrontMatterAreRejected() throws {
        let site = try SiteFixture.make(["content/partners/netzwerk.md": SiteFixture.partner(title: "N", extra: "url: javascript:alert(1)")])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("content/partners/netzwerk.md:4: url: \"javascript:alert(1)\" is not a web address."), result.errors)
    }

    /// cmark-gfm's checkboxes have no accessible name (axe: critical); Praxis names each by its
    /// item's text, escaped, so a screen reader says the state and the task.
    func testTaskListCheckboxesHaveAccessibleNames() throws {
        let body = """
        - [x] Raum **buchen** & "bestätigen"
        - [ ] Einladung <b>verschicken</b>

        1. [X] Lose Liste

        2. [ ] zweiter Punkt

        """
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(body: body)])
        try PraxisCommand.build(site.url)
        let html = try site.read("public/practices/beispiel/index.html")
        for piece in [
            #"<li><input type="checkbox" checked="" disabled="" aria-label="Raum buchen &amp; &quot;bestätigen&quot;" /> Raum <strong>buchen</strong> &amp; &quot;bestätigen&quot;</li>"#,
            #"<li><input type="checkbox" disabled="" aria-label="Einladung verschicken" /> Einladung <!-- raw HTML omitted -->verschicken<!-- raw HTML omitted --></li>"#,
            #"<p><input type="checkbox" checked="" disabled="" aria-label="Lose Liste" /> Lose Liste</p>"#,
        ] {
            XCTAssertTrue(html.contains(piece), "expected «\(piece)» in\n\(html)")
        }
        XCTAssertEqual(html.components(separatedBy: "type=\"checkbox\"").count - 1, 4)
        XCTAssertEqual(html.components(separatedBy: "disabled=\"\" aria-label=\"").count - 1, 4, "every checkbox has a name")
    }

    /// The characters a title and summary can still hold that need care in XML (a carriage return,
    /// NEL, `&` and `<`; C0 controls, DEL, U+FFFE and U+FFFF are refused by the parse stage, also
    /// written as escapes: HostileFrontMatterTests): feed.xml and sitemap.xml still parse.
    func testFeedStaysWellFormedForAnyTitle() throws {
        let practice = """
        ---
        title: "Titel \\r Ende"
        summary: "Kurz \\x85 & <mehr>"
        fields: [bildung-sprache]
        updated: 2024-05-01
        ---
        Text.

        """
        let site = try SiteFixture.make(["content/practices/beispiel.md": practice])
        try PraxisCommand.build(site.url)
        for file in ["public/feed.xml", "public/sitemap.xml"] {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: site.url.appending(path: file).path))
            let parser = XMLParser(data: data)
            XCTAssertTrue(parser.parse(), "\(file) is well-formed: \(String(describing: parser.parserError))")
        }
        let feed = try site.read("public/feed.xml")
        XCTAssertTrue(feed.contains("<title>Titel &#xD; Ende</title>"), feed)
        XCTAssertTrue(feed.contains("<summary>Kurz \u{85} &amp; &lt;mehr&gt;</summary>"), feed)
    }
}
