import CCmarkGFM
import Foundation

/// GitHub Flavored Markdown through Debian's cmark-gfm.
///
/// Debian builds cmark-gfm without its thread-safety option, and two things in it are
/// process-global: the extension registry, and the inline parser's table of special
/// characters, which `cmark_parser_finish` changes while it parses a document's inlines (it
/// adds the attached extensions' characters, parses, and takes them out again). So the
/// extensions are registered once, before any parse, and `cmark_parser_finish` holds a
/// process-wide lock. The rest works on the parser's and the document's own memory and runs
/// in parallel: block parsing (`cmark_parser_feed`), our walk over the tree, the HTML renderer.
///
/// Why a lock rather than worker processes: measured on the 10k corpus (release build, the
/// time inside `cmark_parser_finish` summed against the time of whole `render` calls), the
/// part that must wait is 1.7 s of 11.0 s, 16 %; the threads waited 0.75 s in all for the
/// lock. So two cores run the stage up to 1/(0.16 + 0.84/2) = 1.7x as fast as one, and
/// worker processes could gain at most the rest (to 2x) while copying every body and its
/// HTML through pipes and adding a second process that can fail.
public enum MarkdownRenderer {
    private static let inlineLock = NSLock()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    /// Registers the extensions, once: Swift runs a static's initializer exactly once, on first use.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Footnotes are a parser option in cmark-gfm, not an extension. Raw HTML stays omitted
    /// (no CMARK_OPT_UNSAFE): editors write Markdown, and a body can never inject script.
    /// Table alignment as `style="text-align: ..."`: the `align` attribute cmark-gfm writes
    /// otherwise is obsolete in HTML5 and fails the validator.
    private static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Renders `markdown` whose first line is line `firstLine` of `file`. A body beyond
    /// `BodyLimits` is refused before cmark-gfm sees it: empty HTML and a `refusal`.
    /// Safe to call from several threads at once (see above).
    public static func render(_ markdown: String, firstLine: Int) -> RenderedMarkdown {
        var slugs = HeadingSlugs()
        return render(markdown, firstLine: firstLine, slugs: &slugs)
    }

    /// `render`, with heading ids kept in `slugs` from one body to the next.
    static func render(_ markdown: String, firstLine: Int, slugs: inout HeadingSlugs) -> RenderedMarkdown {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            render(bytes, firstLine: firstLine, slugs: &slugs) { html, plainText, headings, links in
                RenderedMarkdown(html: String(decoding: html, as: UTF8.self), headings: headings, links: links,
                                 plainText: String(decoding: plainText, as: UTF8.self))
            }
        }
    }

    /// `render`, with the HTML and the plain text written to `spill` straight from cmark's
    /// buffer and the walk's (`praxis build`): no String is made of either, nor checked again
    /// to be UTF-8 (cmark-gfm writes UTF-8, CMARK_OPT_VALIDATE_UTF8 repairs what it is given).
    static func render(_ markdown: String, firstLine: Int, slugs: inout HeadingSlugs, spill: SpillFile) throws(BuildFailure) -> RenderedMarkdown {
        var markdown = markdown
        // withUTF8 rethrows untyped errors; the typed one goes out through a Result.
        let body = markdown.withUTF8 { bytes in
            Result { () throws(BuildFailure) in
                try render(bytes, firstLine: firstLine, slugs: &slugs) { html, plainText, headings, links throws(BuildFailure) in
                    try RenderedMarkdown(spilling: html, plainText: plainText, into: spill, headings: headings, links: links)
                }
            }
        }
        return try body.get()
    }

    /// The body of the UTF-8 `bytes`, made by `make` from the HTML and plain text (valid only
    /// during the call), the headings and the links. A body beyond `BodyLimits` is refused
    /// before cmark-gfm sees it: empty HTML and a `refusal`.
    private static func render<Failure: Error>(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, slugs: inout HeadingSlugs,
        _ make: (_ html: UnsafeBufferPointer<UInt8>, _ plainText: UnsafeBufferPointer<UInt8>, [RenderedMarkdown.Heading],
                 [RenderedMarkdown.InternalLink]) throws(Failure) -> RenderedMarkdown
    ) throws(Failure) -> RenderedMarkdown {
        if let refusal = BodyLimits.check(bytes, firstLine: firstLine) {
            return RenderedMarkdown(html: "", headings: [], links: [], plainText: "", refusal: refusal)
        }
        precondition(registered)
        guard let parser = cmark_parser_new(options) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        // The byte count, not strlen: a NUL in the body is a character like any other, which
        // cmark replaces by U+FFFD as CommonMark says, instead of the end of the text.
        bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        let finished = inlineLock.withLock { cmark_parser_finish(parser) }
        guard let document = finished else { return .empty }
        defer { cmark_node_free(document) }

        var walk = TreeWalk(lineOffset: firstLine - 1, slugs: slugs)
        walk.visit(document)
        slugs = walk.slugs
        // The extension list must go to the renderer too, or tagfilter silently does nothing.
        guard let cString = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return .empty }
        defer { free(cString) }
        let html = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        // withUnsafeBufferPointer rethrows untyped errors; the typed one goes out through a Result.
        let body = walk.text.withUnsafeBufferPointer { plainText in
            Result { () throws(Failure) in try make(html, plainText, walk.headings, walk.links) }
        }
        return try body.get()
    }
}

