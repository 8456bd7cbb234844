import Foundation
import XCTest

/// `praxis schema` through the command: the schemas it writes accept the front matter of every
/// entry of the real catalogue and of the fixture sites, as check-jsonschema (the validator
/// pinned in scripts/browser/requirements.txt) reads them, and refuse the mistakes
/// `praxis build` refuses. Front matters are checked in one check-jsonschema call per kind.
final class SchemaTests: XCTestCase {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = projectRoot.appending(path: "Tests/PraxisTests/Fixtures")
    static let richSite = fixtures.appending(path: "rich-site")
    static let kinds = ["practice", "partner", "workshop", "day", "page", "source"]

    // MARK: Valid content

    func testRealCatalogueMatchesItsSchemas() throws {
        let temporary = try TemporaryFolder()
        let schemas = try writeSchemas(Self.projectRoot, into: temporary.url.appending(path: "schemas"))
        let checked = try validateAll(Self.projectRoot, schemas: schemas, work: temporary.url)
        XCTAssertGreaterThan(checked["practice"] ?? 0, 20, "the catalogue's practices were not all found")
        XCTAssertGreaterThan(checked["source"] ?? 0, 0)
        // The schemas committed for the catalogue's editors are the ones `praxis schema` writes now.
        for name in Self.kinds.map({ "\($0).json" }) + ["site.json"] {
            let committed = try Data(contentsOf: Self.projectRoot.appending(path: "schemas/\(name)"))
            XCTAssertEqual(committed, try Data(contentsOf: schemas.appending(path: name)),
                           "schemas/\(name) is out of date: run praxis schema on the project root and commit it")
        }
    }

    func testFixtureSitesMatchTheirSchemas() throws {
        var sites = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted() {
            let root = Self.fixtures.appending(path: name)
            guard FileManager.default.fileExists(atPath: root.appending(path: "content/site.yaml").path) else { continue }
            let temporary = try TemporaryFolder()
            // Only fixtures that build are valid content; the others are kept for their errors.
            let build = try PraxisCommand.run(["build", root.path, "--output", temporary.url.appending(path: "public").path])
            guard build.status == 0 else { continue }
            let schemas = try writeSchemas(root, into: temporary.url.appending(path: "schemas"))
            let checked = try validateAll(root, schemas: schemas, work: temporary.url)
            XCTAssertEqual(Set(checked.keys), Set(Self.kinds), "\(name) lacks an entry of some kind")
            sites += 1
        }
        XCTAssertGreaterThanOrEqual(sites, 1, "no fixture site built")
    }

    func testSameSiteGivesByteIdenticalSchemas() throws {
        let temporary = try TemporaryFolder()
        let first = try writeSchemas(Self.richSite, into: temporary.url.appending(path: "a"))
        let second = try writeSchemas(Self.richSite, into: temporary.url.appending(path: "b"))
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        XCTAssertEqual(names, ["day.json", "page.json", "partner.json", "practice.json", "site.json", "source.json", "workshop.json"])
        for name in names {
            XCTAssertEqual(try Data(contentsOf: first.appending(path: name)), try Data(contentsOf: second.appending(path: name)), name)
        }
        // The schemas are themselves valid draft-07.
        let meta = try run(try checker(), ["--check-metaschema"] + names.map { first.appending(path: $0).path })
        XCTAssertEqual(meta.status, 0, meta.output)
        // The site's vocabulary and entries are in them, with their labels and titles.
        let practice = try String(contentsOf: first.appending(path: "practice.json"), encoding: .utf8)
        assertContains(practice, ["\"arbeit-ausbildung\"", "\"enumDescriptions\"", "\"additionalProperties\": false",
                                  "\"Job-Coaching im Betrieb\"", "\"gdx\"", "\"DE\""])
    }

