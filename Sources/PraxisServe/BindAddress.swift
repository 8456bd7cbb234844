import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The address `praxis serve --bind` listens on: an IPv4 or IPv6 address of this machine, or
/// a wildcard (`0.0.0.0`, `::`) for all of them. Only numeric addresses: a name would be
/// resolved through DNS, which is what a rebinding attack controls.
public struct BindAddress: Sendable, Equatable, CustomStringConvertible {
    /// The canonical text (`inet_ntop`), e.g. `192.168.1.20` or `fe80::1`.
    public let description: String
    let isIPv6: Bool
    private let bytes: [UInt8]

    public static let loopback = BindAddress("127.0.0.1")!

    /// Nil when `text` is not a numeric IPv4 or IPv6 address; `localhost` is 127.0.0.1.
    public init?(_ text: String) {
        let text = text.lowercased() == "localhost" ? "127.0.0.1" : text
        // A bracketed IPv6 address as in a URL is taken too.
        let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        if let bytes = Self.parse(bare, family: AF_INET, size: 4) {
            self.init(bytes: bytes, isIPv6: false)
        } else if let bytes = Self.parse(bare, family: AF_INET6, size: 16) {
            self.init(bytes: bytes, isIPv6: true)
        } else {
            return nil
        }
    }

    private init(bytes: [UInt8], isIPv6: Bool) {
        self.bytes = bytes
        self.isIPv6 = isIPv6
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        _ = bytes.withUnsafeBytes { inet_ntop(isIPv6 ? AF_INET6 : AF_INET, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        description = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func parse(_ text: String, family: Int32, size: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: size)
        return inet_pton(family, text, &bytes) == 1 ? bytes : nil
    }

    /// `0.0.0.0` or `::`: every address of the machine.
    public var isWildcard: Bool { bytes.allSatisfy { $0 == 0 } }

    /// 127.0.0.0/8 or ::1: reachable from this machine only.
    public var isLoopback: Bool {
        isIPv6 ? bytes == [UInt8](repeating: 0, count: 15) + [1] : bytes[0] == 127
    }

    /// As the host of a URL or a Host header: IPv6 in brackets.
    public var urlHost: String { isIPv6 ? "[\(description)]" : description }

    /// The addresses of this machine's network interfaces that are up, loopback left out, in the
    /// order the system lists them: where another device reaches a wildcard bind. IPv4 only for
    /// `0.0.0.0`; IPv6 too for `::` (Linux listens on both then). Link-local IPv6 addresses are
    /// left out: a browser needs a zone index for them, which a Host header cannot carry.
    public func networkAddresses() -> [BindAddress] {
        guard isWildcard else { return isLoopback ? [] : [self] }
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return [] }
        defer { freeifaddrs(first) }
        var found: [BindAddress] = []
        var next = first
        while let entry = next?.pointee {
            next = entry.ifa_next
            guard let socketAddress = entry.ifa_addr, entry.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            let address: BindAddress
            switch Int32(socketAddress.pointee.sa_family) {
            case AF_INET:
                let bytes = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
                }
                address = BindAddress(bytes: bytes, isIPv6: false)
            case AF_INET6 where isIPv6:
                let bytes = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                }
                address = BindAddress(bytes: bytes, isIPv6: true)
                if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { continue }  // fe80::/10
            default:
                continue
            }
            if !address.isLoopback, !found.contains(address) { found.append(address) }
        }
        return found
    }
}
