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
