import Foundation
import Synchronization

/// Which Host a request may name. A page on another site can make the browser resolve its own
/// name to an address of this machine (DNS rebinding) and then read the served site, drafts
/// included, as if it were its own: such requests carry that site's name in Host. So only the
/// loopback names and, with `--bind`, the machine's own addresses and host name are answered,
/// each with the port the server listens on.
final class HostCheck: Sendable {
    /// The port the server listens on; 0 until it is known (with `--port 0`).
    private let port = Atomic<Int>(0)
    /// The names (lowercased, IPv6 in brackets) a request may give besides the loopback ones.
    let networkNames: [String]

    static let loopbackNames = ["127.0.0.1", "localhost", "[::1]"]

    /// `networkNames`: where other devices reach the server (its addresses, the machine's name).
    init(port: Int, networkNames: [String] = []) {
        self.port.store(port, ordering: .relaxed)
        self.networkNames = networkNames.map { $0.lowercased() }
    }

    func listening(on port: Int) {
        self.port.store(port, ordering: .relaxed)
    }

    /// `NAME:PORT` for a loopback name or one of `networkNames` (case does not matter for the
    /// name; without a port only when the port is 80, as browsers leave it out then).
    func allows(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let port = port.load(ordering: .relaxed)
        for name in Self.loopbackNames + networkNames {
            if host == "\(name):\(port)" || (port == 80 && host == name) { return true }
        }
        return false
    }

    /// What a refused request is told; plain text, naming no part of the request.
    var refusal: String {
        let port = port.load(ordering: .relaxed)
        let network = networkNames.isEmpty ? ""
            : ", or for this machine on the network (\(networkNames.map { "\($0):\(port)" }.joined(separator: ", ")))"
        return "praxis serve answers only requests for 127.0.0.1:\(port) or localhost:\(port)\(network); this request named another host.\n"
    }
}
