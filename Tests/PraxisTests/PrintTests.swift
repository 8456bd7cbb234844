import Foundation
import XCTest

/// A workshop day is handed out on paper: printed by a browser, each day of the catalogue's
/// workshop fills exactly one A4 page. Needs Chromium and pdfinfo (poppler-utils), which
/// `./build.sh test` installs; where either is missing the test fails (a skipped test is a test
/// that does not run) and says what to install.
final class PrintTests: XCTestCase {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pdfinfo = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func testEveryWorkshopDayPrintsOnOneA4Page() throws {
        let chromium = try XCTUnwrap(Self.chromium, "Chromium is not installed: run ./build.sh test, or apt-get install chromium")
        let pdfinfo = try XCTUnwrap(Self.pdfinfo, "pdfinfo is not installed: run ./build.sh test, or apt-get install poppler-utils")
        let out = try TemporaryFolder()
        let site = out.url.appending(path: "public")
        try PraxisCommand.build(CatalogueTests.projectRoot, output: site)
        for day in ["day-1", "day-2"] {
            let page = site.appending(path: "workshops/integrationsstrategie/\(day)/index.html")
            let pdf = out.url.appending(path: "\(day).pdf")
            // A profile of its own, so that no other browser on the machine is disturbed.
            try run("/usr/bin/timeout", ["90", chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                         "--user-data-dir=\(out.url.appending(path: "profile").path)",
                                         "--print-to-pdf=\(pdf.path)", page.absoluteString])
            let info = try run(pdfinfo, [pdf.path])
            XCTAssertNotNil(info.range(of: #"Pages:\s+1\n"#, options: .regularExpression), "\(day) prints on one page:\n\(info)")
            XCTAssertTrue(info.contains("(A4)"), "\(day) prints on A4:\n\(info)")
        }
    }

    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(executable) \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}
