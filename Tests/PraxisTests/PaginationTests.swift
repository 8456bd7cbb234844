import Foundation
import XCTest

/// Long lists in pages of `page_size`: /practices/ and every facet value page.
final class PaginationTests: XCTestCase {
    /// Five practices in one field ("Anna" ... "Ein Beispiel", in this order), `page_size: 2`
    /// unless `pageSize` is nil: three pages. Two of them (one page) are for companies.
    func makeSite(pageSize: Int? = 2) throws -> TemporaryFolder {
        var changes: [String: String?] = [
            "content/site.yaml": SiteFixture.siteYAML + (pageSize.map { "page_size: \($0)\n" } ?? ""),
        ]
        for name in ["Anna", "Berta", "Carla", "Dora"] {
            changes["content/practices/\(name.lowercased()).md"] = SiteFixture.practice(
                title: name, extra: name < "C" ? "target_groups: [unternehmen]" : "")
        }
        return try SiteFixture.make(changes)
    }

    func testLongListsAreSplitIntoLinkedPages() throws {
        let site = try makeSite()
        try PraxisCommand.build(site.url)
        for list in ["fields/bildung-sprache/", "practices/"] {
            let pages = ["public/\(list)index.html", "public/\(list)page/2/index.html", "public/\(list)page/3/index.html"]
            for page in pages { XCTAssertTrue(site.exists(page), page) }
            XCTAssertFalse(site.exists("public/\(list)page/4/index.html"), "no page after the last")
            XCTAssertFalse(site.exists("public/\(list)page/1/index.html"), "page 1 is the list's own URL")

            let html = try pages.map { try site.read($0) }
            let shown = html.map { page in ["Anna", "Berta", "Carla", "Dora", "Ein Beispiel"].filter { page.contains(">\($0)</a></h2>") } }
            XCTAssertEqual(shown, [["Anna", "Berta"], ["Carla", "Dora"], ["Ein Beispiel"]], "\(list): two a page, in order, each once")

            // Head links for browsers and crawlers: first, middle and last page.
            let root2 = root("\(list)page/2/")
            XCTAssertFalse(html[0].contains("<link rel=\"prev\""))
            XCTAssertTrue(html[0].contains("<link rel=\"next\" href=\"\(root(list))\(list)page/2/\">"), html[0])
            XCTAssertTrue(html[1].contains("<link rel=\"prev\" href=\"\(root2)\(list)\">"))
            XCTAssertTrue(html[1].contains("<link rel=\"next\" href=\"\(root2)\(list)page/3/\">"))
            XCTAssertTrue(html[2].contains("<link rel=\"prev\" href=\"\(root2)\(list)page/2/\">"))
            XCTAssertFalse(html[2].contains("<link rel=\"next\""))

            // The pager readers see.
            XCTAssertTrue(html[1].contains("<nav class=\"pagination\" aria-label=\"Seiten\">"))
            XCTAssertTrue(html[1].contains("Seite 2 von 3"))
            XCTAssertTrue(html[1].contains("<a href=\"\(root2)\(list)page/2/\" aria-current=\"page\">"), "the current page is marked")
            XCTAssertEqual(html[1].components(separatedBy: "aria-current=\"page\"><span class=\"visually-hidden\">Seite </span>").count, 2,
                           "one current page")
            XCTAssertTrue(html[1].contains("<title>"), "a title of its own")
            XCTAssertNotEqual(title(html[0]), title(html[1]))
            XCTAssertTrue(html[1].contains("<link rel=\"canonical\" href=\"https://example.org/katalog/\(list)page/2/\">"))
        }
        let value = try site.read("public/fields/bildung-sprache/index.html")
        XCTAssertTrue(value.contains("<p>5 Praxisbeispiele</p>"), "the count is of all pages")
        let overview = try site.read("public/fields/index.html")
        XCTAssertTrue(overview.contains("<a href=\"../fields/bildung-sprache/\">Bildung und Sprache</a> <span class=\"count\">5</span>"),
                      "the facet overview keeps its counts")
        let short = try site.read("public/target_groups/unternehmen/index.html")
        XCTAssertFalse(short.contains("class=\"pagination\""), "a list that fits on one page has no pager")
        XCTAssertFalse(site.exists("public/target_groups/unternehmen/page/2/index.html"))

        let sitemap = try site.read("public/sitemap.xml")
        for url in ["fields/bildung-sprache/page/2/", "fields/bildung-sprache/page/3/", "practices/page/2/", "practices/page/3/"] {
            XCTAssertTrue(sitemap.contains("<loc>https://example.org/katalog/\(url)</loc>"), "sitemap lists \(url)")
        }
        XCTAssertEqual(try LinkChecker.brokenLinks(in: site.url.appending(path: "public"), basePath: "/katalog/"), [])
    }

    func testALongPagerLeavesOutTheMiddle() throws {
        let site = try makeSite(pageSize: 1)
        for name in ["Erna", "Frida", "Greta"] {
            try site.write(["content/practices/\(name.lowercased()).md": SiteFixture.practice(title: name)])
        }
        try PraxisCommand.build(site.url)
        XCTAssertTrue(site.exists("public/practices/page/8/index.html"))
        let first = try site.read("public/practices/index.html")
        for page in 2...3 { XCTAssertTrue(first.contains("href=\"../practices/page/\(page)/\"><span"), "page \(page) is linked") }
        XCTAssertFalse(first.contains("href=\"../practices/page/5/\""), "pages far from this one are left out")
        XCTAssertTrue(first.contains("<span class=\"gap\">…</span>"))
        XCTAssertTrue(first.contains("href=\"../practices/page/8/\"><span"), "the last page is always linked")
        XCTAssertTrue(try site.read("public/practices/page/5/index.html").contains("Seite 5 von 8"))
    }

    func testPageSizeIsTwentyByDefault() throws {
        let site = try makeSite(pageSize: nil)
        try PraxisCommand.build(site.url)
        let list = try site.read("public/practices/index.html")
        XCTAssertFalse(list.contains("class=\"pagination\""))
        XCTAssertFalse(list.contains("rel=\"next\""))
        XCTAssertFalse(site.exists("public/practices/page"))
    }

    func testAPracticeCannotTakeTheFolderOfThePages() throws {
        let site = try makeSite()
        try site.write(["content/practices/page.md": SiteFixture.practice(title: "Seite", extra: "draft: true")])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains(
            "content/practices/page.md: would be published at /practices/page/, the folder of the further pages of /practices/ (/practices/page/2/, ...)."),
                      result.errors)
        XCTAssertTrue(result.errors.contains("Rename the file: the id page is reserved for page numbers."))
        XCTAssertFalse(site.exists("public"), "nothing is written")
    }

    /// The way back to the site root from the page at `path`, as pages write it.
    private func root(_ path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count)
    }

    private func title(_ html: String) -> String? {
        guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
