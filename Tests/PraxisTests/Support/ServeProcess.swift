import Foundation
import Synchronization
import XCTest

/// A running `praxis serve` on a free port, with what it printed, line by line.
final class ServeProcess: Sendable {
    let process: Process
    let port: Int
    /// The base path the site is served under, e.g. `/sub/pfad/`.
    let basePath: String
    private let lines: Locked<[String]>
    private let errors: Locked<String>

    /// Starts `praxis serve ROOT --port 0 EXTRA` and waits until it serves. `environment` is
    /// added to the test's; `openFiles` starts it through `sh -c 'ulimit -n N; exec praxis ...'`
    /// (the process is then praxis itself, exec'd by the shell).
    init(_ root: URL, extra: [String] = [], environment: [String: String] = [:], openFiles: Int? = nil,
         timeout: TimeInterval = 120) throws {
        process = Process()
        let arguments = ["serve", root.path, "--port", "0"] + extra
        if let openFiles {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(openFiles) && exec \"$0\" \"$@\"", PraxisCommand.executable.path] + arguments
        } else {
            process.executableURL = PraxisCommand.executable
            process.arguments = arguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe(), errorOutput = Pipe()
        process.standardOutput = output
        process.standardError = errorOutput
        let lines = Locked<[String]>([]), errors = Locked(""), partial = Locked("")
        self.lines = lines
        self.errors = errors
        output.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            partial.withLock { partial in
                partial += text
                while let newline = partial.firstIndex(of: "\n") {
                    let line = String(partial[..<newline])
                    partial = String(partial[partial.index(after: newline)...])
                    lines.withLock { $0.append(line) }
                }
            }
        }
        errorOutput.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            errors.withLock { $0 += text }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var serving: String?
        while serving == nil, Date() < deadline, process.isRunning {
            serving = lines.withLock { $0.first { $0.hasPrefix("Serving http://127.0.0.1:") } }
            if serving == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let serving else {
            process.terminate()
            throw ServeError.notServing(lines.withLock { $0.joined(separator: "\n") } + errors.withLock { $0 })
        }
        // "Serving http://127.0.0.1:PORT/base/ (Ctrl-C to stop)"
        let address = serving.dropFirst("Serving http://127.0.0.1:".count).prefix { $0 != " " }
        port = Int(address.prefix { $0.isNumber }) ?? 0
        basePath = String(address.drop { $0.isNumber })
    }

    deinit {
        if process.isRunning {
            process.interrupt()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
        }
    }

    var output: [String] { lines.withLock { $0 } }
    var errorOutput: String { errors.withLock { $0 } }
    /// The lines that report a build: "Built ...", "Rebuilt ..." or "Build failed ...".
    var builds: [String] { output.filter { $0.hasPrefix("Built ") || $0.hasPrefix("Rebuilt ") || $0.hasPrefix("Build failed") } }

    /// Waits for a build reported after the first `count` ones; returns its line.
    @discardableResult
    func waitForBuild(after count: Int, timeout: TimeInterval = 60) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let all = builds
            if all.count > count { return all[count] }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    /// Waits until no build has been reported for `quiet` seconds: every change made before
    /// has been built.
    func waitUntilQuiet(_ quiet: TimeInterval = 1.0, timeout: TimeInterval = 120) {
        let deadline = Date().addingTimeInterval(timeout)
        var count = builds.count
        var since = Date()
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            let now = builds.count
            if now != count {
                count = now
                since = Date()
            } else if Date().timeIntervalSince(since) >= quiet {
                return
            }
        }
    }

    /// Seconds of processor time it used so far (user and system), in clock ticks, from /proc.
    var processorTicks: Int {
        let stat = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
        // Fields after the command name in parentheses: state is the 3rd field, utime the 14th, stime the 15th.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }

    /// Stops it as Ctrl-C does; returns the exit status.
    func interrupt(timeout: TimeInterval = 20) -> Int32? {
        process.interrupt()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func get(_ path: String, method: String = "GET") throws -> LocalHTTP.Response {
        try LocalHTTP.get(port: port, path: path, method: method)
    }

    /// The current state: `{"build": n, "problems": [...]}`.
    func state() throws -> [String: Any] {
        let response = try get("/__praxis/state")
        return (try JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
    }

    /// The problems of the last build as `praxis build` prints them (without "error: ").
    func problems() throws -> [String] {
        ((try state())["problems"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }
}

enum ServeError: Error {
    case notServing(String)
}

/// A value shared with the threads that read a process's output. An `NSLock` (a pthread mutex)
/// rather than `Synchronization.Mutex`, whose futexes ThreadSanitizer cannot see on Linux;
/// `@unchecked Sendable` is sound: `value` is touched only with `lock` held.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.withLock { body(&value) }
    }
}
