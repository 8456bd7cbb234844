import ArgumentParser
import Foundation
import PraxisCore

extension NewEntryKind: ExpressibleByArgument {}

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the file of a new entry, with every key of its kind explained in German comments.",
        discussion: """
        KIND is practice, partner, workshop, day or page. ID is the file name without .md: \
        a-z, 0-9 and -. A day is named WORKSHOP-ID/day-N, e.g. praxis new day \
        integrationsstrategie/day-3; the workshop must exist, and its days: is counted up.

        The new file builds at once. A practice starts as a draft (draft: true): praxis build \
        --drafts shows it, draft: false publishes it. Praxis never overwrites an existing file.
        The front matter's first line, # yaml-language-server: $schema=..., ties the file to \
        its JSON Schema in schemas/ (see praxis schema), so editors that hand front matter to \
        the YAML language server complete and check its keys; schemas/ is written when the \
        site has none yet.

        With --lang LANG (a language of languages: in site.yaml, not the first), it writes the \
        translation of the existing entry ID instead: ID.LANG.md beside ID.md (for a workshop \
        index.LANG.md, for a day day-N.LANG.md), with the original's facets, place, partners, \
        sources and other facts copied as they are, and title, summary and text left to \
        translate, explained in English comments.
        """
    )

    @Argument(help: "What to create.")
    var kind: NewEntryKind

    @Argument(help: "The id: the file name without .md (for a day: WORKSHOP-ID/day-N).")
    var id: String

    @Option(help: "The title to write, instead of one made from the id.")
    var title: String?

    @Option(help: "Write the translation of the existing entry ID into this language (ID.LANG.md beside ID.md).")
    var lang: String?

    @Option(name: .customLong("site-root"), help: "The site root: a folder with content/ and seeds/.")
    var siteRoot: String = "."

    func run() async throws {
        let root = URL(fileURLWithPath: siteRoot, isDirectory: true)
        do {
            let created = try Scaffold.create(kind, id: id, title: title, lang: lang, siteRoot: root, today: Self.today())
            print("Created \(created.path).")
            for note in created.notes { print(note) }
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics {
                FileHandle.standardError.write(Data("error: \(diagnostic.description)\n".utf8))
            }
            FileHandle.standardError.write(Data("Nothing was written.\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Today in the local calendar, as front matter writes dates.
    static func today() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }
}
