import Foundation
import XCTest

/// Runs the built `praxis` executable, the way editors and CI use it.
struct PraxisCommand {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// `.build/<triple>/debug/praxis`, next to the test bundle.
    static var executable: URL {
        // On Linux the test bundle is the build folder itself; elsewhere an .xctest inside it.
        var folder = Bundle(for: TemporaryFolder.self).bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appending(path: "praxis")
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Result {
        try run(executable, arguments, in: folder)
    }

    /// Runs `program` with `arguments`; `program` is praxis itself, or a launcher (setpriv) that runs it.
    static func run(_ program: URL, _ arguments: [String], in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      errors: String(decoding: errData, as: UTF8.self))
    }

    /// `praxis build ROOT -o OUT` that must succeed.
    @discardableResult
    static func build(_ root: URL, output: URL? = nil, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        var arguments = ["build", root.path]
        if let output { arguments += ["--output", output.path] }
        let result = try run(arguments + extra)
        XCTAssertEqual(result.status, 0, "praxis build failed:\n\(result.errors)", file: file, line: line)
        return result
    }
}
