/// A Markdown body after cmark-gfm: HTML whose internal links still wait for their URLs,
/// plus what the other stages need from it.
public struct RenderedMarkdown: Sendable {
    public struct Heading: Sendable {
        public var level: Int
        public var id: String
        public var text: String
    }

    /// A link written as a content path: `@/practices/x.md#anchor` or `@/static/file.pdf`.
    public struct InternalLink: Sendable {
        /// The path after `@/`, without the anchor, e.g. `practices/x.md`.
        public var target: String
        public var anchor: String?
        /// File line where the link is written.
        public var line: Int
        /// What the editor wrote, for messages.
        public var written: String
    }

    /// HTML where internal link `i` is written as `"praxis-ref:i"` (with the quotes).
    public var html: String
    public var headings: [Heading]
    public var links: [InternalLink]
    /// The text without markup, for the search index.
    public var plainText: String

    public static let empty = RenderedMarkdown(html: "", headings: [], links: [], plainText: "")

    static func placeholder(_ index: Int) -> String { "praxis-ref:\(index)" }

    /// The HTML with link `i` written as `urls[i]` (already escaped for an attribute).
    public func html(linking urls: [String]) -> String {
        guard !links.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let found = rest.range(of: "\"praxis-ref:") {
            result += rest[..<found.lowerBound]
            let digits = rest[found.upperBound...].prefix { $0.isNumber }
            let afterDigits = rest[found.upperBound...].dropFirst(digits.count)
            if let index = Int(digits), index < urls.count, afterDigits.first == "\"" {
                result += "\"\(urls[index])\""
                rest = afterDigits.dropFirst()
            } else {
                result += rest[found]
                rest = rest[found.upperBound...]
            }
        }
        result += rest
        return result
    }
}

import Foundation
