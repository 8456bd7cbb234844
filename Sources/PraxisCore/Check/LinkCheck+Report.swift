import Foundation

/// Broken links traced back to what an editor can fix, with messages that say how.
extension LinkCheck {
    /// Broken links as problems, each against the line that wrote it. A link a template makes
    /// is broken on many pages at once: it is reported once, with how many pages have it.
    func report(_ broken: [Broken], pages: [String: HTMLScanner.Page], paths: Set<String>) -> [CheckProblem] {
        var source = LinkSource(siteRoot: siteRoot, config: config)
        var problems: [CheckProblem] = []
        // Occurrences of one URL in one body already placed, so the second gets the second line.
        var placed: [String: Int] = [:]
        struct TemplateKey: Hashable { var file: String; var line: Int?; var target: String; var fragment: String?; var kind: String }
        var templateProblems: [TemplateKey: (example: Broken, pages: [String])] = [:]
        var templateOrder: [TemplateKey] = []

        for link in broken {
            if let entry = source.entryFile(of: link.page) {
                let lines = source.lines(of: link.url, in: entry)
                if !lines.isEmpty {
                    let key = "\(entry)\u{0}\(link.url)"
                    let occurrence = placed[key, default: 0]
                    placed[key] = occurrence + 1
                    problems.append(problem(link, file: entry, line: lines[min(occurrence, lines.count - 1)], pages: pages, paths: paths))
                    continue
                }
            }
            let template = source.template(of: link.url, on: link.page, basePath: config.basePath)
            let key = TemplateKey(file: template.file, line: template.line, target: link.target, fragment: link.fragment,
                                  kind: "\(link.kind)\(link.kind == .aboveRoot || link.kind == .outsideBase ? link.url : "")")
            if templateProblems[key] == nil { templateOrder.append(key) }
            templateProblems[key, default: (link, [])].pages.append(link.page)
        }
        for key in templateOrder {
            let (example, onPages) = templateProblems[key]!
            var found = problem(example, file: key.file, line: key.line, pages: pages, paths: paths)
            let shown = onPages.prefix(3).map { Self.sitePath($0) }.joined(separator: ", ")
            let more = onPages.count > 3 ? " and \(onPages.count - 3) more" : ""
            found.message = "made by the theme on \(onPages.count) page\(onPages.count == 1 ? "" : "s") (\(shown)\(more)): " + found.message
            switch example.kind {
            case .missingTarget, .aboveRoot:
                found.hint = "Correct the link in the template, or add what it points to (a page /<id>/ is content/pages/<id>.md, "
                    + "a file /<path> is content/static/<path>)."
            case .outsideBase:
                found.hint = "Templates link pages of the site as {{root}}<path>; an address elsewhere on the host is left as it is."
            case .missingAnchor:
                break
            }
            problems.append(found)
        }
        return problems
    }

    private func problem(_ link: Broken, file: String, line: Int?, pages: [String: HTMLScanner.Page], paths: Set<String>) -> CheckProblem {
        let written = "\"\(link.url)\""
        switch link.kind {
        case .aboveRoot:
            return CheckProblem(file: file, line: line, message: "the link \(written) leads above the site's top folder.",
                                hint: "Each ../ goes up one folder from the page's address (\(Self.sitePath(link.page))). "
                                    + Self.contentPathAdvice)
        case .outsideBase:
            return CheckProblem(file: file, line: line,
                                message: "the link \(written) leads outside the site, which is published under \(config.basePath); it was not checked.",
                                hint: "If it is a page of this site, write it as a content path, e.g. @/practices/<id>.md: the build checks it and writes the right address.",
                                severity: .warning)
        case .missingTarget:
            var hint = ""
            if let nearest = nearestPage(to: link.target, in: paths) {
                hint = "Did you mean \(Self.sitePath(nearest))? "
            }
            return CheckProblem(file: file, line: line,
                                message: "the link \(written) leads nowhere: the site has no page or file \(Self.sitePath(link.target)).",
                                hint: hint + Self.contentPathAdvice)
        case .missingAnchor:
            let fragment = link.fragment ?? ""
            let headings = pages[link.target]?.headingIDs ?? []
            var hint = ""
            if let nearest = Suggestion.nearest(to: fragment, in: Array(pages[link.target]?.anchors ?? [])) {
                hint = "Did you mean #\(nearest)? "
            }
            hint += headings.isEmpty ? "That page has no headings with ids."
                : "Headings there: " + headings.prefix(12).map { "#" + $0 }.joined(separator: ", ") + (headings.count > 12 ? ", ..." : "") + "."
            hint += " A heading's anchor is its text in lowercase, ä→ae, ö→oe, ü→ue, ß→ss, other characters as -."
            return CheckProblem(file: file, line: line,
                                message: "the link \(written) names the anchor #\(fragment), but \(Self.sitePath(link.target)) has no heading or anchor with that id.",
                                hint: hint)
        }
    }

    /// The closest page or file to a path that does not exist: a sibling in the same folder
    /// whose name differs by a typo (`practices/muelheim-bildungx/` -> `practices/muelheim-bildung/`).
    private func nearestPage(to target: String, in paths: Set<String>) -> String? {
        var parts = target.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.popLast() else { return nil }
        let parent = parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
        // Names directly in `parent`: files, and folders (a page is a folder with index.html).
        var siblings: Set<String> = []
        for path in paths where path.hasPrefix(parent) {
            let rest = path.dropFirst(parent.count)
            if let slash = rest.firstIndex(of: "/") {
                if rest[slash...] == "/index.html" { siblings.insert(String(rest[..<slash]) + "/") }
            } else {
                siblings.insert(String(rest))
            }
        }
        let wanted = target.hasSuffix("/") ? name + "/" : name
        guard let nearest = Suggestion.nearest(to: wanted, in: Array(siblings)), nearest != wanted else { return nil }
        return parent + nearest
    }

    /// An output path as readers see it: `/practices/x/` for `practices/x/index.html`.
    static func sitePath(_ path: String) -> String {
        if path == "index.html" { return "/" }
        return "/" + (path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    static let contentPathAdvice = "Links to entries and files are safest written as content paths, e.g. @/practices/<id>.md, "
        + "@/partners/<id>.md or @/static/<file>: the build checks them and writes the right address."
}
