import Foundation
import Hummingbird
import Logging
import PraxisCore
import ServiceLifecycle

/// `praxis serve`: builds the site, serves it on 127.0.0.1 (or the `--bind` address) under its
/// base path, and builds again on every change below content/, seeds/ and themes/, telling the
/// open pages.
public enum SiteServer {
    public struct Options: Sendable {
        public var build: BuildOptions
        /// 0 picks a free port (printed once listening).
        public var port: Int
        /// 127.0.0.1 unless `--bind` names another address of the machine, or all of them.
        public var bind: BindAddress
        /// Where to keep a copy of the served site on disk, if anywhere.
        public var output: URL?
        public var verbose: Bool

        public init(build: BuildOptions, port: Int, bind: BindAddress = .loopback, output: URL?, verbose: Bool) {
            self.build = build
            self.port = port
            self.bind = bind
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
        // Before the first build: an address of another machine is a typing mistake, told at once.
        let own = BindAddress("::")!.networkAddresses()
        if !options.bind.isWildcard, !options.bind.isLoopback, !own.contains(options.bind) {
            throw notOwn(options.bind, own: own)
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
        let bind = options.bind
        let network = bind.networkAddresses()
        let hosts = HostCheck(port: options.port, networkNames: Self.networkNames(bind: bind, network: network))

        var logger = Logger(label: "praxis-serve")
        logger.logLevel = .warning
        let application = Application(
            responder: SiteResponder(served: served, events: events, hosts: hosts),
            // Idle keep-alive connections and requests sent in part (slowloris) are closed after
            // the idle time; a response being sent (the event stream) is not idle.
            server: .http1(configuration: .init(additionalChannelHandlers: [connections.handler()],
                                                idleTimeout: .nanoseconds(Int64(idleTimeout.components.seconds) * 1_000_000_000
                                                    + idleTimeout.components.attoseconds / 1_000_000_000))),
            configuration: ApplicationConfiguration(address: .hostname(bind.description, port: options.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                hosts.listening(on: port)
                let path = served.now.site?.basePath ?? "/"
                // A wildcard bind listens on loopback too: the local address stays the first line.
                let local = bind.isWildcard ? "127.0.0.1" : bind.urlHost
                report.line("Serving http://\(local):\(port)\(path) (Ctrl-C to stop)")
                let addresses = network.filter { $0 != bind }.map { "http://\($0.urlHost):\(port)\(path)" }
                for address in addresses { report.line("On the network: \(address)") }
                if !bind.isLoopback {
                    report.warning(network.isEmpty
                        ? "--bind \(bind): no network address of this machine was found; only this machine can open the preview."
                        : "--bind \(bind): the preview\(options.build.includeDrafts ? ", drafts included," : "") can be opened by every "
                          + "device that reaches \(network.map(\.description).joined(separator: ", ")) on your network. Use it on a network "
                          + "you trust (not a public Wi-Fi) and stop it with Ctrl-C when done.")
                }
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
            throw ServeFailure("port \(options.port) on \(bind) is taken by another program. Choose another with --port N (--port 0 takes any free one).")
        } catch where "\(error)".contains("Cannot assign requested address") {
            throw notOwn(bind, own: own)
        }
    }

    private static func notOwn(_ bind: BindAddress, own: [BindAddress]) -> ServeFailure {
        ServeFailure("--bind \(bind) is not an address of this machine. Use one of \((["127.0.0.1"] + own.map(\.description)).joined(separator: ", ")), "
                     + "or 0.0.0.0 for all of them.")
    }

    /// The Host names that reach the server besides the loopback ones: its addresses, and when
    /// other devices can reach it, the machine's name (and its `.local` name, which phones
    /// resolve by multicast DNS). A rebinding site cannot send these names for its own pages.
    static func networkNames(bind: BindAddress, network: [BindAddress]) -> [String] {
        var names = network.map(\.urlHost)
        if !bind.isWildcard, !HostCheck.loopbackNames.contains(bind.urlHost), !names.contains(bind.urlHost) {
            names.append(bind.urlHost)
        }
        if !network.isEmpty, let machine = machineName() {
            names += [machine, machine + ".local"].filter { !names.contains($0) }
        }
        return names
    }

    /// gethostname(2), when it is a plain host name (letters, digits, `-`, `.`).
    private static func machineName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        guard !name.isEmpty, name != "localhost", name.allSatisfy(allowed.contains) else { return nil }
        return name
    }
}

/// Why `praxis serve` could not run, in a sentence for the editor.
public struct ServeFailure: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
