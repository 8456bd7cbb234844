import Foundation
import XCTest

/// catalogue.json and catalogue.csv: the published practices as data, linked from content with `@/`.
final class OpenDataTests: XCTestCase {
    /// Two published practices (one with a title that tries to inject script, one with every
    /// kind of cell a spreadsheet could misread), a draft, and a partner with a website.
    func makeSite() throws -> TemporaryFolder {
        try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(title: "'Sprache \"<script>alert(1)</script>\" & mehr'", extra: """
                partners: [netzwerk]
                sources: [quelle]
                target_groups: [gefluechtete, unternehmen]
                place: {municipality: Köln, country: DE}
                tags: [Ehrenamt, "Schule, Beruf"]
                year: 2016
                related: [formel, entwurf]
                contact: {name: Eva Muster, email: eva@example.org}
                media:
                  - {type: image, file: bilder/karte.svg, title: Karte, credit: © Stadt}
                """),
            "content/practices/formel.md": """
                ---
                title: "=HYPERLINK(\\"https://evil.example\\",\\"Klick\\")"
                summary: "-1+1 ergibt \\"null\\", sagt man.\\nZweite Zeile."
                fields: [arbeit-ausbildung]
                tags: ["@wichtig", "+plus"]
                ---
                Text.

                """,
            "content/practices/entwurf.md": SiteFixture.practice(title: "Geheimer Entwurf", extra: "draft: true\npartners: [netzwerk]"),
            "content/partners/netzwerk.md": SiteFixture.partner(title: "Ein Netzwerk", extra: "url: https://netzwerk.example/"),
            "content/static/bilder/karte.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
    }

