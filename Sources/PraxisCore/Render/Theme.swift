import Foundation
import Mustache
import Yams

/// A theme: Mustache templates, assets copied to `assets/`, and UI strings per language.
/// Read from `themes/<name>/` of the site root, or for `default`, from the copy built into Praxis.
public struct Theme: Sendable {
    public var name: String
    /// Where it was read from, for messages: `themes/default` or `built-in default theme`.
    public var origin: String
    var library: MustacheLibrary
    /// Paths below `assets/` and their bytes.
    var assets: [(path: String, data: Data)]
    /// Language -> key -> text.
    var strings: [String: [String: String]]
    /// Template name -> its text, so that `praxis serve` can tell which templates an edit changed.
    var templateTexts: [String: String] = [:]

    static let requiredTemplates = [
        "base", "home", "practice", "partner", "workshop", "day", "page", "facet", "facet-value",
        "list", "source", "search", "404",
    ]

    /// The UI strings for `language`, falling back key by key to German, the catalogue's language.
    func strings(for language: String) -> [String: String] {
        let fallback = strings["de"] ?? [:]
        return fallback.merging(strings[language] ?? [:]) { _, chosen in chosen }
    }

    /// Loads the theme `name`, preferring the site root's own copy, and checks that it has the
    /// same interface texts for each of `languages` (site.yaml's).
    static func load(named name: String, siteRoot: URL, languages: [String], problems: inout Problems) -> Theme? {
        let folder = siteRoot.appending(path: "themes").appending(path: name)
        var files: [(path: String, data: Data)] = []
        let origin: String
        if let refusal = SafeRead.refusal(folder, path: "themes/\(name)", root: siteRoot) {
            problems.add(refusal)
            return nil
        } else if SourceTree.isDirectory(folder) {
            origin = "themes/\(name)"
            for path in SourceTree.filesBelow(folder, path: origin, root: siteRoot, problems: &problems) {
                do {
                    files.append((path, try SafeRead.read(folder.appending(path: path), path: "\(origin)/\(path)")))
                } catch {
                    problems.add(error.diagnostic)
                }
            }
        } else if name == "default" {
            origin = "built-in default theme"
            for file in EmbeddedDefaultTheme.base64Files {
                if let data = Data(base64Encoded: file.base64) { files.append((file.path, data)) }
            }
        } else {
            problems.add("content/site.yaml", line: nil, key: "theme", "names the theme \"\(name)\", but there is no folder themes/\(name)/.",
                         hint: "Create it, or remove theme: to use the built-in default theme.")
            return nil
        }
        guard let theme = build(name: name, origin: origin, files: files, problems: &problems) else { return nil }
        problems.add(contentsOf: theme.stringProblems(languages: languages))
        return problems.isEmpty ? theme : nil
    }

    static func build(name: String, origin: String, files: [(path: String, data: Data)], problems: inout Problems) -> Theme? {
        var library = MustacheLibrary()
        var assets: [(path: String, data: Data)] = []
        var strings: [String: [String: String]] = [:]
        var templateTexts: [String: String] = [:]
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                let templateName = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                templateTexts[templateName] = text
                do {
                    // Every template escapes `{{value}}` with Praxis's HTML escaping (see
                    // HTMLContentType); a template may still choose another type with its own pragma.
                    _ = HTMLContentType.registration
                    library.register(try MustacheTemplate(string: HTMLContentType.pragma + text), named: templateName)
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma is a line of its own before the template's first line.
                    problems.add("\(origin)/\(path)", line: max(1, error.context.lineNumber - 1), "is not a valid Mustache template: \(error.error).",
                                 hint: "Check that every {{#section}} is closed by {{/section}} with the same name.")
                } catch {
                    problems.add("\(origin)/\(path)", line: nil, "is not a valid Mustache template: \(error).")
                }
            } else if path.hasPrefix("assets/") {
                assets.append((String(path.dropFirst("assets/".count)), data))
            } else if path.hasPrefix("strings/"), path.hasSuffix(".yaml") {
                let language = String(path.dropFirst("strings/".count).dropLast(".yaml".count))
                switch YAMLNode.parseMapping(text, file: "\(origin)/\(path)", lineOffset: 0) {
                case .failure(let problem): problems.add(problem)
                case .success(let mapping):
                    var table: [String: String] = [:]
                    for (key, value) in mapping { table[key.string ?? ""] = value.string ?? "" }
                    strings[language] = table
                }
            }
        }
        for template in requiredTemplates where library.getTemplate(named: template) == nil {
            problems.add("\(origin)/templates/\(template).mustache", line: nil, "is missing.",
                         hint: "A theme needs the templates \(requiredTemplates.joined(separator: ", ")).")
        }
        guard problems.isEmpty else { return nil }
        return Theme(name: name, origin: origin, library: library, assets: assets.sorted { $0.path < $1.path }, strings: strings,
                     templateTexts: templateTexts)
    }
}
