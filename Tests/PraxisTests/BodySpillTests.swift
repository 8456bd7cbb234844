import Foundation
import XCTest

/// `praxis build` keeps the rendered bodies in a temporary file (in `TMPDIR`) from stage
/// "markdown" until their pages are written. The file has no name, so nothing of it is ever
/// left in the temporary folder: not after a failed build, not after a killed one.
final class BodySpillTests: XCTestCase {
    /// Runs `praxis build` with `TMPDIR` set to `temporary` and `extra` in its environment.
    func startBuild(_ site: TemporaryFolder, temporary: TemporaryFolder, extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = PraxisCommand.executable
        process.arguments = ["build", site.url.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.url.path]) { $1 }.merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func entries(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    }

    /// Stopped once every page is written (the bodies were read back from the file, which is
    /// still open): the process holds a file in the temporary folder that has no name there,
    /// and once killed, the folder is still empty.
    func testAKilledBuildLeavesNoSpillFile() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(
            extra: "partners: [netzwerk]\nsources: [quelle]", body: "## Ein Abschnitt\n\nText mit [Verweis](@/partners/netzwerk.md).\n")])
        let temporary = try TemporaryFolder(), signal = try TemporaryFolder()
        let reached = signal.url.appending(path: "reached")
        let process = try startBuild(site, temporary: temporary, extra: ["PRAXIS_TEST_STOP_AT": "staged:\(reached.path)"])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        guard waitForStopPoint(reached, of: process) else { return XCTFail("the build ended before its site was staged") }
        let descriptors = "/proc/\(process.processIdentifier)/fd"
        let open = try FileManager.default.contentsOfDirectory(atPath: descriptors).compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: descriptors + "/" + $0)
        }
        let spilled = open.filter { $0.hasPrefix(temporary.url.path + "/") }
        XCTAssertEqual(spilled.count, 1, "one file open in the temporary folder: \(open)")
        XCTAssertTrue(spilled.allSatisfy { $0.hasSuffix(" (deleted)") }, "and it has no name there: \(spilled)")
        XCTAssertEqual(try entries(temporary), [], "nothing in the temporary folder while the build runs")

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(try entries(temporary), [], "nothing in the temporary folder after the kill")

        // Not stopped, the build shows the body as it was read back, with its link filled in.
        let next = try startBuild(site, temporary: temporary)
        next.waitUntilExit()
        XCTAssertEqual(next.terminationStatus, 0)
        let page = try site.read("public/practices/beispiel/index.html")
        XCTAssertTrue(page.contains("<h2 id=\"ein-abschnitt\">Ein Abschnitt</h2>") && page.contains("href=\"../../partners/netzwerk/\">Verweis</a>"), page)
        XCTAssertEqual(try entries(temporary), [])
    }

    /// A body with a broken link fails the build in stage "resolve", after the bodies went to the
    /// file: the error names the link, and the temporary folder is empty.
    func testAFailedBuildLeavesNoSpillFile() throws {
        let site = try SiteFixture.make(["content/practices/beispiel.md": SiteFixture.practice(body: "Siehe [dort](@/practices/fehlt.md).\n")])
        let temporary = try TemporaryFolder()
        let process = try startBuild(site, temporary: temporary)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertFalse(site.exists("public"), "a failed build writes nothing")
        XCTAssertEqual(try entries(temporary), [])
    }

    /// A temporary folder that does not exist is named, with what to do, and nothing is written.
    func testAMissingTemporaryFolderIsReported() throws {
        let site = try SiteFixture.make()
        let temporary = try TemporaryFolder()
        let missing = temporary.url.appending(path: "fehlt").path
        let process = Process()
        process.executableURL = PraxisCommand.executable
        process.arguments = ["build", site.url.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": missing]) { $1 }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(text.contains(missing) && text.contains("cannot create a temporary file in the folder: it does not exist"), text)
        XCTAssertTrue(text.contains("Set TMPDIR to a folder that exists"), text)
        XCTAssertFalse(site.exists("public"))
    }
}
