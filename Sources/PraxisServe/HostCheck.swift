import Synchronization

/// Which Host a request may name. A page on another site can make the browser resolve its own
/// name to 127.0.0.1 (DNS rebinding) and then read the served site, drafts included, as if it
/// were its own: such requests carry that site's name in Host. So only the loopback names of
/// the port the server listens on are answered.
final class HostCheck: Sendable {
    /// The port the server listens on; 0 until it is known (with `--port 0`).
    private let port = Atomic<Int>(0)

    init(port: Int) {
        self.port.store(port, ordering: .relaxed)
    }

    func listening(on port: Int) {
        self.port.store(port, ordering: .relaxed)
    }

    /// `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT` (case does not matter for the name;
    /// without a port only when the port is 80, as browsers leave it out then).
    func allows(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let port = port.load(ordering: .relaxed)
        for name in ["127.0.0.1", "localhost", "[::1]"] {
            if host == "\(name):\(port)" || (port == 80 && host == name) { return true }
        }
        return false
    }

    /// What a refused request is told; plain text, naming no part of the request.
    var refusal: String {
        let port = port.load(ordering: .relaxed)
        return "praxis serve answers only requests for 127.0.0.1:\(port) or localhost:\(port); this request named another host.\n"
    }
}
