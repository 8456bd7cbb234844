import CCmarkGFM
import Foundation

/// GitHub Flavored Markdown through Debian's cmark-gfm.
///
/// Debian builds cmark-gfm without its thread-safety option: extension registration and the
/// inline parser's tables are process-global, and concurrent parses corrupt each other. So the
/// extensions are registered once, and every parse and render holds one process-wide lock.
public enum MarkdownRenderer {
    private static let lock = NSLock()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    /// Registered once, before any parse; `nonisolated(unsafe)` is sound because it is only
    /// touched with `lock` held.
    nonisolated(unsafe) private static var registered = false

    /// Footnotes are a parser option in cmark-gfm, not an extension. Raw HTML stays omitted
    /// (no CMARK_OPT_UNSAFE): editors write Markdown, and a body can never inject script.
    /// Table alignment as `style="text-align: ..."`: the `align` attribute cmark-gfm writes
    /// otherwise is obsolete in HTML5 and fails the validator.
    private static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Renders `markdown` whose first line is line `firstLine` of `file`. A body beyond
    /// `BodyLimits` is refused before cmark-gfm sees it: empty HTML and a `refusal`.
    public static func render(_ markdown: String, firstLine: Int) -> RenderedMarkdown {
        let bytes = Array(markdown.utf8)
        if let refusal = BodyLimits.check(bytes, firstLine: firstLine) {
            return RenderedMarkdown(html: "", headings: [], links: [], plainText: "", refusal: refusal)
        }
        lock.lock()
        defer { lock.unlock() }
        if !registered {
            cmark_gfm_core_extensions_ensure_registered()
            registered = true
        }
        guard let parser = cmark_parser_new(options) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        // The byte count, not strlen: a NUL in the body is a character like any other, which
        // cmark replaces by U+FFFD as CommonMark says, instead of the end of the text.
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return .empty }
        defer { cmark_node_free(document) }

        var walk = TreeWalk(lineOffset: firstLine - 1)
        walk.visit(document)
        // The extension list must go to the renderer too, or tagfilter silently does nothing.
        guard let cString = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return .empty }
        defer { free(cString) }
        let html = walk.headings.isEmpty ? String(cString: cString) : Self.tightenHeadings(cString)
        return RenderedMarkdown(html: html, headings: walk.headings, links: walk.links,
                                plainText: walk.text.joined(separator: " "))
    }
}

extension MarkdownRenderer {
    /// cmark writes a custom block with line breaks inside its tags (`<h2 id="x">\nText\n</h2>`);
    /// one pass over the bytes drops them. Raw HTML is omitted, so every `<hN id="` and `</hN>`
    /// here comes from a heading.
    static func tightenHeadings(_ cString: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0
        var inOpeningTag = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: " ") {
                inOpeningTag = true
            } else if inOpeningTag, byte == UInt8(ascii: ">") {
                inOpeningTag = false
                out.append(byte)
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                index += 1
                continue
            } else if byte == UInt8(ascii: "\n"), index + 4 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
                      bytes[index + 2] == UInt8(ascii: "/"), bytes[index + 3] == UInt8(ascii: "h"),
                      (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 4]) {
                index += 1
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// One pass over the cmark tree: heading ids, internal links, plain text.
private struct TreeWalk {
    let lineOffset: Int
    var headings: [RenderedMarkdown.Heading] = []
    var links: [RenderedMarkdown.InternalLink] = []
    var text: [String] = []
    private var usedIDs: Set<String> = []
    /// The next number to try for a heading id already taken.
    private var nextNumber: [String: Int] = [:]

    init(lineOffset: Int) { self.lineOffset = lineOffset }

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
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text.append(String(cString: literal)) }
            case CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { text.append(String(cString: literal)) }
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let raw = cmark_node_get_url(node), String(cString: raw).hasPrefix("@/") { linkNodes.append(node) }
            case CMARK_NODE_ITEM:
                if let type = cmark_node_get_type_string(node), String(cString: type) == "tasklist" { taskNodes.append(node) }
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

    /// cmark has no heading attributes, so the heading becomes a custom block that writes
    /// `<hN id="...">` around the heading's own inline children.
    private mutating func giveID(to heading: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(heading))
        let title = inlineText(heading)
        var id = Slug.make(title)
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

        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(HTMLEscape.attribute(id))\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
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
