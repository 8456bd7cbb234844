import Foundation
import XCTest

/// The output folder is replaced only by a complete new build, and never one that holds
/// anything else.
final class OutputSafetyTests: XCTestCase {
    func testRefusesFoldersWhoseReplacementWouldDestroySomething() throws {
        let site = try SiteFixture.make()
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        for (output, reason) in [("/", "file system's root"), (home, "home folder"), (site.url.path, "site root itself"),
                                 (site.url.deletingLastPathComponent().path, "contains the site root"),
                                 (site.url.appending(path: "content").path, "inside content/"),
                                 (site.url.appending(path: "seeds/out").path, "inside seeds/")] {
            let result = try PraxisCommand.run(["build", site.url.path, "--output", output])
            XCTAssertEqual(result.status, 1, "refuses \(output)")
            XCTAssertTrue(result.errors.contains("cannot be the output folder") && result.errors.contains(reason), result.errors)
        }
        XCTAssertTrue(site.exists("content/site.yaml"), "nothing of the sources was touched")
        XCTAssertTrue(site.exists("seeds/quelle.md"))
    }

    func testRefusesAFolderPraxisDidNotBuild() throws {
        let site = try SiteFixture.make()
        try site.write(["public/notes.txt": "my notes"])
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("holds files that Praxis did not build"), result.errors)
        XCTAssertEqual(try site.read("public/notes.txt"), "my notes")
    }

    func testASecondBuildReplacesTheFirstAndLeavesNothingBeside() throws {
        let site = try SiteFixture.make()
        try PraxisCommand.build(site.url)
        try site.write(["content/practices/beispiel.md": SiteFixture.practice(title: "Neuer Titel")])
        try FileManager.default.removeItem(at: site.url.appending(path: "content/partners/netzwerk.md"))
        try site.write(["content/practices/beispiel.md": SiteFixture.practice(title: "Neuer Titel", extra: "sources: [quelle]")])
        try PraxisCommand.build(site.url)
        XCTAssertTrue(try site.read("public/practices/beispiel/index.html").contains("Neuer Titel"))
        XCTAssertFalse(site.exists("public/partners/netzwerk/index.html"), "pages of deleted entries are gone")
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.url.path).sorted()
        XCTAssertEqual(beside, ["content", "public", "seeds"], "no staging folder is left behind")
    }

    /// A build killed at any moment leaves public/ either the old site or the new one, whole.
    func testAKilledBuildLeavesACompleteSite() throws {
        let site = try SiteFixture.make()
        var files: [String: String] = [:]
        for number in 0..<1500 {
            files["content/practices/p\(number).md"] = SiteFixture.practice(title: "Praxis \(number)", body: String(repeating: "Ein Absatz Text.\n\n", count: 40))
        }
        try site.write(files)
        let old = try TemporaryFolder(), new = try TemporaryFolder()
        try PraxisCommand.build(site.url)
        let oldSnapshot = try Snapshot.files(in: site.url.appending(path: "public"))
        try site.write(["content/practices/beispiel.md": SiteFixture.practice(title: "Geändert", extra: "partners: [netzwerk]\nsources: [quelle]")])
        try PraxisCommand.build(site.url, output: new.url.appending(path: "public"))
        let newSnapshot = try Snapshot.files(in: new.url.appending(path: "public"))
        _ = old

        for delay in [0.05, 0.15, 0.3] {
            let process = Process()
            process.executableURL = PraxisCommand.executable
            process.arguments = ["build", site.url.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Snapshot.files(in: site.url.appending(path: "public"))
            XCTAssertTrue(now == oldSnapshot || now == newSnapshot, "public/ is one whole build after a kill at \(delay) s")
        }
        // The next build cleans up what the killed ones left and succeeds.
        try PraxisCommand.build(site.url)
        XCTAssertEqual(try Snapshot.files(in: site.url.appending(path: "public")), newSnapshot)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.url.path).sorted()
        XCTAssertEqual(beside, ["content", "public", "seeds"])
    }

    func testTwoBuildsAreByteIdentical() throws {
        let site = try SiteFixture.make()
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        try PraxisCommand.build(site.url, output: first.url.appending(path: "out"))
        try PraxisCommand.build(site.url, output: second.url.appending(path: "out"))
        let a = try Snapshot.files(in: first.url.appending(path: "out"))
        let b = try Snapshot.files(in: second.url.appending(path: "out"))
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b)
    }
}

/// Kills at exact points of the write stage: the writer, told by `PRAXIS_TEST_STOP_AT`, creates
/// a file there and waits; the test waits for that file (no timing) and kills it.
final class OutputKillPointTests: XCTestCase {
    struct Sites {
        var site: TemporaryFolder
        var old: [String: Data]
        var new: [String: Data]
        var public_: URL { site.url.appending(path: "public") }
    }