/// One pass over the cmark tree: heading ids, internal links, plain text.
private struct TreeWalk {
    let lineOffset: Int
    var headings: [RenderedMarkdown.Heading] = []
    var links: [RenderedMarkdown.InternalLink] = []
    /// The plain text: every text, code and code block literal, separated by one space.
    var text: [UInt8] = []
    private var hasText = false
    var slugs: HeadingSlugs
    private var usedIDs: Set<String> = []
    /// The next number to try for a heading id already taken.
    private var nextNumber: [String: Int] = [:]

    init(lineOffset: Int, slugs: HeadingSlugs) {
        self.lineOffset = lineOffset
        self.slugs = slugs
    }

    private mutating func appendText(_ literal: UnsafePointer<CChar>) {
        if hasText { text.append(UInt8(ascii: " ")) }
        hasText = true
        text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
    }

    /// `@/...`, read from the bytes. A non-ASCII byte after `@/` may join the `/` into one
    /// character, which String's `hasPrefix` compares as a whole, so then it decides.
    private static func isContentLink(_ url: UnsafePointer<CChar>) -> Bool {
        guard url[0] == CChar(UInt8(ascii: "@")), url[1] == CChar(UInt8(ascii: "/")) else { return false }
        if UInt8(bitPattern: url[2]) < 0x80 { return true }
        return String(cString: url).hasPrefix("@/")
    }

