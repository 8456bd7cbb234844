import Foundation
import XCTest

/// `praxis serve`: the site under its base path with the live script added, the last good site
/// and the problems while the sources are broken, and above all: after any sequence of edits
/// the served site is byte for byte what `praxis build` makes of the same sources.
final class ServeTests: XCTestCase {
    // MARK: Serving

    func testServesTheSiteUnderItsBasePathLikeAStaticHost() throws {
        let site = try SiteFixture.make(["content/static/handout.txt": "Ein Handout.\n"])
        let serve = try ServeProcess(site.url)
        XCTAssertEqual(serve.basePath, "/katalog/")

        let home = try serve.get("/katalog/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(home.text.contains("<script src=\"/__praxis/live.js\" data-build=\"1\"></script></body>"), "live script before </body>")

        let practice = try serve.get("/katalog/practices/beispiel/")
        XCTAssertEqual(practice.status, 200)
        XCTAssertTrue(practice.text.contains("Ein Beispiel"))
        XCTAssertEqual(try serve.get("/katalog/practices/beispiel").headers["location"], "/katalog/practices/beispiel/")
        XCTAssertEqual(try serve.get("/").headers["location"], "/katalog/")

        let missing = try serve.get("/katalog/gibt/es/nicht/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("/__praxis/live.js"), "the 404 page is a page of the site, with the live script")
        XCTAssertEqual(try serve.get("/anderswo/").status, 404)

        let search = try serve.get("/katalog/search.json")
        XCTAssertEqual(search.headers["content-type"], "application/json; charset=utf-8")
        XCTAssertFalse(search.text.contains("__praxis"), "only HTML gets the script")
        XCTAssertEqual(try serve.get("/katalog/handout.txt").text, "Ein Handout.\n")
        XCTAssertEqual(try serve.get("/katalog/", method: "HEAD").body.count, 0)
        XCTAssertTrue(try serve.get("/__praxis/live.js").text.contains("EventSource"))
    }

