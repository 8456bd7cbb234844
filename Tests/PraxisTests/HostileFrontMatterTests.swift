import Foundation
import XCTest

/// Front matter and site.yaml written to hurt: alias bombs, numbers out of range, control
/// characters, old line endings, a base_url that smuggles lines into robots.txt. Each ends in
/// a message naming file:line, what is wrong and what is allowed, exit status 1 and an
/// untouched public/; or, where the input is fine by CommonMark, in the right pages.
final class HostileFrontMatterTests: XCTestCase {
    /// Builds the minimal site, then again with `files` written over it (raw bytes); the second
    /// build must fail and leave public/ as it was. Returns standard error.
    func failingBuild(_ files: [String: Data], arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let site = try SiteFixture.make()
        try PraxisCommand.build(site.url, file: file, line: line)
        let before = try Snapshot.files(in: site.url.appending(path: "public"))
        for (path, data) in files { try site.write(path, data) }
        let result = try PraxisCommand.run(["build", site.url.path] + arguments)
        XCTAssertEqual(result.status, 1, "the build must fail:\n\(result.errors)", file: file, line: line)
        XCTAssertTrue(result.errors.contains("was not changed"), result.errors, file: file, line: line)
        XCTAssertEqual(try Snapshot.files(in: site.url.appending(path: "public")), before, "public/ is exactly as before", file: file, line: line)
        return result.errors
    }

