import Foundation
import XCTest

/// The build reads only regular files and folders inside the site root, and every file system
/// failure names its path and says what to do.
final class FileSystemTests: XCTestCase {
    /// Links out of the site root, links inside it, two links to `.` and a FIFO: each is named,
    /// the build ends (no loop, no block), and nothing is published.
    func testSymbolicLinksAndSpecialFilesAreRefusedAndNothingIsPublished() throws {
        let site = try SiteFixture.make(["content/static/plan.txt": "ein Plan\n"])
        let manager = FileManager.default
        func link(_ path: String, to target: String) throws {
            try manager.createSymbolicLink(atPath: site.url.appending(path: path).path, withDestinationPath: target)
        }
        try link("content/static/passwd", to: "/etc/passwd")
        try link("content/static/etc", to: "/etc")
        try link("content/static/loop-a", to: ".")
        try link("content/static/loop-b", to: ".")
        try link("content/static/kopie.txt", to: "plan.txt")
        try link("content/practices/fremd.md", to: "/proc/self/environ")
        try link("seeds/andere.md", to: "quelle.md")
        XCTAssertEqual(mkfifo(site.url.appending(path: "content/static/pipe").path, 0o644), 0)

        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1, result.errors)
        for (path, target, outside) in [("content/static/passwd", "/etc/passwd", true), ("content/static/etc", "/etc", true),
                                        ("content/static/loop-a", ".", false), ("content/static/loop-b", ".", false),
                                        ("content/static/kopie.txt", "plan.txt", false),
                                        ("content/practices/fremd.md", "/proc/self/environ", true), ("seeds/andere.md", "quelle.md", false)] {
            let line = result.errors.split(separator: "\n").first { $0.hasPrefix("error: \(path): ") }
            XCTAssertNotNil(line, "\(path) is named:\n\(result.errors)")
            XCTAssertTrue(line?.contains("is a symbolic link to \"\(target)\"") == true, String(line ?? ""))
            XCTAssertEqual(line?.contains("outside the site root") == true, outside, String(line ?? ""))
            XCTAssertTrue(line?.contains("Replace the link by a copy") == true, String(line ?? ""))
        }
        XCTAssertTrue(result.errors.contains("error: content/static/pipe: is a named pipe (FIFO), not a regular file"), result.errors)
        XCTAssertFalse(site.exists("public"), "nothing is written")
        XCTAssertFalse(result.errors.contains("root:x:0"), "no byte of /etc/passwd is shown")
    }

    /// A linked theme folder and a link inside a theme are refused like content.
    func testLinksInThemesAndAtSourceFoldersAreRefused() throws {
        let elsewhere = try TemporaryFolder()
        try elsewhere.write(["keys.txt": "geheim\n"])
        let site = try SiteFixture.make()
        try FileManager.default.createDirectory(at: site.url.appending(path: "themes"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url.appending(path: "themes/default").path, withDestinationPath: elsewhere.url.path)
        let result = try PraxisCommand.run(["build", site.url.path])
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertTrue(result.errors.contains("error: themes/default: is a symbolic link to \"\(elsewhere.url.path)\", outside the site root"), result.errors)
        XCTAssertFalse(site.exists("public"))
    }

    /// A folder the build cannot list is an error naming it, never a site without its entries.
    /// Root reads every folder, so when the tests run as root the build runs as `nobody`.
    func testAnUnreadableFolderIsAnError() throws {
        let site = try SiteFixture.make(["content/practices/zweite.md": SiteFixture.practice(title: "Zweite")])
        let out = try Self.folderForEveryone()
        try Self.makeReadableForEveryone(site.url)
        XCTAssertEqual(chmod(site.url.appending(path: "content/practices").path, 0o000), 0)
        defer { chmod(site.url.appending(path: "content/practices").path, 0o755) }
        let result = try Self.runAsUnprivileged(["build", site.url.path, "--output", out.url.appending(path: "site").path])
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertTrue(result.errors.contains("error: content/practices: cannot list the folder: permission denied. Everything in it would be left out of the site. Make it readable"), result.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.url.appending(path: "site").path))
    }

    /// An output folder the user may not write: the path, the reason, what to do; the old site stays.
    func testAnOutputFolderWithoutPermissionNamesThePath() throws {
        let site = try SiteFixture.make()
        let parent = try TemporaryFolder()
        try Self.makeReadableForEveryone(site.url)
        try PraxisCommand.build(site.url, output: parent.url.appending(path: "site"))
        let before = try Snapshot.files(in: parent.url.appending(path: "site"))
        // The folder holding the output (where staging goes) is root's and not writable for others.
        XCTAssertEqual(chmod(parent.url.path, getuid() == 0 ? 0o755 : 0o555), 0)
        defer { chmod(parent.url.path, 0o755) }
        let result = try Self.runAsUnprivileged(["build", site.url.path, "--output", parent.url.appending(path: "site").path])
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertTrue(result.errors.contains("error: \(parent.url.path): cannot create a folder in it: permission denied. Give your user the right to change it"), result.errors)
        XCTAssertFalse(result.errors.contains("NSCocoaErrorDomain"))
        XCTAssertEqual(try Snapshot.files(in: parent.url.appending(path: "site")), before)
    }

    /// A name longer than the file system allows (255 bytes) is named with the reason.
    func testAnOverlongNameNamesThePath() throws {
        let site = try SiteFixture.make()
        let parent = try TemporaryFolder()
        let output = parent.url.appending(path: String(repeating: "a", count: 300))
        let result = try PraxisCommand.run(["build", site.url.path, "--output", output.path])
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertTrue(result.errors.contains("error: \(output.path): cannot create the output folder: a name is too long"), result.errors)
        XCTAssertTrue(result.errors.contains("Shorten the name"), result.errors)
        XCTAssertFalse(result.errors.contains("NSCocoaErrorDomain"))
    }

    /// A full disk while the site is written: the file is named, the disk is said to be full, and
    /// the previous site stays as it was with no staging folder left. Needs a small file system
    /// of its own: a 1 MiB tmpfs, which only root can mount.
    func testAFullDiskNamesTheFileAndKeepsThePreviousSite() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
        let disk = try TemporaryFolder()
        XCTAssertEqual(try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.url.path]), 0)
        defer { _ = try? Self.run("/bin/umount", [disk.url.path]) }
        let site = try SiteFixture.make()
        let output = disk.url.appending(path: "site")
        try PraxisCommand.build(site.url, output: output)
        let before = try Snapshot.files(in: output)
        try site.write("content/static/gross.bin", Data(repeating: 7, count: 2 * 1024 * 1024))
        let result = try PraxisCommand.run(["build", site.url.path, "--output", output.path])
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertTrue(result.errors.contains("error: \(output.path)/gross.bin: cannot write the file: the disk is full"), result.errors)
        XCTAssertTrue(result.errors.contains("Free space on that disk"), result.errors)
        XCTAssertEqual(try Snapshot.files(in: output), before, "the previous site is unchanged")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.url.path), ["site"], "no staging folder is left")
    }

    /// When the old site cannot be removed after the swap, the build says what happened: the
    /// new site is in place, the old one is left at a named path.
    func testAnOldSiteThatCannotBeRemovedIsReportedAsItIs() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to make a folder the build's user cannot empty") }
        let site = try SiteFixture.make()
        let parent = try Self.folderForEveryone()
        try Self.makeReadableForEveryone(site.url)
        let output = parent.url.appending(path: "site")
        let first = try Self.runAsUnprivileged(["build", site.url.path, "--output", output.path])
        XCTAssertEqual(first.status, 0, first.errors)
        // A folder in the old site that belongs to root: the build (as nobody) cannot empty it.
        try FileManager.default.createDirectory(at: output.appending(path: "gesperrt"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: output.appending(path: "gesperrt/datei.txt"))
        try site.write(["content/practices/beispiel.md": SiteFixture.practice(title: "Neu", extra: "partners: [netzwerk]\nsources: [quelle]")])
        let result = try Self.runAsUnprivileged(["build", site.url.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, "the build itself succeeded: \(result.errors)")
        XCTAssertTrue(result.errors.contains("warning: The new site is in place in \(output.path), but the previous one could not be removed"), result.errors)
        XCTAssertTrue(result.errors.contains("permission denied"), result.errors)
        XCTAssertFalse(result.errors.contains("was not changed"), result.errors)
        XCTAssertTrue(try String(contentsOf: output.appending(path: "practices/beispiel/index.html"), encoding: .utf8).contains("Neu"))
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.url.path).filter { $0 != "site" }
        XCTAssertEqual(left.count, 1, "the old site is left beside: \(left)")
        XCTAssertTrue(result.errors.contains("It is left at \(parent.url.appending(path: left.first ?? "?").path)"), result.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: parent.url.appending(path: "\(left.first ?? "?")/gesperrt/datei.txt").path))
    }

    /// The output may be reached through a link (only the site's sources may not hold one), and
    /// the fallback's leftovers are found there too.
    func testAnOutputReachedThroughALinkIsWrittenAndReplaced() throws {
        let site = try SiteFixture.make()
        let disk = try TemporaryFolder(), place = try TemporaryFolder()
        let link = place.url.appending(path: "sites")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: disk.url.path)
        try PraxisCommand.build(site.url, output: link.appending(path: "site"))
        try site.write(["content/practices/beispiel.md": SiteFixture.practice(title: "Neu", extra: "partners: [netzwerk]\nsources: [quelle]")])
        try PraxisCommand.build(site.url, output: link.appending(path: "site"))
        XCTAssertTrue(try disk.read("site/practices/beispiel/index.html").contains("Neu"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.url.path), ["site"])
    }

    // MARK: Helpers

    /// Runs praxis as an ordinary user: `nobody` when the tests run as root (root ignores
    /// permissions), else as the tests' own user.
    static func runAsUnprivileged(_ arguments: [String]) throws -> PraxisCommand.Result {
        guard getuid() == 0 else { return try PraxisCommand.run(arguments) }
        return try PraxisCommand.run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                     ["--reuid=65534", "--regid=65534", "--clear-groups", PraxisCommand.executable.path] + arguments)
    }

    /// A temporary folder the unprivileged user may write in.
    static func folderForEveryone() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        XCTAssertEqual(chmod(folder.url.path, 0o777), 0)
        return folder
    }

    static func makeReadableForEveryone(_ folder: URL) throws {
        XCTAssertEqual(try run("/bin/chmod", ["-R", "a+rX", folder.path]), 0)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// `praxis serve` walks the same sources with its file watcher: links are not walked into.
final class ServeFileSystemTests: XCTestCase {
    func testServeWithLinkLoopsStartsAndShowsTheProblems() throws {
        let site = try SiteFixture.make(["content/static/plan.txt": "ein Plan\n"])
        for name in ["loop-a", "loop-b"] {
            try FileManager.default.createSymbolicLink(atPath: site.url.appending(path: "content/static/\(name)").path, withDestinationPath: ".")
        }
        let serve = try ServeProcess(site.url)
        let problems = try serve.problems()
        XCTAssertTrue(problems.contains { $0.contains("content/static/loop-a") && $0.contains("symbolic link") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("content/static/loop-b") && $0.contains("symbolic link") }, "\(problems)")
        // Removing the links makes the site build.
        let before = serve.builds.count
        for name in ["loop-a", "loop-b"] { try FileManager.default.removeItem(at: site.url.appending(path: "content/static/\(name)")) }
        // Two removals may be one build or two: wait for the one after the second.
        XCTAssertNotNil(serve.waitForBuild(after: before))
        if try !serve.problems().isEmpty { XCTAssertNotNil(serve.waitForBuild(after: before + 1)) }
        XCTAssertEqual(try serve.problems(), [])
        // The base path of site.yaml (the first build, failed, had none to print).
        XCTAssertEqual(try serve.get("/katalog/plan.txt").text, "ein Plan\n")
    }
}