    /// Without a readable site.yaml there are no vocabularies: nothing is written, and the
    /// problem is named as the build names it.
    func testBrokenSiteYAMLWritesNothing() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appending(path: "site")
        try FileManager.default.copyItem(at: Self.richSite, to: site)
        let siteYAML = site.appending(path: "content/site.yaml")
        let config = try String(contentsOf: siteYAML, encoding: .utf8)
        XCTAssertTrue(config.contains("\nlanguage: de\n"))
        try Data(config.replacingOccurrences(of: "\nlanguage: de\n", with: "\nlanguage: de\nlangauge: en\n").utf8).write(to: siteYAML)
        let line = config.components(separatedBy: "\n").firstIndex(of: "language: de")! + 2
        let result = try PraxisCommand.run(["schema", site.path])
        XCTAssertEqual(result.status, 1)
        assertContains(result.errors, ["content/site.yaml:\(line): langauge: is not a known key. Did you mean language?", "No schema was written."])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appending(path: "schemas").path))
    }

    // MARK: Mistakes

    /// One mistake in one file of the rich fixture: `line` replaced by `replacement`, whose
    /// line holding `marker` is where `praxis build` must point.
    struct Mistake {
        var file: String
        var kind: String
        var line: String
        var replacement: String
        var marker: String
    }

    static let practice = "content/practices/job-coaching.md"
    static let mistakes: [Mistake] = [
        // A wrong key.
        Mistake(file: practice, kind: "practice", line: "tags: [Ausbildung]", replacement: "titel: Noch ein Titel", marker: "titel:"),
        // Values outside a vocabulary.
        Mistake(file: practice, kind: "practice", line: "fields: [arbeit-ausbildung, bildung-sprache]",
                replacement: "fields: [arbeit-ausbildung, gibt-es-nicht]", marker: "gibt-es-nicht"),
        Mistake(file: practice, kind: "practice", line: "partners: [gdx]", replacement: "partners: [gdx, gibt-es-nicht]", marker: "gibt-es-nicht"),
        Mistake(file: practice, kind: "practice", line: "place: {municipality: Dortmund, state: Nordrhein-Westfalen, country: DE}",
                replacement: "place: {municipality: Dortmund, country: de}", marker: "country: de"),
        Mistake(file: practice, kind: "practice", line: "tags: [Ausbildung]",
                replacement: "media: [{type: audio, url: https://example.org/a.mp3}]", marker: "audio"),
        Mistake(file: "content/workshops/strategie/day-1.md", kind: "day", line: "practices: [lernpaten, job-coaching, entwurf]",
                replacement: "practices: [lernpaten, fehlt]", marker: "fehlt"),
        // Wrong types and values out of range.
        Mistake(file: practice, kind: "practice", line: "tags: [Ausbildung]", replacement: "year: zweitausend", marker: "zweitausend"),
        Mistake(file: practice, kind: "practice", line: "title: Job-Coaching im Betrieb", replacement: "title: [Job, Coaching]", marker: "title:"),
        Mistake(file: practice, kind: "practice", line: "tags: [Ausbildung]", replacement: "draft: maybe", marker: "draft:"),
        Mistake(file: practice, kind: "practice", line: "updated: 2024-11-30", replacement: "updated: 2024-13-30", marker: "updated:"),
        Mistake(file: practice, kind: "practice", line: "summary: Betriebe und Geflüchtete werden in der Ausbildung begleitet.",
                replacement: "summary: " + String(repeating: "Sehr lang. ", count: 28), marker: "summary:"),
        Mistake(file: "content/workshops/strategie/day-1.md", kind: "day", line: "day: 1", replacement: "day: eins", marker: "day:"),
        Mistake(file: "seeds/bericht.md", kind: "source", line: "date: \"2018-06\"", replacement: "date: Juni 2018", marker: "date:"),
    ]

    func testMistakesFailTheBuildAndTheSchema() throws {
        let temporary = try TemporaryFolder()
        let schemas = try writeSchemas(Self.richSite, into: temporary.url.appending(path: "schemas"))
        var byKind: [String: [(file: URL, mistake: Mistake)]] = [:]
        for (index, mistake) in Self.mistakes.enumerated() {
            let site = temporary.url.appending(path: "site-\(index)")
            try FileManager.default.copyItem(at: Self.richSite, to: site)
            let url = site.appending(path: mistake.file)
            let original = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(original.contains(mistake.line + "\n"), "\(mistake.file) has no line \(mistake.line)")
            let changed = original.replacingOccurrences(of: mistake.line + "\n", with: mistake.replacement + "\n")
            try Data(changed.utf8).write(to: url)
            let lines = changed.components(separatedBy: "\n")
            let line = try XCTUnwrap(lines.firstIndex { $0.contains(mistake.marker) }) + 1

            let build = try PraxisCommand.run(["build", site.path, "--output", site.appending(path: "public").path])
            XCTAssertEqual(build.status, 1, "praxis build accepted \(mistake.replacement)")
            assertContains(build.errors, ["\(mistake.file):\(line):"])

            let yaml = temporary.url.appending(path: "mistakes/\(mistake.kind)/\(index).yaml")
            try write(frontMatter(of: changed), to: yaml)
            byKind[mistake.kind, default: []].append((yaml, mistake))
        }
        for (kind, files) in byKind.sorted(by: { $0.key < $1.key }) {
            let result = try run(try checker(), ["--schemafile", schemas.appending(path: "\(kind).json").path] + files.map(\.file.path))
            XCTAssertEqual(result.status, 1, result.output)
            for (file, mistake) in files {
                XCTAssertTrue(result.output.contains(file.path + "::"), "the schema accepts \(mistake.replacement):\n\(result.output)")
            }
        }
    }

    /// The summary's limit as Praxis counts it: without the line break a `>` block ends in.
    func testSummaryAtTheLimitPassesBoth() throws {
        let temporary = try TemporaryFolder()
        let schemas = try writeSchemas(Self.richSite, into: temporary.url.appending(path: "schemas"))
        let site = temporary.url.appending(path: "site")
        try FileManager.default.copyItem(at: Self.richSite, to: site)
        let url = site.appending(path: Self.practice)
        let summary = String(repeating: "Ausbildung", count: 30)
        XCTAssertEqual(summary.count, 300)
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "summary: Betriebe und Geflüchtete werden in der Ausbildung begleitet.\n", with: "summary: >\n  \(summary)\n")
        try Data(text.utf8).write(to: url)
        try PraxisCommand.build(site, output: temporary.url.appending(path: "public"))
        let yaml = temporary.url.appending(path: "limit.yaml")
        try write(frontMatter(of: text), to: yaml)
        let result = try run(try checker(), ["--schemafile", schemas.appending(path: "practice.json").path, yaml.path])
        XCTAssertEqual(result.status, 0, result.output)
    }

    /// The keys a schema requires are the ones the build requires: each left out of an entry of
    /// its kind fails the build, naming the key.
    func testRequiredKeysAreTheBuildsRequiredKeys() throws {
        let temporary = try TemporaryFolder()
        let schemas = try writeSchemas(Self.richSite, into: temporary.url.appending(path: "schemas"))
        let files = ["practice": Self.practice, "partner": "content/partners/gdx.md", "workshop": "content/workshops/strategie/index.md",
                     "day": "content/workshops/strategie/day-1.md", "page": "content/pages/about.md", "source": "seeds/bericht.md"]
        var checked: [String] = []
        for kind in Self.kinds {
            let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: schemas.appending(path: "\(kind).json"))) as? [String: Any]
            let required = try XCTUnwrap(schema?["required"] as? [String], kind)
            for key in required {
                let site = temporary.url.appending(path: "\(kind)-\(key)")
                try FileManager.default.copyItem(at: Self.richSite, to: site)
                let path = try XCTUnwrap(files[kind])
                let url = site.appending(path: path)
                let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
                XCTAssertEqual(lines.filter { $0.hasPrefix("\(key):") }.count, 1, "\(path) has no line \(key):")
                try Data(lines.filter { !$0.hasPrefix("\(key):") }.joined(separator: "\n").utf8).write(to: url)
                let build = try PraxisCommand.run(["build", site.path, "--output", site.appending(path: "public").path])
                XCTAssertEqual(build.status, 1, "\(path) builds without \(key)")
                assertContains(build.errors, ["\(path):1: \(key): is missing."])
                checked.append("\(kind).\(key)")
            }
        }
        XCTAssertEqual(checked.sorted(), ["day.day", "day.title", "page.title", "partner.summary", "partner.title", "practice.fields",
                                          "practice.summary", "practice.title", "source.title", "workshop.summary", "workshop.title"])
    }

    // MARK: praxis new and praxis check

    func testNewWritesTheModelineAndTheSchemasAndKeepsLineNumbers() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appending(path: "site")
        try FileManager.default.copyItem(at: Self.richSite, to: site)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appending(path: "schemas").path))

        let created = try PraxisCommand.run(["new", "practice", "neue-idee", "--site-root", site.path])
        XCTAssertEqual(created.status, 0, created.errors)
        let path = "content/practices/neue-idee.md"
        var lines = try String(contentsOf: site.appending(path: path), encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(Array(lines.prefix(2)), ["---", "# yaml-language-server: $schema=../../schemas/practice.json"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appending(path: "content/practices/../../schemas/practice.json").path))

        let day = try PraxisCommand.run(["new", "day", "strategie/day-3", "--site-root", site.path])
        XCTAssertEqual(day.status, 0, day.errors)
        let dayText = try String(contentsOf: site.appending(path: "content/workshops/strategie/day-3.md"), encoding: .utf8)
        XCTAssertTrue(dayText.hasPrefix("---\n# yaml-language-server: $schema=../../../schemas/day.json\n"), dayText)

        // The new files build (drafts included) and match the schemas written with them.
        try PraxisCommand.build(site, output: temporary.url.appending(path: "public"), extra: ["--drafts"])
        let yaml = temporary.url.appending(path: "new.yaml")
        try write(frontMatter(of: lines.joined(separator: "\n")), to: yaml)
        let valid = try run(try checker(), ["--schemafile", site.appending(path: "schemas/practice.json").path, yaml.path])
        XCTAssertEqual(valid.status, 0, valid.output)

        // A mistake below the modeline is reported on its own line of the file.
        let keyLine = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("title:") })
        lines.insert("titel: Falsch", at: keyLine + 1)
        try Data(lines.joined(separator: "\n").utf8).write(to: site.appending(path: path))
        let build = try PraxisCommand.run(["build", site.path, "--drafts", "--output", temporary.url.appending(path: "public").path])
        XCTAssertEqual(build.status, 1)
        assertContains(build.errors, ["\(path):\(keyLine + 2): titel: is not a known key"])
    }

    func testCheckWarnsWhenTheSchemasAreOutOfDate() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appending(path: "site")
        try FileManager.default.copyItem(at: Self.richSite, to: site)
        let schema = try PraxisCommand.run(["schema", site.path])
        XCTAssertEqual(schema.status, 0, schema.errors)
        let fresh = try PraxisCommand.run(["check", site.path])
        XCTAssertEqual(fresh.status, 0, fresh.output)
        XCTAssertFalse(fresh.output.contains("schemas/"), fresh.output)

        // A new value in a vocabulary: the check still passes, and names the stale file and the command.
        let siteYAML = site.appending(path: "content/site.yaml")
        let config = try String(contentsOf: siteYAML, encoding: .utf8)
        XCTAssertTrue(config.contains("      arbeit-ausbildung:"))
        try Data(config.replacingOccurrences(of: "      arbeit-ausbildung:", with: "      neu-im-feld: Neu\n      arbeit-ausbildung:").utf8)
            .write(to: siteYAML)
        let stale = try PraxisCommand.run(["check", site.path])
        XCTAssertEqual(stale.status, 0, stale.output)
        assertContains(stale.output, ["warning: schemas/practice.json: is out of date", "Run praxis schema"])
        XCTAssertFalse(stale.output.contains("schemas/partner.json"), stale.output)

        let refreshed = try PraxisCommand.run(["schema", site.path])
        XCTAssertEqual(refreshed.status, 0, refreshed.errors)
        XCTAssertTrue(try String(contentsOf: site.appending(path: "schemas/practice.json"), encoding: .utf8).contains("\"neu-im-feld\""))
        XCTAssertFalse(try PraxisCommand.run(["check", site.path]).output.contains("schemas/"))
    }

    /// schemas/ comes with the site root, from pull requests: `praxis check` (in CI) reads its
    /// files as it reads every source, never through a link or from a FIFO (which would block
    /// it), and `praxis schema` writes into no folder a link leads to.
    func testHostileSchemasFolderIsNeitherFollowedNorRead() throws {
        let temporary = try TemporaryFolder()
        let site = temporary.url.appending(path: "site")
        try FileManager.default.copyItem(at: Self.richSite, to: site)
        XCTAssertEqual(try PraxisCommand.run(["schema", site.path]).status, 0)
        let schemas = site.appending(path: "schemas")
        let fifo = temporary.url.appending(path: "fifo")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        try FileManager.default.removeItem(at: schemas.appending(path: "practice.json"))
        try FileManager.default.createSymbolicLink(at: schemas.appending(path: "practice.json"), withDestinationURL: fifo)
        try FileManager.default.removeItem(at: schemas.appending(path: "partner.json"))
        try FileManager.default.createSymbolicLink(at: schemas.appending(path: "partner.json"), withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        let check = try PraxisCommand.run(["check", site.path])
        XCTAssertEqual(check.status, 0, check.output + check.errors)
        assertContains(check.output, ["warning: schemas/practice.json: is out of date", "warning: schemas/partner.json: is out of date"])

        // A schemas/ that is a link to a folder elsewhere: nothing is written there.
        let elsewhere = temporary.url.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: schemas)
        try FileManager.default.createSymbolicLink(at: schemas, withDestinationURL: elsewhere)
        let written = try PraxisCommand.run(["schema", site.path])
        XCTAssertEqual(written.status, 1)
        assertContains(written.errors, ["schemas/: is not a folder (a symbolic link, a file or a device)", "No schema was written."])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    // MARK: Helpers

    /// check-jsonschema from the venv ./build.sh test makes; the test fails without it.
    func checker(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = Self.projectRoot.appending(path: ".build/browser-venv/bin/check-jsonschema")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            XCTFail("\(url.path) is missing: run ./build.sh test, which installs scripts/browser/requirements.txt", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    func writeSchemas(_ root: URL, into folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let result = try PraxisCommand.run(["schema", root.path, "--output", folder.path])
        XCTAssertEqual(result.status, 0, result.errors, file: file, line: line)
        return folder
    }

    /// Every front matter of the site (content/ but static/, and seeds/, every language) in a
    /// .yaml file of its own, checked against its kind's schema; and site.yaml against site.json.
    /// Returns how many files of each kind were checked.
    @discardableResult
    func validateAll(_ root: URL, schemas: URL, work: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Int] {
        let checker = try checker()
        var byKind: [String: [URL]] = [:]
        for path in try markdownFiles(root) {
            let kind = try XCTUnwrap(Self.kind(of: path), path)
            let text = try String(contentsOf: root.appending(path: path), encoding: .utf8)
            let yaml = work.appending(path: "front-matter/\(kind)/\(path.replacingOccurrences(of: "/", with: "__")).yaml")
            try write(frontMatter(of: text), to: yaml)
            byKind[kind, default: []].append(yaml)
        }
        for (kind, files) in byKind.sorted(by: { $0.key < $1.key }) {
            let result = try run(checker, ["--schemafile", schemas.appending(path: "\(kind).json").path] + files.map(\.path))
            XCTAssertEqual(result.status, 0, "\(root.lastPathComponent), \(kind):\n\(result.output)", file: file, line: line)
        }
        let site = try run(checker, ["--schemafile", schemas.appending(path: "site.json").path, root.appending(path: "content/site.yaml").path])
        XCTAssertEqual(site.status, 0, site.output, file: file, line: line)
        return byKind.mapValues(\.count)
    }

    /// Paths of the entries' Markdown files, relative to the site root.
    func markdownFiles(_ root: URL) throws -> [String] {
        var paths: [String] = []
        for folder in ["content", "seeds"] {
            let base = root.appending(path: folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.hasPrefix("static/") || relative == "static" { walker.skipDescendants(); continue }
                if relative.hasSuffix(".md") { paths.append("\(folder)/\(relative)") }
            }
        }
        return paths.sorted()
    }

    static func kind(of path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        if parts.first == "seeds" { return "source" }
        guard parts.count >= 3 else { return nil }
        switch parts[1] {
        case "practices": return "practice"
        case "partners": return "partner"
        case "pages": return "page"
        case "workshops": return parts.last!.hasPrefix("index.") ? "workshop" : "day"
        default: return nil
        }
    }

    /// The lines between the opening `---` and the next `---` (or `...`).
    func frontMatter(of text: String) throws -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        XCTAssertEqual(lines.first?.trimmingCharacters(in: .whitespaces), "---")
        let end = try XCTUnwrap(lines.indices.dropFirst().first { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) })
        return lines[1..<end].joined(separator: "\n") + "\n"
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Runs a program to its end; standard output and error together.
    func run(_ program: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
