import Foundation
import Hummingbird
import Logging
import PraxisCore
import ServiceLifecycle

/// `praxis serve`: builds the site, serves it on 127.0.0.1 under its base path, and builds
/// again on every change below content/, seeds/ and themes/, telling the open pages.
public enum SiteServer {
    public struct Options: Sendable {
        public var build: BuildOptions
        /// 0 picks a free port (printed once listening).
        public var port: Int
        /// Where to keep a copy of the served site on disk, if anywhere.
        public var output: URL?
        public var verbose: Bool

        public init(build: BuildOptions, port: Int, output: URL?, verbose: Bool) {
            self.build = build
            self.port = port
            self.output = output
            self.verbose = verbose
        }
    }

    /// How long a connection may stay idle: no request coming, or one coming in part. 15 s by
    /// default; PRAXIS_SERVE_IDLE_TIMEOUT (seconds) sets another, which the tests use to see
    /// the timeout without waiting long.
    static var idleTimeout: Duration {
        if let text = ProcessInfo.processInfo.environment["PRAXIS_SERVE_IDLE_TIMEOUT"], let seconds = Double(text), seconds > 0 {
            return .milliseconds(Int64(seconds * 1000))
        }
        return .seconds(15)
    }

    /// Runs until SIGINT or SIGTERM.
    public static func run(_ options: Options) async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.build.siteRoot.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ServeFailure("\(options.build.siteRoot.path) is not a folder. Name a site root: praxis serve PATH.")
        }
        let report = Report(verbose: options.verbose)
        // Before anything opens descriptors of its own: it raises the limit of open files.
        let connections = ConnectionLimit(report: report)
        if let output = options.output { try Pipeline.checkOutput(output, siteRoot: options.build.siteRoot) }
        // Watch first: what is saved while the first build runs is built right after it.
        let watcher = try FileWatcher(root: options.build.siteRoot)
        watcher.start()
        let served = ServedState()
        let events = LiveEvents()
        let executor = BuildExecutor()
        let service = LiveService(watcher: watcher, live: LiveSite(options.build), served: served, events: events,
                                  mirror: options.output?.standardizedFileURL, siteRoot: options.build.siteRoot, report: report, executor: executor)
        await service.rebuild(.all)
        let idleTimeout = Self.idleTimeout
        let hosts = HostCheck(port: options.port)

        var logger = Logger(label: "praxis-serve")
        logger.logLevel = .warning
        let application = Application(
            responder: SiteResponder(served: served, events: events, hosts: hosts),
            // Idle keep-alive connections and requests sent in part (slowloris) are closed after
            // the idle time; a response being sent (the event stream) is not idle.
            server: .http1(configuration: .init(additionalChannelHandlers: [connections.handler()],
                                                idleTimeout: .nanoseconds(Int64(idleTimeout.components.seconds) * 1_000_000_000
                                                    + idleTimeout.components.attoseconds / 1_000_000_000))),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: options.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                hosts.listening(on: port)
                report.line("Serving http://127.0.0.1:\(port)\(served.now.site?.basePath ?? "/") (Ctrl-C to stop)")
            },
            logger: logger
        )
        // Shut down in reverse order: the live service first ends the event streams, then the
        // server can close its connections.
        let group = ServiceGroup(configuration: .init(services: [application, service],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch where "\(error)".contains("Address already in use") {
            throw ServeFailure("port \(options.port) on 127.0.0.1 is taken by another program. Choose another with --port N (--port 0 takes any free one).")
        }
    }
}

/// Why `praxis serve` could not run, in a sentence for the editor.
public struct ServeFailure: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