    func testBrokenFrontMatterKeepsTheLastGoodSiteAndReportsTheLineUntilFixed() throws {
        let site = try SiteFixture.make()
        let serve = try ServeProcess(site.url)
        let events = try EventListener(port: serve.port)
        XCTAssertNotNil(events.waitForEvent("hello", after: 0))
        let path = "content/practices/beispiel.md"
        let good = try site.read(path)

        var builds = serve.builds.count
        try site.write([path: good.replacingOccurrences(of: "fields: [bildung-sprache]", with: "fields: [bildung]")])
        XCTAssertEqual(serve.waitForBuild(after: builds)?.hasPrefix("Build failed"), true)
        let problems = try serve.problems()
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].hasPrefix("content/practices/beispiel.md:4: fields: \"bildung\" is not a value of fields"), problems[0])
        XCTAssertEqual(problems, try buildErrors(site.url), "the same messages as praxis build")
        let event = try XCTUnwrap(events.waitForEvent("problems", after: 0))
        XCTAssertTrue(event.contains("beispiel.md") && event.contains("\"line\":4"), event)
        XCTAssertEqual(try serve.get("/katalog/practices/beispiel/").status, 200, "the last good site stays served")

        builds = serve.builds.count
        try site.write([path: good.replacingOccurrences(of: "Text.", with: "Ein neuer Text.")])
        XCTAssertEqual(serve.waitForBuild(after: builds)?.hasPrefix("Rebuilt"), true)
        XCTAssertEqual(try serve.problems(), [])
        let reload = try XCTUnwrap(events.waitForEvent("reload", after: 0))
        XCTAssertTrue(reload.contains("\"problems\":[]"), reload)
        XCTAssertTrue(try serve.get("/katalog/practices/beispiel/").text.contains("Ein neuer Text."))
    }

    func testABrokenFirstBuildShowsTheProblemsAndTheSiteOnceFixed() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [netzwerk]\nsources: [quelle]\nupdated: gestern")])
        let serve = try ServeProcess(site.url)
        let page = try serve.get("/katalog/")
        XCTAssertEqual(page.status, 503)
        XCTAssertTrue(page.text.contains("/__praxis/live.js"))
        XCTAssertEqual(try serve.problems().count, 1)

        let builds = serve.builds.count
        try site.write(["content/practices/beispiel.md": SiteFixture.practice(extra: "partners: [netzwerk]\nsources: [quelle]")])
        XCTAssertEqual(serve.waitForBuild(after: builds)?.hasPrefix("Rebuilt"), true)
        XCTAssertEqual(try serve.get("/katalog/").status, 200)
    }

    func testStopsOnInterruptWithPagesListening() throws {
        let site = try SiteFixture.make()
        let serve = try ServeProcess(site.url)
        let events = try EventListener(port: serve.port)
        XCTAssertNotNil(events.waitForEvent("hello", after: 0))
        XCTAssertEqual(serve.interrupt(), 0)
    }

    // MARK: Pages rendered when asked for

    func testEveryKindOfEditShowsOnThePageFetchedAfterTheBuild() throws {
        let site = try catalogueCopy()
        let serve = try ServeProcess(site.url, extra: ["--output", site.url.appending(path: "served").path])
        let practices = try FileManager.default.contentsOfDirectory(atPath: site.url.appending(path: "content/practices").path).sorted()
        // A file of the default language (`x.md`, not the translation `x.en.md`).
        let file = practices.first { $0.hasSuffix(".md") && $0.split(separator: ".").count == 2 }!
        let path = "content/practices/" + file
        let address = serve.basePath + "practices/" + file.dropLast(3) + "/"

        func page(_ address: String, after change: () throws -> Void) throws -> LocalHTTP.Response {
            let builds = serve.builds.count
            try change()
            let line = try XCTUnwrap(serve.waitForBuild(after: builds))
            XCTAssertTrue(line.hasPrefix("Rebuilt in "), line)
            return try serve.get(address)
        }
        func shows(_ response: LocalHTTP.Response, _ expected: String, _ message: String, line: UInt = #line) {
            XCTAssertTrue(response.text.contains(expected), message, line: line)
        }

        shows(try page(address) { try site.write([path: try site.read(path) + "\nEin ganz neuer Absatz.\n"]) },
                       "Ein ganz neuer Absatz.", "a body: the practice's own page")
        let retitled = { try site.write([path: try site.read(path).replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Zuerst ")]) }
        shows(try page(serve.basePath + "practices/", after: retitled), "Zuerst ", "a title: the list of practices")
        let template = "themes/default/templates/practice.mustache"
        shows(try page(address) { try site.write([template: try site.read(template) + "<!-- geändert -->"]) },
                       "<!-- geändert -->", "a template: the pages that use it")
        let pageFiles = try FileManager.default.contentsOfDirectory(atPath: site.url.appending(path: "content/pages").path).sorted()
        let freePage = "content/pages/" + pageFiles.first { $0.hasSuffix(".md") && $0.split(separator: ".").count == 2 }!
        let renamed = { try site.write([freePage: try site.read(freePage).replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Das Neue ")]) }
        shows(try page(serve.basePath + "fields/", after: renamed), "Das Neue ", "a page's title is in every footer")
        let added = "content/practices/neu-im-test.md"
        let addedAddress = serve.basePath + "practices/neu-im-test/"
        shows(try page(addedAddress) { try site.write([added: try site.read(path)]) }, "Ein ganz neuer Absatz.", "an added practice")
        let gone = try page(addedAddress) { try FileManager.default.removeItem(at: site.url.appending(path: added)) }
        XCTAssertEqual(gone.status, 404, "a deleted practice")
        try assertServedEqualsBuild(serve, root: site.url, served: site.url.appending(path: "served"), log: [])
    }

    // MARK: Random edits

    func testRandomEditsOfTheFixtureServeWhatABuildMakes() throws {
        let site = try TemporaryFolder()
        try FileManager.default.copyItem(at: SiteOutputTests.fixture.appending(path: "content"), to: site.url.appending(path: "content"))
        try FileManager.default.copyItem(at: SiteOutputTests.fixture.appending(path: "seeds"), to: site.url.appending(path: "seeds"))
        try FileManager.default.createDirectory(at: site.url.appending(path: "themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CatalogueTests.projectRoot.appending(path: "themes/default"), to: site.url.appending(path: "themes/default"))
        // Two practices a page, so that edits move practices between the pages of lists.
        try site.write(["content/site.yaml": try site.read("content/site.yaml") + "page_size: 2\n"])
        try randomEdits(site.url, vocabulary: ["fields": ["bildung-sprache", "arbeit-ausbildung"], "target_groups": ["gefluechtete", "unternehmen"]],
                        seed: Self.seed(1), steps: 150, extra: ["--drafts"])
    }

    func testRandomEditsOfTheCatalogueServeWhatABuildMakes() throws {
        let site = try catalogueCopy()
        try randomEdits(site.url, vocabulary: [
            "fields": ["bildung-sprache", "arbeit-ausbildung", "wohnen-unterbringung", "dialog-beteiligung"],
            "target_groups": ["gefluechtete", "unternehmen", "verwaltung", "zivilgesellschaft", "kinder-jugendliche"],
        ], seed: Self.seed(2), steps: 100, extra: [])
    }

    /// `steps` random edits while `praxis serve` runs; at checkpoints and at the end the served
    /// folder must equal a fresh build, and a broken state must give praxis build's messages.
    private func randomEdits(_ root: URL, vocabulary: [String: [String]], seed: UInt64, steps: Int, extra: [String]) throws {
        let output = try TemporaryFolder()
        let served = output.url.appending(path: "site")
        let serve = try ServeProcess(root, extra: ["--output", served.path] + extra)
        var editor = SiteEditor(root: root, vocabulary: vocabulary, seed: seed)
        for step in 1...steps {
            let builds = serve.builds.count
            let done = try editor.step()
            guard let line = serve.waitForBuild(after: builds) else {
                return XCTFail("no build after step \(step): \(done)\n\(editor.log.suffix(10).joined(separator: "\n"))\n\(serve.errorOutput)")
            }
            if done.hasPrefix("break") {
                var failed = line.hasPrefix("Build failed")
                let deadline = Date().addingTimeInterval(30)
                while !failed, Date() < deadline {
                    serve.waitForBuild(after: serve.builds.count, timeout: 1)
                    failed = serve.builds.last?.hasPrefix("Build failed") == true
                }
                XCTAssertTrue(failed, "step \(step): \(done) did not fail the build")
                XCTAssertEqual(try serve.problems(), try buildErrors(root, extra: extra), "step \(step): \(done)")
            }
            if step % 10 == 0, editor.broken == nil {
                try assertServedEqualsBuild(serve, root: root, served: served, extra: extra, log: editor.log)
            }
        }
        if editor.broken != nil { _ = try editor.step() }
        try assertServedEqualsBuild(serve, root: root, served: served, extra: extra, log: editor.log)
    }

    // MARK: Helpers

    /// The seed of a random test; PRAXIS_SERVE_SEED=n runs other sequences (n and n+1) than the
    /// fixed ones, to look for more trouble by hand.
    static func seed(_ fixed: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["PRAXIS_SERVE_SEED"].flatMap(UInt64.init).map { $0 + fixed - 1 } ?? fixed
    }

    /// The folder `praxis serve --output` keeps equals a fresh `praxis build` file for file and
    /// byte for byte, and pages fetched over HTTP are those files with the live script added.
    private func assertServedEqualsBuild(_ serve: ServeProcess, root: URL, served: URL, extra: [String] = [], log: [String],
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = try TemporaryFolder()
        var differences: [String] = []
        // A slow machine may still be building: look again after a longer quiet time.
        for quiet in [0.3, 3.0] {
            serve.waitUntilQuiet(quiet)
            try PraxisCommand.build(root, output: fresh.url.appending(path: "site"), extra: extra)
            differences = try Self.differences(served, fresh.url.appending(path: "site"))
            if differences.isEmpty { break }
        }
        var detail = ""
        if let first = differences.first(where: { $0.hasPrefix("differs: ") }) {
            let path = String(first.dropFirst("differs: ".count))
            detail = Self.firstDifference(try Data(contentsOf: served.appending(path: path)),
                                          try Data(contentsOf: fresh.url.appending(path: "site").appending(path: path)))
        }
        XCTAssertEqual(differences, [], "served != built after:\n\(log.suffix(15).joined(separator: "\n"))\n\(detail)", file: file, line: line)

        let pages = try Self.files(in: served).filter { $0.hasSuffix(".html") }
        for page in [pages.first, pages.last, pages.randomElement()].compactMap({ $0 }) {
            let address = serve.basePath + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
            let response = try serve.get(address)
            let built = try Data(contentsOf: served.appending(path: page))
            var text = response.text
            if let tag = text.range(of: #"<script src="/__praxis/live.js" data-build="\d+"></script>"#, options: [.regularExpression, .backwards]) {
                text.removeSubrange(tag)
            }
            XCTAssertEqual(Data(text.utf8), built, "\(address) over HTTP", file: file, line: line)
        }
    }

    /// Where two files part, with some text around it from each.
    static func firstDifference(_ served: Data, _ built: Data) -> String {
        let at = zip(served, built).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(served.count, built.count)
        func around(_ data: Data) -> String {
            String(decoding: data[max(0, at - 150)..<min(data.count, at + 150)], as: UTF8.self)
        }
        return "served: …\(around(served))…\nbuilt:  …\(around(built))…"
    }

    /// Paths that differ between two folders: missing in one, or other bytes.
    static func differences(_ a: URL, _ b: URL) throws -> [String] {
        let left = Set(try files(in: a)), right = Set(try files(in: b))
        var result = left.symmetricDifference(right).map { left.contains($0) ? "only served: \($0)" : "only built: \($0)" }
        for path in left.intersection(right) where FileManager.default.contents(atPath: a.appending(path: path).path)
            != FileManager.default.contents(atPath: b.appending(path: path).path) {
            result.append("differs: \(path)")
        }
        return result.sorted()
    }

    static func files(in folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                paths.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
            }
        }
        return paths.sorted()
    }

    /// The messages `praxis build` prints for the sources, without "error: ".
    private func buildErrors(_ root: URL, extra: [String] = []) throws -> [String] {
        let out = try TemporaryFolder()
        let result = try PraxisCommand.run(["build", root.path, "--output", out.url.appending(path: "site").path] + extra)
        return result.errors.split(separator: "\n").filter { $0.hasPrefix("error: ") }.map { String($0.dropFirst("error: ".count)) }
    }

    /// This repository's catalogue with its theme, in a folder of its own.
    private func catalogueCopy() throws -> TemporaryFolder {
        let site = try TemporaryFolder()
        for folder in ["content", "seeds", "themes"] {
            try FileManager.default.copyItem(at: CatalogueTests.projectRoot.appending(path: folder), to: site.url.appending(path: folder))
        }
        return site
    }
}

extension TemporaryFolder {
    /// Files below `folder` (relative to this folder's root), relative to `folder`, prefixed with it.
    func files(under folder: String) throws -> [String] {
        try ServeTests.files(in: url.appending(path: folder)).map { folder + "/" + $0 }
    }
}
