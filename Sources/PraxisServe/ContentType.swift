import Foundation
import Hummingbird

/// The Content-Type a static host sends for a file of the site, with the charset for text:
/// every text file Praxis writes is UTF-8.
enum ContentType {
    private static let text: [String: String] = [
        "html": "text/html", "css": "text/css", "js": "text/javascript", "json": "application/json",
        "xml": "application/xml", "csv": "text/csv", "txt": "text/plain", "svg": "image/svg+xml", "md": "text/markdown",
    ]

    static func of(_ path: String) -> String {
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if let type = text[fileExtension] { return type + "; charset=utf-8" }
        return MediaType.getMediaType(forExtension: fileExtension)?.description ?? "application/octet-stream"
    }
}
