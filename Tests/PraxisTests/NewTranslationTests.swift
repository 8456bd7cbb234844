import Foundation
import XCTest

/// `praxis new KIND ID --lang en`: the translation `ID.en.md` beside `ID.md`, with the
/// original's facts copied and the texts left to translate, explained in English; refused with
/// a clear message when there is nothing to translate, the language is not the site's or is its
/// default one, or the translation exists.
final class NewTranslationTests: XCTestCase {
    /// The site of TranslationCheckTests without the English versions, and a page.
    func makeSite(_ changes: [String: String?] = [:]) throws -> TemporaryFolder {
        var files: [String: String?] = [
            "content/practices/beispiel.en.md": nil, "content/partners/netzwerk.en.md": nil,
            "content/workshops/kurs/index.en.md": nil, "content/workshops/kurs/day-1.en.md": nil,
            "content/practices/beispiel.md": SiteFixture.practice(
                title: "Lernpaten",
                extra: """
                target_groups: [gefluechtete]
                place:
                  municipality: Köln
                  country: DE
                # Wer mitmacht
                partners: [netzwerk]
                tags: [Ehrenamt]
                sources: [quelle]
                media:
                  - type: image
                    url: https://example.org/bild.png
                    title: Ein Bild
                lang: de
                """),
            "content/pages/about.md": "---\ntitle: Über uns\nsummary: Wer wir sind.\n---\nText.\n",
        ]
        for (path, text) in changes { files[path] = text }
        return try TranslationCheckTests.makeSite(files)
    }

    func new(_ site: TemporaryFolder, _ arguments: [String]) throws -> PraxisCommand.Result {
        try PraxisCommand.run(["new"] + arguments + ["--site-root", site.url.path])
    }

