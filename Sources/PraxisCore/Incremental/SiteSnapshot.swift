import Foundation

/// A complete built site in memory, as `praxis serve` serves it: the generated files and the
/// static files copied from content/static/. Byte for byte what `praxis build` writes.
public struct SiteSnapshot: Sendable {
    /// Path below the site root -> bytes.
    public var files: [String: Data]
    /// Path below the site root -> the source file it is a copy of.
    public var copies: [String: URL]
    /// The path part of base_url (`/katalog/`), under which the site is served.
    public var basePath: String
    /// Counts the good builds; pages carry it so a browser knows when it shows an old one.
    public var build: Int

    public static let empty = SiteSnapshot(files: [:], copies: [:], basePath: "/", build: 0)

    /// Every path of the site, sorted.
    public var paths: [String] { (Array(files.keys) + Array(copies.keys)).sorted() }
}
