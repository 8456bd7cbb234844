import ArgumentParser
import Foundation
import PraxisCore

struct Schema: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write JSON Schemas of the front matter of every entry kind, for editors' completion and checks.",
        discussion: """
        Writes practice.json, partner.json, workshop.json, day.json, page.json, source.json \
        (seeds/) and site.json (content/site.yaml) into SITE-ROOT/schemas/. They hold the keys \
        Praxis knows, their types and limits, and the site's own vocabularies: facet values, \
        languages, countries, and the ids of existing partners, practices and sources, each \
        with its label or title. An editor that gives YAML to the YAML language server \
        completes and checks a file whose front matter starts with \
        # yaml-language-server: $schema=../../schemas/practice.json (praxis new writes it). \
        Run it again after adding a facet value, a language or an entry; praxis check warns \
        when schemas/ is out of date. The same site gives byte-identical files.
        """
    )

    @Argument(help: "The site root: a folder with content/ and seeds/.")
    var siteRoot: String = "."

    @Option(name: .shortAndLong, help: "Where to write the schemas (default: SITE-ROOT/schemas).")
    var output: String?

    func run() async throws {
        let root = URL(fileURLWithPath: siteRoot, isDirectory: true)
        do {
            let files = try SchemaFiles.write(siteRoot: root, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) })
            let folder = files.first?.deletingLastPathComponent().path ?? root.path
            print("Wrote \(files.count) schemas into \(folder): \(files.map(\.lastPathComponent).joined(separator: ", ")).")
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics {
                FileHandle.standardError.write(Data("error: \(diagnostic.description)\n".utf8))
            }
            FileHandle.standardError.write(Data("No schema was written.\n".utf8))
            throw ExitCode(1)
        }
    }
}