    /// A site built once (`old`), then changed; `new` is what a build of the change gives.
    func makeSites() throws -> Sites {
        let site = try SiteFixture.make()
        try PraxisCommand.build(site.url)
        let old = try Snapshot.files(in: site.url.appending(path: "public"))
        try site.write(["content/practices/beispiel.md": SiteFixture.practice(title: "Geändert", extra: "partners: [netzwerk]\nsources: [quelle]")])
        let elsewhere = try TemporaryFolder()
        try PraxisCommand.build(site.url, output: elsewhere.url.appending(path: "public"))
        let new = try Snapshot.files(in: elsewhere.url.appending(path: "public"))
        XCTAssertNotEqual(old, new)
        return Sites(site: site, old: old, new: new)
    }

    /// Starts `praxis build`, waits until it reports reaching `point`, and kills it there.
    func killBuild(_ arguments: [String], at point: String, fallback: Bool, extra: [String] = []) throws {
        let signal = try TemporaryFolder()
        let file = signal.url.appending(path: "reached")
        let process = Process()
        process.executableURL = PraxisCommand.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PRAXIS_TEST_STOP_AT"] = "\(point):\(file.path)"
        if fallback { environment["PRAXIS_NO_RENAME_EXCHANGE"] = "1" }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard waitForStopPoint(file, of: process) else { return XCTFail("the build ended before reaching \(point)") }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func beside(_ sites: Sites) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sites.site.url.path).sorted()
    }

    /// Without renameat2, killed with the new site complete but not yet in place: the old one stays.
    func testFallbackKilledWhenStagedKeepsTheOldSite() throws {
        let sites = try makeSites()
        try killBuild(["build", sites.site.url.path], at: "staged", fallback: true)
        XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.old)
        try PraxisCommand.build(sites.site.url, extra: [])
        XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.new)
        XCTAssertEqual(try beside(sites), ["content", "public", "seeds"], "the staging folder of the killed build is gone")
    }

    /// Without renameat2, killed between the two renames: no public/ for a moment, but the old site
    /// whole under a known name, and the next build (even a failing one) puts it back.
    func testFallbackKilledBetweenTheRenamesIsRestoredByTheNextBuild() throws {
        let sites = try makeSites()
        try killBuild(["build", sites.site.url.path], at: "moved-aside", fallback: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sites.public_.path))
        let aside = try beside(sites).filter { $0.hasPrefix(".praxis-previous-public-") }
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(try Snapshot.files(in: sites.site.url.appending(path: aside.first ?? "?")), sites.old, "the old site is whole")

        try sites.site.write(["content/practices/kaputt.md": "---\ntitle: Kaputt\n---\nText.\n"])
        let failing = try PraxisCommand.run(["build", sites.site.url.path])
        XCTAssertEqual(failing.status, 1, "a build with a broken entry fails")
        XCTAssertTrue(failing.errors.contains("content/practices/kaputt.md"), failing.errors)
        XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.old, "and still puts the old site back")
        XCTAssertEqual(try beside(sites), ["content", "public", "seeds"])

        try FileManager.default.removeItem(at: sites.site.url.appending(path: "content/practices/kaputt.md"))
        try PraxisCommand.build(sites.site.url)
        XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.new)
    }

    /// Killed with the new site in place and the old not yet removed, with and without renameat2:
    /// public/ is the new site; the next build removes the old one.
    func testKilledAfterTheSwapLeavesTheNewSiteAndTheNextBuildCleansUp() throws {
        for fallback in [true, false] {
            let sites = try makeSites()
            try killBuild(["build", sites.site.url.path], at: "swapped", fallback: fallback)
            XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.new, "fallback: \(fallback)")
            let left = try beside(sites)
            XCTAssertEqual(left.count, 4, "the old site is still beside: \(left)")
            try PraxisCommand.build(sites.site.url)
            XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.new)
            XCTAssertEqual(try beside(sites), ["content", "public", "seeds"], "fallback: \(fallback)")
        }
    }

    /// The fallback without kills gives the same site as the exchange and leaves nothing beside.
    func testTheFallbackBuildsTheSameSite() throws {
        let sites = try makeSites()
        let process = Process()
        process.executableURL = PraxisCommand.executable
        process.arguments = ["build", sites.site.url.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["PRAXIS_NO_RENAME_EXCHANGE": "1"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.new)
        XCTAssertEqual(try beside(sites), ["content", "public", "seeds"])
    }

    /// `praxis serve --output DIR` over an earlier build: DIR stays that build, whole, until
    /// serve's first site is complete; killed just before its swap, DIR is the earlier build.
    func testServeOutputKeepsTheEarlierBuildUntilItsOwnIsComplete() throws {
        let sites = try makeSites()
        try killBuild(["serve", sites.site.url.path, "--port", "0", "--output", sites.public_.path], at: "staged", fallback: false)
        XCTAssertEqual(try Snapshot.files(in: sites.public_), sites.old, "the earlier build is untouched")
        XCTAssertEqual(try beside(sites).filter { !$0.hasPrefix(".praxis-staging-") }, ["content", "public", "seeds"])
        // The next build cleans up the staging folder serve left.
        try PraxisCommand.build(sites.site.url)
        XCTAssertEqual(try beside(sites), ["content", "public", "seeds"])
    }
}