    mutating func visit(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var taskNodes: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { appendText(literal) }
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let raw = cmark_node_get_url(node), Self.isContentLink(raw) { linkNodes.append(node) }
            case CMARK_NODE_ITEM:
                if let type = cmark_node_get_type_string(node), strcmp(type, "tasklist") == 0 { taskNodes.append(node) }
            default:
                break
            }
        }
        // Changing the tree while iterating it is not allowed, so nodes are rewritten after.
        // Numbered in document order; rewritten from the last, so that a link inside an image or
        // an image inside a link is rewritten before the node holding it.
        for node in linkNodes { record(node) }
        for (index, node) in linkNodes.enumerated().reversed() { rewriteLink(node, index: index) }
        for node in taskNodes { labelTask(node) }
        for node in headingNodes { giveID(to: node) }
    }

    /// Records an `@/` link; `rewriteLink` writes its tag itself, with a placeholder for the address that
    /// is filled in once every URL is known (`RenderedMarkdown.html(linking:)`). The tag comes
    /// from this node, not from searching cmark's output for a string content could also write.
    private mutating func record(_ node: OpaquePointer) {
        let url = String(cString: cmark_node_get_url(node))
        let parts = url.dropFirst(2).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        links.append(.init(target: String(parts[0]), anchor: parts.count > 1 ? String(parts[1]) : nil,
                           line: line(of: node), written: url))
    }

    private func rewriteLink(_ node: OpaquePointer, index: Int) {
        let address = RenderedMarkdown.placeholder(index)
        let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscape.attribute(title))\""
        guard let tag = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
            // As cmark writes an image: its inline content, as plain text, is the alt text.
            cmark_node_set_on_enter(tag, "<img src=\"\(address)\" alt=\"\(HTMLEscape.attribute(inlineText(node)))\"\(titleAttribute) />")
            cmark_node_set_on_exit(tag, "")
        } else {
            cmark_node_set_on_enter(tag, "<a href=\"\(address)\"\(titleAttribute)>")
            cmark_node_set_on_exit(tag, "</a>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(tag, child)
            }
        }
        cmark_node_replace(node, tag)
        cmark_node_free(node)
    }

    /// A GFM task list item: cmark-gfm writes its checkbox with no accessible name (axe:
    /// critical). The item becomes a plain one whose checkbox is written here, named by the
    /// item's text, so a screen reader says the state and what the task is.
    private func labelTask(_ item: OpaquePointer) {
        let checked = cmark_gfm_extensions_get_tasklist_item_checked(item)
        let first = cmark_node_first_child(item)
        let text = first.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH ? inlineText($0) : "" } ?? ""
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let checkbox = "<input type=\"checkbox\"\(checked ? " checked=\"\"" : "") disabled=\"\" aria-label=\"\(HTMLEscape.attribute(name.isEmpty ? "task" : name))\" /> "
        cmark_node_set_syntax_extension(item, nil)
        if let paragraph = first, cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH, let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
            cmark_node_set_on_enter(inline, checkbox)
            cmark_node_set_on_exit(inline, "")
            cmark_node_prepend_child(paragraph, inline)
        } else if let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
            cmark_node_set_on_enter(block, checkbox)
            cmark_node_set_on_exit(block, "")
            cmark_node_prepend_child(item, block)
        }
    }

    /// Inline nodes may carry no position; their block's line is the next best.
    private func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line + lineOffset }
            current = cmark_node_parent(candidate)
        }
        return lineOffset + 1
    }

    /// cmark has no heading attributes, so the heading becomes a custom inline that writes
    /// `<hN id="...">` around the heading's own inline children, inside a custom block that
    /// writes nothing but the line breaks around a block. With the tags on the block itself,
    /// cmark put a line break inside each (`<h2 id="x">\nText\n</h2>`), and a second pass over
    /// every body's HTML took them out again.
    private mutating func giveID(to heading: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(heading))
        let title = inlineText(heading)
        var id = slugs.slug(title)
        if id.isEmpty { id = "abschnitt" }
        if usedIDs.contains(id) {
            // Counting on from where this id's numbers stopped keeps many equal headings
            // linear; searching from 2 each time made 80,000 of them (a 20 MB body) quadratic.
            var number = nextNumber[id] ?? 2
            while usedIDs.contains("\(id)-\(number)") { number += 1 }
            nextNumber[id] = number + 1
            id = "\(id)-\(number)"
        }
        usedIDs.insert(id)
        headings.append(.init(level: level, id: id, text: title))

        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK), let tags = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        cmark_node_set_on_enter(tags, "<h\(level) id=\"\(HTMLEscape.attribute(id))\">")
        cmark_node_set_on_exit(tags, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(tags, child)
        }
        cmark_node_append_child(block, tags)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    private func inlineText(_ node: OpaquePointer) -> String {
        var result = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { result += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                result += " "
            default:
                result += inlineText(current)
            }
            child = cmark_node_next(current)
        }
        return result
    }
}