    func testAPracticesTranslationHasItsFactsAndBuilds() throws {
        let site = try makeSite()
        let result = try new(site, ["practice", "beispiel", "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(result.output.hasPrefix("Created content/practices/beispiel.en.md.\n"), result.output)
        let text = try site.read("content/practices/beispiel.en.md")
        for copied in ["fields: [bildung-sprache]\n", "target_groups: [gefluechtete]\n", "place:\n  municipality: Köln\n  country: DE\n",
                       "partners: [netzwerk]\n", "tags: [Ehrenamt]\n", "sources: [quelle]\n",
                       "media:\n  - type: image\n    url: https://example.org/bild.png\n    title: Ein Bild\n"] {
            XCTAssertTrue(text.contains(copied), "\(copied) is copied as it is:\n\(text)")
        }
        XCTAssertTrue(text.contains("title: \"PLEASE REPLACE: Lernpaten\"\n"), text)
        XCTAssertTrue(text.contains("summary: \"PLEASE REPLACE: What it is about, in one or two sentences.\"\n"), text)
        XCTAssertTrue(text.hasSuffix("---\nPLEASE REPLACE: The text of content/practices/beispiel.md, in English.\n"), text)
        XCTAssertTrue(text.contains("# Title in English (required); the original's: \"Lernpaten\"."), text)
        XCTAssertFalse(text.contains("Pflicht"), "the comments of an English file are English:\n\(text)")
        XCTAssertFalse(text.contains("Wer mitmacht"), "the original's comments are not copied:\n\(text)")
        XCTAssertFalse(text.contains("lang:"), "the file name gives the language:\n\(text)")

        // It builds as the English page of the practice, and the check finds its facts the same.
        try PraxisCommand.build(site.url)
        let english = try site.read("public/en/practices/beispiel/index.html")
        XCTAssertTrue(english.contains("<html lang=\"en\">"), english)
        XCTAssertTrue(english.contains("PLEASE REPLACE: Lernpaten"), english)
        let check = try PraxisCommand.run(["check", site.url.path])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertFalse(check.output.contains("differs from the original"), check.output)
    }

    func testWorkshopDayPartnerAndPageTranslationsBuild() throws {
        let site = try makeSite()
        for (arguments, path) in [(["workshop", "kurs"], "content/workshops/kurs/index.en.md"),
                                  (["day", "kurs/day-1"], "content/workshops/kurs/day-1.en.md"),
                                  (["partner", "netzwerk"], "content/partners/netzwerk.en.md"),
                                  (["page", "about", "--title", "About us"], "content/pages/about.en.md")] {
            let result = try new(site, arguments + ["--lang", "en"])
            XCTAssertEqual(result.status, 0, result.errors)
            XCTAssertTrue(result.output.hasPrefix("Created \(path).\n"), result.output)
        }
        XCTAssertTrue(try site.read("content/workshops/kurs/index.en.md").contains("\ndays: 1\n"))
        XCTAssertTrue(try site.read("content/workshops/kurs/index.en.md").contains("\npartners: [netzwerk]\n"))
        XCTAssertTrue(try site.read("content/workshops/kurs/day-1.en.md").contains("\nday: 1\n"))
        XCTAssertTrue(try site.read("content/workshops/kurs/day-1.en.md").contains("\npractices: [beispiel]\n"))
        XCTAssertTrue(try site.read("content/partners/netzwerk.en.md").contains("\ncountry: DE\n"))
        XCTAssertTrue(try site.read("content/pages/about.en.md").contains("\ntitle: \"About us\"\n"), "--title is the translation's title")
        XCTAssertEqual(try site.read("content/workshops/kurs/index.md"), "---\ntitle: Kurs\nsummary: Ein Kurs.\ndays: 1\npartners: [netzwerk]\n---\n",
                       "a day's translation does not change the workshop's days:")
        try PraxisCommand.build(site.url)
        for page in ["en/workshops/kurs/index.html", "en/workshops/kurs/day-1/index.html", "en/partners/netzwerk/index.html", "en/about/index.html"] {
            XCTAssertTrue(site.exists("public/" + page), page)
        }
    }

    func testATranslationWithoutAnOriginalIsRefused() throws {
        let site = try makeSite()
        let result = try new(site, ["practice", "fehlt", "--lang", "en"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "error: content/practices/fehlt.md: is missing: there is no original to translate. Write the original first "
            + "(praxis new practice fehlt), or write an entry only in English by hand as content/practices/fehlt.en.md.\nNothing was written.\n")
        XCTAssertFalse(site.exists("content/practices/fehlt.en.md"))
    }

    func testALanguageTheSiteDoesNotDeclareIsRefused() throws {
        let site = try makeSite()
        let result = try new(site, ["practice", "beispiel", "--lang", "fr"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.hasPrefix("error: content/site.yaml: languages: does not declare \"fr\": the site is written in de, en. "
            + "Add it (languages: [de, en, fr]) to translate into it, or write --lang en."), result.errors)
        XCTAssertFalse(site.exists("content/practices/beispiel.fr.md"))

        let single = try SiteFixture.make()
        let refused = try new(single, ["practice", "beispiel", "--lang", "en"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.errors.hasPrefix("error: content/site.yaml: languages: does not declare \"en\": the site is written in de. "
            + "Add it (languages: [de, en]) to translate into it."), refused.errors)
    }

    func testTheDefaultLanguageIsRefused() throws {
        let site = try makeSite()
        let result = try new(site, ["practice", "beispiel", "--lang", "de"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.hasPrefix("error: content/practices/beispiel.md: is in de, the site's default language: --lang names the "
            + "language to translate it into. Write --lang en."), result.errors)
        XCTAssertFalse(site.exists("content/practices/beispiel.de.md"))
    }

    func testAnExistingTranslationIsNeverOverwritten() throws {
        let existing = SiteFixture.practice(title: "Learning mentors", extra: "target_groups: [gefluechtete]")
        let site = try makeSite(["content/practices/beispiel.en.md": existing])
        let result = try new(site, ["practice", "beispiel", "--lang", "en"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "error: content/practices/beispiel.en.md: already exists; praxis new never overwrites a file. "
            + "Open it to edit it.\nNothing was written.\n")
        XCTAssertEqual(try site.read("content/practices/beispiel.en.md"), existing)
    }
}
