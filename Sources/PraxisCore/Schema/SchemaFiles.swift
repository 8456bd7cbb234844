import Foundation

/// `praxis schema`: the JSON Schemas of a site's front matter, one file per entry kind and one
/// for site.yaml, in `schemas/` at the site root. Written from the parser's own key tables
/// (`EntryParser.keys(of:site:)`, `SiteConfig.keys`) and the site's vocabularies and entries,
/// so they change when a facet value, a language or an entry is added: `praxis check` warns
/// then (`staleFiles`), and `praxis new` writes them when there are none yet, so the modeline
/// it writes into every new file points at something.
public enum SchemaFiles {
    /// The folder below the site root.
    public static let folder = "schemas"

    /// What each file describes, for its title and description.
    static func about(_ kind: EntryKind) -> (title: String, description: String) {
        switch kind {
        case .practice: ("Praxisbeispiel", "Front matter eines Praxisbeispiels: content/practices/<id>.md und <id>.<lang>.md.")
        case .partner: ("Partner", "Front matter einer Partnerorganisation: content/partners/<id>.md und <id>.<lang>.md.")
        case .workshop: ("Workshop", "Front matter eines Workshops: content/workshops/<id>/index.md und index.<lang>.md.")
        case .day: ("Workshoptag", "Front matter eines Workshoptags: content/workshops/<id>/day-<n>.md und day-<n>.<lang>.md.")
        case .page: ("Seite", "Front matter einer Seite: content/pages/<id>.md und <id>.<lang>.md.")
        case .source: ("Quelle", "Front matter eines Quelldokuments: seeds/<id>.md.")
        }
    }

    /// The file of an entry kind's schema, e.g. `practice.json`.
    public static func fileName(_ kind: EntryKind) -> String { "\(kind.rawValue).json" }
    public static let siteFileName = "site.json"

    /// Every file name and its text, in a fixed order.
    static func documents(siteRoot: URL) throws -> [(name: String, text: String)] {
        let vocabulary = try SchemaVocabulary.read(siteRoot: siteRoot)
        let builder = JSONSchemaBuilder(vocabulary: vocabulary)
        var documents: [(name: String, text: String)] = EntryKind.allCases.map { kind in
            let about = about(kind)
            let keys = EntryParser.keys(of: kind, site: vocabulary.site)
            return (fileName(kind), builder.document(keys, title: about.title, description: about.description).text)
        }
        documents.append((siteFileName, builder.document(SiteConfig.keys, title: "site.yaml",
                                                          description: "Einstellungen der Website: content/site.yaml.").text))
        return documents
    }

    /// Writes the schemas into `output` (default `siteRoot/schemas`); returns the files' paths
    /// as given to the folder. Stops with site.yaml's problems when it cannot be read.
    @discardableResult
    public static func write(siteRoot: URL, output: URL? = nil) throws -> [URL] {
        let folder = output ?? siteRoot.appending(path: folder)
        // The site root comes from pull requests: its schemas/ may be a link to a folder of the
        // machine. Praxis writes only into a real folder of its own (files are replaced by
        // rename, `.atomic`, so a link in place of a file is replaced, not followed).
        let kind = SafeRead.kind(folder)
        guard output != nil || kind == .folder || kind == .missing else {
            throw BuildFailure(stage: "schema", diagnostics: [Diagnostic(
                file: "\(Self.folder)/", message: "is not a folder (a symbolic link, a file or a device); Praxis writes the schemas only into a folder of its own.",
                hint: "Remove it, then run praxis schema again.")])
        }
        let documents = try documents(siteRoot: siteRoot)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try documents.map { document in
                let url = folder.appending(path: document.name)
                try Data(document.text.utf8).write(to: url, options: .atomic)
                return url
            }
        } catch {
            throw BuildFailure(stage: "schema", diagnostics: [Diagnostic(
                file: folder.path, message: "could not be written: \(error.localizedDescription)")])
        }
    }

    /// The files of `siteRoot/schemas/` that differ from what `praxis schema` would write now
    /// (or are missing), relative to the site root; nil when the site has no schemas/ folder
    /// (then nothing is stale: the site does not use them) or site.yaml cannot be read.
    public static func staleFiles(siteRoot: URL) -> [String]? {
        let base = siteRoot.appending(path: folder)
        guard SourceTree.isDirectory(base), let documents = try? documents(siteRoot: siteRoot) else { return nil }
        return documents.compactMap { document in
            // As every file of the site root: a regular file only, no link, FIFO or device.
            let written = try? SafeRead.read(base.appending(path: document.name), path: "\(folder)/\(document.name)")
            return written == Data(document.text.utf8) ? nil : "\(folder)/\(document.name)"
        }
    }

    /// The modeline that ties an entry's front matter to its schema, for a file at `path`
    /// (relative to the site root): `# yaml-language-server: $schema=../../schemas/practice.json`.
    static func modeline(for kind: EntryKind, path: String) -> String {
        let depth = path.split(separator: "/").count - 1
        return "# yaml-language-server: $schema=" + String(repeating: "../", count: depth) + "\(folder)/\(fileName(kind))"
    }
}