    /// "Billion laughs": nine levels of ten aliases each, plus an aliased mapping key (which
    /// Yams would hash in full). Expanded, 10^9 nodes; refused at the first anchor instead.
    static func aliasBomb() -> String {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
            previous = name
        }
        lines += ["? *i", ": boom"]
        return lines.joined(separator: "\n") + "\n"
    }

    func testAliasBombInFrontMatterIsRefusedAtItsFirstAnchor() throws {
        let practice = "---\ntitle: Bombe\nsummary: S\nfields: [bildung-sprache]\n" + Self.aliasBomb() + "---\nText.\n"
        let errors = try failingBuild(["content/practices/beispiel.md": Data(practice.utf8)])
        assertContains(errors, ["content/practices/beispiel.md:5: uses the YAML anchor &a; anchors (&name) and aliases (*name) are not allowed here.",
                                "Write the value out in full"])
    }

    func testAliasBombInSiteYAMLIsRefusedAtItsFirstAnchor() throws {
        let errors = try failingBuild(["content/site.yaml": Data((SiteFixture.siteYAML + Self.aliasBomb()).utf8)])
        let anchorLine = SiteFixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count
        assertContains(errors, ["content/site.yaml:\(anchorLine): uses the YAML anchor &a"])
    }

    /// An alias alone (no anchor in the file) and a merge key are refused as well.
    func testAliasesAndMergeKeysAreRefused() throws {
        let merge = "---\ntitle: T\nsummary: S\nfields: [bildung-sprache]\nplace: &ort {country: DE}\ncontact:\n  <<: *ort\n---\nText.\n"
        let errors = try failingBuild(["content/practices/beispiel.md": Data(merge.utf8),
                                       "content/partners/netzwerk.md": Data("---\ntitle: *x\nsummary: S\n---\nText.\n".utf8)])
        assertContains(errors, ["content/practices/beispiel.md:5: uses the YAML anchor &ort",
                                "content/partners/netzwerk.md:2: is not valid YAML: found undefined alias."])
    }

    /// `&` and `*` inside texts are text: no anchor is seen where there is none.
    func testAmpersandsAndStarsInTextsAreText() throws {
        let site = try SiteFixture.make([
            "content/practices/beispiel.md": SiteFixture.practice(
                title: "Tom & Jerry *neu*",
                extra: "partners: [netzwerk]\nsources: [quelle]\ntags: [\"&anker\", '*stern', Kunst & Kultur]\nplace: {municipality: \"A&B *1\"}",
                body: "Text mit &amp; und *Betonung*.\n"),
        ])
        try PraxisCommand.build(site.url)
        let page = try site.read("public/practices/beispiel/index.html")
        for text in ["Tom &amp; Jerry *neu*", "&amp;anker", "*stern", "Kunst &amp; Kultur", "A&amp;B *1"] {
            XCTAssertTrue(page.contains(text), "expected «\(text)» on the page")
        }
    }

    /// Every number is checked before use: these used to crash with a signal (Int of a Double
    /// out of range, overflow in Yams' base-60 numbers, a page count overflowing).
    func testNumbersOutOfRangeAreErrorsNotCrashes() throws {
        let workshop = "---\ntitle: W\nsummary: S\ndays: 2\nprice: {amount: .inf, currency: EUR}\nmax_participants: 99999999999999999999999\n---\nX\n"
        let day1 = "---\ntitle: Tag 1\nday: 1e19\n---\nX\n"
        let day2 = "---\ntitle: Tag 2\nday: 2\n---\nX\n"
        let errors = try failingBuild([
            "content/practices/beispiel.md": Data(SiteFixture.practice(extra: "year: 99999999999:99999999999:99999999999").utf8),
            "content/practices/zwei.md": Data(SiteFixture.practice(extra: "year: -1").utf8),
            "content/workshops/w/index.md": Data(workshop.utf8),
            "content/workshops/w/day-1.md": Data(day1.utf8),
            "content/workshops/w/day-2.md": Data(day2.utf8),
        ])
        assertContains(errors, [
            "content/practices/beispiel.md:5: year: expected a whole number, found \"99999999999:99999999999:99999999999\".",
            "content/practices/zwei.md:5: year: -1 is out of range.",
            "Allowed: a whole number from 1900 to 2200.",
            "content/workshops/w/index.md:5: price.amount: inf is out of range. Allowed: a number from 0 to 10000000",
            "content/workshops/w/index.md:6: max_participants: 99999999999999999999999 is out of range. Allowed: a whole number from 1 to 100000.",
            "content/workshops/w/day-1.md:3: day: expected a whole number, found \"1e19\".",
        ])
        // site.yaml is read before the entries; its problems end the build on their own.
        let site = try failingBuild(["content/site.yaml": Data((SiteFixture.siteYAML + "page_size: 9223372036854775807\n").utf8)])
        assertContains(site, ["content/site.yaml:13: page_size: 9223372036854775807 is out of range.",
                              "Allowed: a whole number from 1 to 1000."])
    }

    func testAHugePriceIsRefusedAndAFairOneShown() throws {
        let workshop = { (amount: String) in "---\ntitle: W\nsummary: S\nprice: {amount: \(amount), currency: EUR}\n---\nX\n" }
        let errors = try failingBuild(["content/workshops/w/index.md": Data(workshop("1e19").utf8)])
        assertContains(errors, ["content/workshops/w/index.md:4: price.amount: 1e+19 is out of range."])

        let site = try SiteFixture.make(["content/workshops/w/index.md": workshop("1234.5")])
        try PraxisCommand.build(site.url)
        XCTAssertTrue(try site.read("public/workshops/w/index.html").contains("1.234,50 €"))
    }

    /// CommonMark's three line endings: a file with old Mac endings (CR only) builds, `\r\r\n`
    /// is two line breaks (a paragraph break), and messages name the right line in CRLF,
    /// CR-only and mixed files.
    func testCROnlyAndMixedLineEndingsBuildAndCountLinesRight() throws {
        let crOnly = "---\rtitle: Alter Mac\rsummary: S\rfields: [bildung-sprache]\r---\rErster Absatz\r\r\nZweiter Absatz\r"
        let site = try SiteFixture.make(["content/practices/mac.md": crOnly])
        try PraxisCommand.build(site.url)
        let page = try site.read("public/practices/mac/index.html")
        XCTAssertTrue(page.contains("<p>Erster Absatz</p>"), "\\r\\r\\n ends the paragraph")
        XCTAssertTrue(page.contains("<p>Zweiter Absatz</p>"))

        let errors = try failingBuild([
            "content/practices/mac.md": Data("---\rtitle: T\rsummary: S\rfields: [bildung-sprache]\rjahr: 2016\r---\rText\r".utf8),
            "content/practices/win.md": Data("---\r\ntitle: T\r\nsummary: S\r\nfields: [bildung-sprache]\r\n\r\njahr: 2016\r\n---\r\nText\r\n".utf8),
            "content/practices/mixed.md": Data("---\ntitle: T\r\nsummary: S\rfields: [bildung-sprache]\r\r\n\njahr: 2016\n---\nText\n".utf8),
        ])
        assertContains(errors, ["content/practices/mac.md:5: jahr: is not a known key.",
                                "content/practices/win.md:6: jahr: is not a known key.",
                                "content/practices/mixed.md:7: jahr: is not a known key."])
    }

    /// YAML forbids NUL and the other control characters: the line is named.
    func testControlCharactersInFrontMatterNameTheLine() throws {
        let errors = try failingBuild([
            "content/practices/beispiel.md": Data("---\r\ntitle: T\r\nsummary: S\r\nfields: [bildung-sprache]\r\ntags: [a\u{0}b]\r\n---\r\nText\r\n".utf8),
            "content/partners/netzwerk.md": Data("---\ntitle: N\u{1B}[2J\nsummary: S\n---\nText\n".utf8),
        ])
        assertContains(errors, ["content/practices/beispiel.md:5: contains the character U+0000 (NUL), which YAML does not allow.",
                                "content/partners/netzwerk.md:2: contains the character U+001B, which YAML does not allow."])
    }

    func testControlCharactersWrittenAsEscapesNameTheLine() throws {
        // "\0" in double quotes is YAML's NUL: it would reach the page (where NUL also stands for a
        // card's link root) and the search index. Single quotes and plain text keep a backslash as is.
        let errors = try failingBuild([
            "content/practices/nul.md": Data(SiteFixture.practice(title: "\"Job\\0Coaching\"").utf8),
            "content/practices/escape.md": Data(SiteFixture.practice(extra: "tags: [\"a\\x1Bb\"]").utf8),
            "content/practices/del.md": Data(SiteFixture.practice(title: "\"Titel \\uFFFF\"").utf8),
            "content/practices/fine.md": Data(SiteFixture.practice(title: "'Back\\slash \\0'", extra: "tags: [\"Umlaut \\u00e4\"]").utf8),
        ])
        assertContains(errors, ["content/practices/nul.md:2: contains the character U+0000 (NUL), written as an escape in quotes; it is not allowed in a text.",
                                "content/practices/escape.md:5: contains the character U+001B, written as an escape in quotes",
                                "content/practices/del.md:2: contains the character U+FFFF, written as an escape in quotes"])
        XCTAssertFalse(errors.contains("fine.md"), errors)
    }

    func testDeepNestingIsRefused() throws {
        let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let errors = try failingBuild(["content/practices/beispiel.md": Data(SiteFixture.practice(extra: "tags: \(nested)").utf8)])
        assertContains(errors, ["content/practices/beispiel.md:5: the front matter is nested more than 32 levels deep."])
    }

    /// The checks made while the front matter is composed (a key twice at any level, the depth
    /// limit exactly, a front matter that is not a map) and the keys found by their text (quoted,
    /// or reading as a boolean) give the messages and lines they always gave.
    func testChecksMadeWhileComposingNameTheLine() throws {
        func depth(_ levels: Int) -> String { String(repeating: "[", count: levels) + String(repeating: "]", count: levels) }
        let errors = try failingBuild([
            "content/practices/media-twice.md": Data(SiteFixture.practice(extra: "media:\n  - type: image\n    url: https://example.org/a.png\n    type: video").utf8),
            "content/practices/at-limit.md": Data(SiteFixture.practice(extra: "related: \(depth(31))").utf8),
            "content/practices/over-limit.md": Data(SiteFixture.practice(extra: "related: \(depth(32))").utf8),
            "content/practices/a-list.md": Data("---\n- title: T\n---\nText\n".utf8),
            "content/practices/quoted.md": Data("---\n\"title\": T\n'summary': S\nfields: [bildung-sprache]\nyes: 1\n---\nText\n".utf8),
        ])
        assertContains(errors, ["content/practices/media-twice.md:8: type: is written twice. Keep one of them.",
                                "content/practices/over-limit.md:5: the front matter is nested more than 32 levels deep.",
                                "content/practices/a-list.md:2: the front matter must be keys with values (key: value), found a list.",
                                "content/practices/quoted.md:5: yes: is not a known key."])
        XCTAssertFalse(errors.contains("at-limit.md:5: the front matter is nested"), errors)
        XCTAssertFalse(errors.contains("quoted.md:2"), errors)
        XCTAssertFalse(errors.contains("quoted.md:3"), errors)
    }

    func testOversizedFrontMatterIsRefusedBeforeParsing() throws {
        let yaml = "title: T\nsummary: \"" + String(repeating: "x", count: 9 * 1024 * 1024) + "\"\nfields: [bildung-sprache]\n"
        let errors = try failingBuild(["content/practices/beispiel.md": Data("---\n\(yaml)---\nText\n".utf8)])
        assertContains(errors, ["content/practices/beispiel.md:2: the front matter has \(yaml.utf8.count) bytes; at most 8388608 are allowed."])
    }

    /// base_url goes into robots.txt, the sitemap and every page: a line break, a query or a
    /// fragment is refused, in site.yaml and as --base-url.
    func testBaseURLWithLineBreakQueryOrFragmentIsRefused() throws {
        let yaml = SiteFixture.siteYAML.replacingOccurrences(of: "base_url: https://example.org/katalog/",
                                                             with: "base_url: \"https://example.org/katalog/\\nDisallow: /\"")
        let errors = try failingBuild(["content/site.yaml": Data(yaml.utf8)])
        assertContains(errors, ["content/site.yaml:2: base_url: \"https://example.org/katalog/\\u{A}Disallow: /\" is not a site address: it contains a line break."])

        for (url, why) in [("https://example.org/k/?a=1", "it has a query (?...)"), ("https://example.org/k/#top", "it has a fragment (#...)"),
                           ("https://example.org/k/\r\nSitemap: x", "it contains a line break"), ("javascript:alert(1)", "it must start with https://, http:// or /"),
                           ("https:///k/", "it names no host")] {
            let errors = try failingBuild([:], arguments: ["--base-url", url])
            assertContains(errors, ["--base-url:", "is not a site address: \(why)."])
        }
    }
}