    func record(_ catalogue: [String: Any], _ id: String) -> [String: Any]? {
        (catalogue["practices"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    func testCatalogueJSONHasEveryKeyResolvedPartnersAndNoDrafts() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        let data = try Data(contentsOf: site.url.appending(path: "public/catalogue.json"))
        let catalogue = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(catalogue["version"] as? Int, 1)
        XCTAssertEqual((catalogue["site"] as? [String: Any])?["url"] as? String, "https://example.org/katalog/")
        let fields = (catalogue["facets"] as? [String: Any])?["fields"] as? [String: Any]
        XCTAssertEqual((fields?["values"] as? [String: String])?["bildung-sprache"], "Bildung und Sprache", "labels of the vocabularies")

        let practices = try XCTUnwrap(catalogue["practices"] as? [[String: Any]])
        XCTAssertEqual(practices.map { $0["id"] as? String }, ["beispiel", "formel"], "published practices in id order, the draft left out")
        XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("entwurf"), "not even a reference names the draft")

        let beispiel = try XCTUnwrap(record(catalogue, "beispiel"))
        XCTAssertEqual(beispiel["url"] as? String, "https://example.org/katalog/practices/beispiel/")
        XCTAssertEqual(beispiel["title"] as? String, "Sprache \"<script>alert(1)</script>\" & mehr")
        XCTAssertEqual(beispiel["fields"] as? [String], ["bildung-sprache"])
        XCTAssertEqual(beispiel["target_groups"] as? [String], ["gefluechtete", "unternehmen"])
        let place = try XCTUnwrap(beispiel["place"] as? [String: Any])
        XCTAssertEqual(place["municipality"] as? String, "Köln")
        XCTAssertEqual(place["country"] as? String, "DE")
        XCTAssertTrue(place["state"] is NSNull, "a key the entry leaves out is null")
        XCTAssertEqual(beispiel["tags"] as? [String], ["Ehrenamt", "Schule, Beruf"])
        XCTAssertEqual(beispiel["year"] as? Int, 2016)
        XCTAssertEqual(beispiel["related"] as? [String], ["formel"])
        XCTAssertEqual(beispiel["sources"] as? [String], ["quelle"])
        XCTAssertEqual((beispiel["contact"] as? [String: Any])?["email"] as? String, "eva@example.org")
        XCTAssertEqual((beispiel["media"] as? [[String: Any]])?.first?["file"] as? String, "bilder/karte.svg")
        XCTAssertEqual(beispiel["lang"] as? String, "de")
        XCTAssertEqual(beispiel["draft"] as? Bool, false)
        let partners = try XCTUnwrap(beispiel["partners"] as? [[String: String]])
        XCTAssertEqual(partners, [["id": "netzwerk", "title": "Ein Netzwerk", "url": "https://example.org/katalog/partners/netzwerk/",
                                   "website": "https://netzwerk.example/"]])

        // Every record has every key, null or empty where the entry has nothing.
        let formel = try XCTUnwrap(record(catalogue, "formel"))
        XCTAssertEqual(Set(formel.keys), Set(beispiel.keys))
        for key in ["place", "year", "updated", "contact"] { XCTAssertTrue(formel[key] is NSNull, key) }
        for key in ["partners", "related", "media", "sources", "target_groups"] { XCTAssertEqual((formel[key] as? [Any])?.count, 0, key) }
        XCTAssertEqual((formel["translations"] as? [String: Any])?.count, 0)
    }

    func testCatalogueJSONEscapesMarkupAndIsTheSameOnEveryBuild() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        let first = try Data(contentsOf: site.url.appending(path: "public/catalogue.json"))
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains(#""title" : "Sprache \"\u003cscript\u003ealert(1)\u003c/script\u003e\" \u0026 mehr""#), "written as search.json writes it")
        XCTAssertFalse(text.contains("<"), "no < anywhere in the file")
        XCTAssertFalse(text.contains("&"))
        try PraxisCommand.build(site.url)
        XCTAssertEqual(try Data(contentsOf: site.url.appending(path: "public/catalogue.json")), first, "byte-identical")
    }

    /// The layout readers diff line by line: keys of every map in byte order (facets among the
    /// fixed keys), one key or element a line, two spaces per level, empty lists and maps as
    /// an opening line, an empty line and a closing line, JSON escapes for quotes, backslashes
    /// and line breaks, no line break at the end.
    func testCatalogueJSONLayoutIsSortedPrettyAndEscaped() throws {
        let site = try SiteFixture.make([
            "content/practices/zeichen.md": """
                ---
                title: 'Ein \\ Schrägstrich / und "Zitat"'
                summary: "Zwei\\nZeilen"
                fields: [bildung-sprache]
                ---
                Text.

                """,
        ])
        try PraxisCommand.build(site.url)
        let text = try site.read("public/catalogue.json")
        XCTAssertTrue(text.contains(#"      "title" : "Ein \\ Schrägstrich / und \"Zitat\"","#), "backslash and quote escaped, the slash not")
        XCTAssertTrue(text.contains(#"      "summary" : "Zwei\nZeilen","#))
        XCTAssertTrue(text.contains("      \"media\" : [\n\n      ],\n"), "an empty list")
        XCTAssertTrue(text.contains("      \"translations\" : {\n\n      },\n"), "an empty map")
        XCTAssertTrue(text.hasPrefix("{\n  \"facets\" : {\n"))
        XCTAssertTrue(text.hasSuffix("\n  \"version\" : 1\n}"), "no line break after the last brace")
        let practices = try XCTUnwrap(text.components(separatedBy: "\n  \"practices\" : [\n").last)
        let firstRecord = try XCTUnwrap(practices.components(separatedBy: "\n    },\n").first)
        let recordKeys = firstRecord.split(separator: "\n").filter { $0.hasPrefix("      \"") }.map { line in
            String(line.dropFirst(7).prefix { $0 != "\"" })
        }
        XCTAssertEqual(recordKeys.first, "contact")
        XCTAssertTrue(recordKeys.contains("fields") && recordKeys.contains("target_groups"), "one key per facet")
        XCTAssertEqual(recordKeys, recordKeys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "keys in byte order")
    }

    func testDraftsAreInTheOpenDataOnlyWithTheDraftsFlag() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url, extra: ["--drafts"])
        let data = try Data(contentsOf: site.url.appending(path: "public/catalogue.json"))
        let catalogue = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(record(catalogue, "entwurf")?["draft"] as? Bool, true)
        XCTAssertEqual(record(catalogue, "beispiel")?["related"] as? [String], ["formel", "entwurf"])
        XCTAssertTrue(try site.read("public/catalogue.csv").contains("\r\nentwurf,"))
    }

    func testCatalogueCSVQuotesCellsAndGuardsAgainstFormulas() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        let data = try Data(contentsOf: site.url.appending(path: "public/catalogue.csv"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with a byte order mark, so Excel reads umlauts")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\r\n"), "every line ends with CR LF")
        XCTAssertTrue(text.contains(",\"Sprache \"\"<script>alert(1)</script>\"\" & mehr\","), "plain text, quotes doubled inside a quoted cell")

        let rows = CSVReader.rows(text)
        XCTAssertEqual(rows.count, 3, "a header and one row per published practice")
        let header = rows[0]
        XCTAssertEqual(Array(header.prefix(7)), ["id", "group", "url", "title", "summary", "fields", "target_groups"],
                       "id, translation group and url, then front-matter keys, facets in site.yaml order")
        XCTAssertTrue(header.contains("place.municipality") && header.contains("contact.email") && header.contains("translations"))
        XCTAssertTrue(rows.allSatisfy { $0.count == header.count }, "every row has every column")
        func cell(_ row: Int, _ column: String) -> String { rows[row][header.firstIndex(of: column)!] }

        XCTAssertEqual(cell(1, "id"), "beispiel")
        XCTAssertEqual(cell(1, "title"), "Sprache \"<script>alert(1)</script>\" & mehr", "quotes survive the round trip")
        XCTAssertEqual(cell(1, "tags"), "Ehrenamt; Schule, Beruf", "lists joined with \"; \", a comma inside is quoted")
        XCTAssertEqual(cell(1, "target_groups"), "gefluechtete; unternehmen")
        XCTAssertEqual(cell(1, "place.municipality"), "Köln")
        XCTAssertEqual(cell(1, "partners"), "netzwerk")
        XCTAssertEqual(cell(1, "media"), "https://example.org/katalog/bilder/karte.svg", "a file is given as its address")
        XCTAssertEqual(cell(1, "year"), "2016")
        XCTAssertEqual(cell(1, "draft"), "false")

        XCTAssertEqual(cell(2, "title"), "'=HYPERLINK(\"https://evil.example\",\"Klick\")", "a formula becomes text")
        XCTAssertEqual(cell(2, "summary"), "'-1+1 ergibt \"null\", sagt man.\nZweite Zeile.", "line breaks stay inside the quoted cell")
        XCTAssertEqual(cell(2, "tags"), "'@wichtig; +plus", "only the start of a cell matters")
    }

    func testContentLinksToTheOpenDataWithAtLinks() throws {
        let site = try SiteFixture.make([
            "content/pages/daten.md": "---\ntitle: Daten\n---\nAls [CSV](@/catalogue.csv) und [JSON](@/catalogue.json).\n",
        ])
        try PraxisCommand.build(site.url)
        let page = try site.read("public/daten/index.html")
        XCTAssertTrue(page.contains("<a href=\"../catalogue.csv\">CSV</a>"))
        XCTAssertTrue(page.contains("<a href=\"../catalogue.json\">JSON</a>"))
        XCTAssertEqual(try LinkChecker.brokenLinks(in: site.url.appending(path: "public"), basePath: "/katalog/"), [])

        try site.write(["content/pages/daten.md": "---\ntitle: Daten\n---\nAls [CSV](@/catalog.csv).\n"])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("content/pages/daten.md:4: the link @/catalog.csv is not a link Praxis understands."), result.errors)
        XCTAssertTrue(result.errors.contains("@/catalogue.csv, @/catalogue.json"), "the hint names the files that can be linked")
    }
}
