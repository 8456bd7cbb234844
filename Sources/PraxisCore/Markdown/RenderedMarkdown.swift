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

    /// A body Praxis refuses to hand to cmark-gfm (too large, too deeply nested): reported by
    /// stage "resolve" on the entry's file.
    public struct Refusal: Sendable, Equatable {
        public var line: Int
        public var message: String
        public var hint: String
    }

    /// The two large parts of a body: in memory, or in the build's `SpillFile`.
    enum Text: Sendable {
        case memory(html: String, plainText: String)
        case spilled(SpillFile, html: Range<Int>, plainText: Range<Int>)

        var html: String {
            switch self {
            case .memory(let html, _): html
            case .spilled(let file, let html, _): file.read(html)
            }
        }

        var plainText: String {
            switch self {
            case .memory(_, let plainText): plainText
            case .spilled(let file, _, let plainText): file.read(plainText)
            }
        }

        /// Whether the plain text is the same, without reading a spilled one: `SearchTables`
        /// keeps this to know what to read again, and holds no text of a spilled body.
        func hasSamePlainText(as other: Text) -> Bool {
            switch (self, other) {
            case (.memory(_, let mine), .memory(_, let theirs)): mine == theirs
            case (.spilled(let mine, _, let range), .spilled(let theirs, _, let other)): mine === theirs && range == other
            default: false
            }
        }
    }

    var text: Text
    /// HTML where the address of internal link `i` is written as `placeholder(i)`.
    public var html: String { text.html }
    public var headings: [Heading]
    public var links: [InternalLink]
    /// The text without markup, for the search index.
    public var plainText: String { text.plainText }
    public var refusal: Refusal?

    public init(html: String, headings: [Heading], links: [InternalLink], plainText: String, refusal: Refusal? = nil) {
        self.text = .memory(html: html, plainText: plainText)
        self.headings = headings
        self.links = links
        self.refusal = refusal
    }

    /// A body whose HTML and plain text are written to `file` as they are made, never held in
    /// memory (see MarkdownRenderer).
    init(spilling html: UnsafeBufferPointer<UInt8>, plainText: UnsafeBufferPointer<UInt8>, into file: SpillFile,
         headings: [Heading], links: [InternalLink]) throws(BuildFailure) {
        self.init(html: "", headings: headings, links: links, plainText: "")
        if html.isEmpty && plainText.isEmpty { return }
        let ranges = try file.append(UnsafeRawBufferPointer(html), UnsafeRawBufferPointer(plainText))
        text = .spilled(file, html: ranges[0], plainText: ranges[1])
    }

    public static let empty = RenderedMarkdown(html: "", headings: [], links: [], plainText: "")

    /// Where an internal link's address goes. It starts with a raw `<`, which cmark-gfm never
    /// writes from content (text, attributes and code escape it; raw HTML is omitted), so no
    /// body can forge it: an editor's `[x](praxis-ref:0)` is a link of its own, not this.
    /// The tag around it is written by `MarkdownRenderer` from the node tree, not by cmark.
    static let placeholderStart = "<praxis-link:"
    static func placeholder(_ index: Int) -> String { "\(placeholderStart)\(index)>" }

    /// The HTML with link `i` written as `urls[i]`, escaped here for the attribute.
    public func html(linking urls: [String]) -> String {
        let html = self.html  // read once: a spilled body is read from its file
        guard !links.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let found = rest.range(of: Self.placeholderStart) {
            result += rest[..<found.lowerBound]
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let afterDigits = rest[found.upperBound...].dropFirst(digits.count)
            // Only the renderer writes the marker, so it is always whole; the check keeps a
            // mistake from ever pasting text.
            precondition(afterDigits.first == ">", "a link placeholder is always complete")
            let index = Int(digits)!
            result += HTMLEscape.attribute(index < urls.count ? urls[index] : "")
            rest = afterDigits.dropFirst()
        }
        result += rest
        return result
    }
}

import Foundation
