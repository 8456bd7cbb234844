import Foundation
import XCTest

/// `@/` links written to attack the page: whatever follows `#`, whatever a static file is
/// called, the address is percent-encoded and escaped, and no link can take another's address.
final class HostileLinkTests: XCTestCase {
    static let target = SiteFixture.practice(title: "Ärger vermeiden", body: "## Was hilft?\n\nText.\n")

    func page(_ body: String, _ extra: [String: String] = [:]) throws -> (TemporaryFolder, String) {
        var files: [String: String?] = ["content/practices/beispiel.md": SiteFixture.practice(body: body),
                                        "content/practices/aerger.md": Self.target]
        for (path, text) in extra { files[path] = text }
        let site = try SiteFixture.make(files)
        try PraxisCommand.build(site.url)
        return (site, try site.read("public/practices/beispiel/index.html"))
    }

    func testFragmentsOfFileLinksAreEncodedNotPasted() throws {
        let attack = "&quot;&gt;&lt;img&#32;src=x&#32;onerror=alert(1)&gt;"
        let (site, html) = try page("""
            [a](@/catalogue.json#\(attack))
            [b](@/catalogue.csv#\(attack))
            [c](@/static/datei.pdf#\(attack))
            [d](<@/static/a"b\\<c\\>.pdf#page=2&zoom=50>)

            """, ["content/static/datei.pdf": "pdf", "content/static/a\"b<c>.pdf": "pdf"])
        let encoded = "#%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"
        for piece in ["<a href=\"../../catalogue.json\(encoded)\">a</a>", "<a href=\"../../catalogue.csv\(encoded)\">b</a>",
                      "<a href=\"../../datei.pdf\(encoded)\">c</a>", "<a href=\"../../a%22b%3Cc%3E.pdf#page=2&amp;zoom=50\">d</a>"] {
            XCTAssertTrue(html.contains(piece), "expected «\(piece)» in\n\(html)")
        }
        XCTAssertFalse(html.contains("<img src=x"), "no markup from a fragment")
        XCTAssertFalse(html.contains("onerror=alert(1)>"), "no markup from a fragment")
        XCTAssertTrue(site.exists("public/a\"b<c>.pdf"), "the file the link names is published under its name")
        let check = try PraxisCommand.run(["check", site.url.path])
        XCTAssertEqual(check.status, 0, "every encoded link leads to its file:\n\(check.output)")
    }

    func testAnEntryFragmentMustBeAHeading() throws {
        let site = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(body: "Text.\n\n[a](@/practices/aerger.md#&quot;&gt;&lt;img&#32;src=x&gt;)\n"),
            "content/practices/aerger.md": Self.target,
        ])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("error: content/practices/beispiel.md:9: the link @/practices/aerger.md#\"><img src=x> points to #\"><img src=x>, which is not a heading there."),
                      result.errors)
        XCTAssertTrue(result.errors.contains("Its headings: #was-hilft."), result.errors)
        XCTAssertFalse(site.exists("public"), "nothing is written")
    }

    func testLinksToEntriesAndHeadingsAndImages() throws {
        let (_, html) = try page("""
            [Abschnitt](@/practices/aerger.md#was-hilft "Titel \\"mit\\" <b>")
            ![Foto "groß" & *klein*](@/static/bilder/foto.png 'Ein <Titel>')
            [![Vorschau](@/static/bilder/foto.png)](@/practices/aerger.md)

            """, ["content/static/bilder/foto.png": "png"])
        for piece in ["<a href=\"../../practices/aerger/#was-hilft\" title=\"Titel &quot;mit&quot; &lt;b&gt;\">Abschnitt</a>",
                      "<img src=\"../../bilder/foto.png\" alt=\"Foto &quot;groß&quot; &amp; klein\" title=\"Ein &lt;Titel&gt;\" />",
                      "<a href=\"../../practices/aerger/\"><img src=\"../../bilder/foto.png\" alt=\"Vorschau\" /></a>"] {
            XCTAssertTrue(html.contains(piece), "expected «\(piece)» in\n\(html)")
        }
    }

    func testAnEditorWrittenPlaceholderStaysInert() throws {
        let (_, html) = try page("""
            [eigen](praxis-ref:0) und [fremd](@/practices/aerger.md) und [roh](<praxis-link:0>)

            <a href="praxis-ref:0">roh</a>

            """)
        XCTAssertTrue(html.contains("<a href=\"praxis-ref:0\">eigen</a>"), "an unknown scheme stays what the editor wrote:\n\(html)")
        XCTAssertTrue(html.contains("<a href=\"../../practices/aerger/\">fremd</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"praxis-link:0\">roh</a>"), html)
        XCTAssertEqual(html.components(separatedBy: "href=\"../../practices/aerger/\"").count - 1, 1, "only the @/ link gets the address")
        XCTAssertFalse(html.contains("<praxis-link"), "no placeholder is left")
    }

    /// A media file's name is a path, not a URL: `#`, `?`, `%` and quotes in it are encoded.
    func testMediaFileNamesAreEncoded() throws {
        let site = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(extra: """
                media:
                  - {type: document, file: "berichte/Bericht #2 \\"100%\\"?.pdf", title: Bericht}
                """),
            "content/static/berichte/Bericht #2 \"100%\"?.pdf": "pdf",
        ])
        try PraxisCommand.build(site.url)
        let html = try site.read("public/practices/beispiel/index.html")
        XCTAssertTrue(html.contains("href=\"../../berichte/Bericht%20%232%20%22100%25%22%3F.pdf\""), html)
        let check = try PraxisCommand.run(["check", site.url.path])
        XCTAssertEqual(check.status, 0, "the encoded address leads to the file:\n\(check.output)")
    }
}
