import Foundation

/// The fuzz target of `@/` link parsing and resolution: arbitrary bytes become the body of a
/// practice in a tiny site (two practices with headings, a static file with a quote in its
/// name), which is rendered, resolved and written out as the practice page's body would be.
/// A broken invariant stops the process (precondition), which is what a fuzzer looks for.
enum LinkFuzzing {
    /// The practice whose body is fuzzed; the other one is a link target with headings.
    private static let origin = EntryOrigin(file: "content/practices/fuzz.md", lines: KeyLines(start: 1), body: "", bodyLine: 7)
    private static let target = EntryOrigin(file: "content/practices/ziel.md", lines: KeyLines(start: 1),
                                            body: "## Ablauf\n\n## Ziele & Wege\n", bodyLine: 7)

    static func run(_ data: Data) {
        var fuzzed = origin
        fuzzed.body = String(decoding: data, as: UTF8.self)
        let config = SiteConfig(title: "Fuzz", description: nil, baseURL: "https://example.org/", language: "de",
                                languages: ["de"], theme: "default", pageSize: 20, facets: [])
        var content = ParsedContent(config: config)
        content.practices = [practice("fuzz", fuzzed), practice("ziel", target)]
        content.staticFiles = ["datei.pdf", "a\"b<c>.pdf", "ordner/bild.png"]
        content.fileIDs = [.practice: ["fuzz", "ziel"]]
        let bodies = Dictionary(uniqueKeysWithValues: content.origins.map {
            ($0.file, MarkdownRenderer.render($0.body, firstLine: $0.bodyLine))
        })
        let html: String
        do {
            let site = try Resolver(content: content, bodies: bodies, includeDrafts: false).resolve()
            html = site.body(of: fuzzed.file, root: "../../")
        } catch {
            // Broken links are reported, not written; what the body holds apart from them still
            // goes through the same placeholder filling, with empty addresses.
            let body = bodies[fuzzed.file]!
            html = body.html(linking: Array(repeating: "", count: body.links.count))
        }
        checkInvariants(html, input: fuzzed.body)
    }

    private static func practice(_ id: String, _ origin: EntryOrigin) -> Practice {
        var fields = Practice.Fields(id: id, origin: origin, lang: "de")
        fields.title = id
        fields.summary = id
        return Practice(fields)
    }

    /// Attributes cmark-gfm and Praxis write into a body (`style` only as a table cell's
    /// `text-align`); any other (an `onerror`) was injected.
    private static let attributes: Set<String> = [
        "href", "src", "alt", "title", "id", "class", "type", "checked", "disabled", "start", "align", "style", "aria-label",
        "data-footnote-ref", "data-footnote-backref", "data-footnotes", "lang",
    ]

    /// Every tag is well-formed: a name, then attributes from the known set whose quoted
    /// values hold no raw `<` or `"`; no link placeholder is left.
    static func checkInvariants(_ html: String, input: String) {
        precondition(!html.contains(RenderedMarkdown.placeholderStart), "a link placeholder was left in the HTML")
        // No check for a text like "praxis-": heading ids are made from the text (a heading
        // "Praxis unter ..." has the id "praxis-unter-..."); the placeholder check above is the marker.
        let bytes = Array(html.utf8)
        var index = 0
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                guard let end = findComment(bytes, from: index) else {
                    preconditionFailure("an unclosed comment")
                }
                index = end
                continue
            }
            index += 1
            if at(0) == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while let byte = at(0), isNameByte(byte) { index += 1 }
            precondition(index > nameStart, "a < that starts no tag")
            while true {
                while let byte = at(0), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") { index += 1 }
                guard let byte = at(0) else { preconditionFailure("an unclosed tag") }
                if byte == UInt8(ascii: ">") { index += 1; break }
                if byte == UInt8(ascii: "/"), at(1) == UInt8(ascii: ">") { index += 2; break }
                let attributeStart = index
                while let next = at(0), isNameByte(next) { index += 1 }
                let name = String(decoding: bytes[attributeStart..<index], as: UTF8.self)
                precondition(attributes.contains(name), "an attribute nobody writes: \(name)")
                guard at(0) == UInt8(ascii: "=") else { continue }
                precondition(at(1) == UInt8(ascii: "\""), "an unquoted attribute value")
                index += 2
                let valueStart = index
                while let next = at(0), next != UInt8(ascii: "\"") {
                    precondition(next != UInt8(ascii: "<") && next != UInt8(ascii: ">"), "a raw < or > in an attribute value")
                    index += 1
                }
                precondition(at(0) == UInt8(ascii: "\""), "an unclosed attribute value")
                if name == "style" {
                    let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                    precondition(["text-align: left", "text-align: center", "text-align: right"].contains(value), "a style nobody writes: \(value)")
                }
                index += 1
            }
        }
    }

    private static func findComment(_ bytes: [UInt8], from start: Int) -> Int? {
        let end = Array("-->".utf8)
        var index = start + 4
        while index + 3 <= bytes.count {
            if bytes[index..<index + 3].elementsEqual(end) { return index + 3 }
            index += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
}
