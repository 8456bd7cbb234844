import Foundation

/// Random but reproducible editing of a site root, as an editor would do it over an
/// afternoon: bodies, titles, facets and references of practices changed; practices, partners
/// and static files added and deleted; partners, pages, sources, days, templates, strings and
/// site.yaml edited; front matter broken and fixed again. Every step is one save (or a
/// delete); the site stays valid except right after a `break`, which the next step undoes.
struct SiteEditor {
    let root: URL
    /// The values of each declared facet, as site.yaml lists them.
    let vocabulary: [String: [String]]
    var random: SeededRandom
    /// What was done, step by step, for the message of a failing test.
    private(set) var log: [String] = []
    /// The file a `break` step changed and its text before, restored by the next step.
    private(set) var broken: (path: String, text: Data)?
    private var addedPractices: [String] = []
    private var addedPartners: [String] = []
    private var addedStatic: [String] = []
    private var counter = 0

    init(root: URL, vocabulary: [String: [String]], seed: UInt64) {
        self.root = root
        self.vocabulary = vocabulary
        random = SeededRandom(seed: seed)
    }

    static let words = ["Integration", "Sprache", "Arbeit", "Übergang", "Begegnung", "Schule", "Ausbildung", "Wohnen",
                        "Beratung", "Netzwerk", "Kommune", "Ehrenamt", "Mentoring", "Zugang", "Teilhabe", "Vielfalt",
                        "Straße", "Größe", "Ärztin", "Öffnung", "Quartier", "Lotsen", "Brücke", "Zukunft", "Dialog"]
    static let tagPool = ["Mentoring", "Ehrenamt", "ehrenamt", "Sprachförderung", "Arbeitsmarkt", "Wohnen", "Neu Gedacht",
                          "Digitalisierung", "Quartier"]
    static let countries = ["DE", "AT", "CH", "CA", "NL"]

    // MARK: Steps

    /// Does one random step and returns what it did. A `break` is always followed by its fix.
    mutating func step() throws -> String {
        counter += 1
        let done: String
        if let broken {
            try write(broken.path, broken.text)
            self.broken = nil
            done = "fix \(broken.path)"
        } else {
            done = try randomStep()
        }
        log.append("\(counter): \(done)")
        return done
    }

    /// The kinds of step and how often each comes, out of their sum. Changes every page shows
    /// (templates, strings, site.yaml, page titles in the footer) are rare, as they are for an
    /// editor; they also render every page again, which would hide a page left stale.
    private enum Kind: CaseIterable {
        case body, title, summary, facet, tags, retag, updated, place, partners, related
        case addPractice, deletePractice, draft, editPartner, addPartner, deletePartner
        case template, pageTitle, sourceTitle, day, staticFile, material, strings, siteYAML, breakSomething

        var weight: Int {
            switch self {
            case .body: 24
            case .title, .facet: 12
            case .summary, .updated, .partners, .related, .deletePractice: 8
            case .tags, .editPartner: 10
            case .place, .draft, .addPartner, .day, .staticFile, .retag: 6
            case .material: 3
            case .addPractice, .breakSomething: 12
            case .deletePartner, .sourceTitle: 4
            case .template: 3
            case .pageTitle: 2
            case .strings, .siteYAML: 1
            }
        }
    }

    private mutating func randomStep() throws -> String {
        var roll = random.int(Kind.allCases.map(\.weight).reduce(0, +))
        let kind = Kind.allCases.first { roll -= $0.weight; return roll < 0 }!
        switch kind {
        case .body: return try editPractice { text, editor in
            text.body += "\n\(editor.sentence())\n"
            return "body"
        }
        case .title: return try editPractice { text, editor in
            text.set("title", editor.phrase(3))
            return "title"
        }
        case .summary: return try editPractice { text, editor in
            text.set("summary", editor.sentence())
            return "summary"
        }
        case .facet: return try editPractice { text, editor in
            let facet = editor.random.pick(Array(editor.vocabulary.keys).sorted())
            text.set(facet, editor.list(editor.random.subset(editor.vocabulary[facet]!, atLeast: 1)))
            return facet
        }
        case .tags: return try editPractice { text, editor in
            text.set("tags", editor.list(editor.random.subset(Self.tagPool, atLeast: 0)))
            return "tags"
        }
        case .retag: return try editPractice { text, editor in
            // One spelling of a tag that others write otherwise: the value's label follows the most used.
            text.set("tags", "[\(editor.random.pick(["Ehrenamt", "ehrenamt", "EHRENAMT"]))]")
            return "tags (spelling)"
        }
        case .updated: return try editPractice { text, editor in
            text.set("updated", editor.random.int(4) == 0 ? nil : "20\(20 + editor.random.int(7))-0\(1 + editor.random.int(9))-1\(editor.random.int(10))")
            return "updated"
        }
        case .place: return try editPractice { text, editor in
            text.set("place", "{municipality: \(editor.random.pick(Self.words))stadt, country: \(editor.random.pick(Self.countries))}")
            return "place"
        }
        case .partners: return try editPractice { text, editor in
            text.set("partners", editor.list(editor.random.subset(editor.ids("content/partners"), atLeast: 0, atMost: 3)))
            return "partners"
        }
        case .related: return try editPractice { text, editor in
            let own = text.path.split(separator: "/").last!.dropLast(3)
            let others = editor.ids("content/practices").filter { $0 != own }
            text.set("related", editor.list(editor.random.subset(others, atLeast: 0, atMost: 3)))
            return "related"
        }
        case .addPractice: return try addPractice()
        case .deletePractice: return try deletePractice()
        case .draft: return try editPractice(onlyAdded: true) { text, _ in
            text.set("draft", text.value("draft") == "true" ? nil : "true")
            return "draft"
        }
        case .editPartner: return try editEntry(in: "content/partners") { text, editor in
            switch editor.random.int(3) {
            case 0: text.set("title", editor.phrase(2)); return "title"
            case 1: text.set("summary", editor.sentence()); return "summary"
            default: text.body += "\n\(editor.sentence())\n"; return "body"
            }
        }
        case .addPartner: return try addPartner()
        case .deletePartner: return try deletePartner()
        case .template: return try editTemplate()
        case .pageTitle: return try editEntry(in: "content/pages") { text, editor in
            text.set("title", editor.phrase(2))
            return "title"
        }
        case .sourceTitle: return try editEntry(in: "seeds") { text, editor in
            text.set("title", editor.phrase(3))
            return "title"
        }
        case .day: return try editDay()
        case .staticFile: return try editStatic()
        case .material: return try editMaterial()
        case .strings: return try editStrings()
        case .siteYAML: return try editSiteYAML()
        case .breakSomething: return try breakSomething()
        }
    }

    // MARK: Practices and partners

    private mutating func editPractice(onlyAdded: Bool = false, _ change: (inout SourceText, inout SiteEditor) -> String) throws -> String {
        let candidates = onlyAdded ? addedPractices : ids("content/practices")
        guard !candidates.isEmpty else { return try addPractice() }
        return try edit("content/practices/\(random.pick(candidates)).md", change)
    }

    private mutating func editEntry(in folder: String, _ change: (inout SourceText, inout SiteEditor) -> String) throws -> String {
        let candidates = ids(folder)
        guard !candidates.isEmpty else { return try addPartner() }
        return try edit("\(folder)/\(random.pick(candidates)).md", change)
    }

    private mutating func edit(_ path: String, _ change: (inout SourceText, inout SiteEditor) -> String) throws -> String {
        var text = SourceText(path: path, text: try String(contentsOf: root.appending(path: path), encoding: .utf8))
        let what = change(&text, &self)
        try write(path, Data(text.text.utf8))
        return "edit \(path) (\(what))"
    }

    private mutating func addPractice() throws -> String {
        counter += 1
        let id = "neu-\(counter)"
        var lines = ["title: \(phrase(3))", "summary: \(sentence())"]
        for facet in vocabulary.keys.sorted() where facet == "fields" || random.int(2) == 0 {
            lines.append("\(facet): \(list(random.subset(vocabulary[facet]!, atLeast: 1)))")
        }
        if random.int(2) == 0 { lines.append("tags: \(list(random.subset(Self.tagPool, atLeast: 1, atMost: 3)))") }
        if random.int(2) == 0 { lines.append("partners: \(list(random.subset(ids("content/partners"), atLeast: 1, atMost: 2)))") }
        if random.int(2) == 0 { lines.append("related: \(list(random.subset(ids("content/practices"), atLeast: 1, atMost: 2)))") }
        if random.int(2) == 0 { lines.append("updated: 2026-0\(1 + random.int(9))-1\(random.int(10))") }
        if random.int(3) == 0 { lines.append("place: {country: \(random.pick(Self.countries))}") }
        let path = "content/practices/\(id).md"
        try write(path, Data("---\n\(lines.joined(separator: "\n"))\n---\n## \(phrase(2))\n\n\(sentence())\n".utf8))
        addedPractices.append(id)
        return "add \(path)"
    }

    /// Deletes a practice the editor added, after taking it out of every list naming it.
    private mutating func deletePractice() throws -> String {
        guard !addedPractices.isEmpty else { return try addPractice() }
        let id = addedPractices.remove(at: random.int(addedPractices.count))
        try unreference(id, keys: ["related", "practices"])
        try FileManager.default.removeItem(at: root.appending(path: "content/practices/\(id).md"))
        return "delete content/practices/\(id).md"
    }

    private mutating func addPartner() throws -> String {
        counter += 1
        let id = "partner-\(counter)"
        let path = "content/partners/\(id).md"
        try write(path, Data("---\ntitle: \(phrase(2))\nsummary: \(sentence())\n---\n\(sentence())\n".utf8))
        addedPartners.append(id)
        return "add \(path)"
    }

    private mutating func deletePartner() throws -> String {
        guard !addedPartners.isEmpty else { return try addPartner() }
        let id = addedPartners.remove(at: random.int(addedPartners.count))
        try unreference(id, keys: ["partners"])
        try FileManager.default.removeItem(at: root.appending(path: "content/partners/\(id).md"))
        return "delete content/partners/\(id).md"
    }

    /// Removes `id` from the flow lists (`key: [a, b]`) of every practice and day, one save each.
    private mutating func unreference(_ id: String, keys: [String]) throws {
        for path in entryFiles() {
            var text = SourceText(path: path, text: try String(contentsOf: root.appending(path: path), encoding: .utf8))
            var changed = false
            for key in keys {
                guard let value = text.value(key), value.hasPrefix("["), value.hasSuffix("]") else { continue }
                let items = value.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard items.contains(id) else { continue }
                text.set(key, list(items.filter { $0 != id }))
                changed = true
            }
            if changed { try write(path, Data(text.text.utf8)) }
        }
    }

    // MARK: Other sources

    private mutating func editDay() throws -> String {
        // Days in every language; index.md and its translations (index.en.md) are not days.
        let days = entryFiles().filter { $0.hasPrefix("content/workshops/") && !($0 as NSString).lastPathComponent.hasPrefix("index.") }
        guard !days.isEmpty else { return try addPractice() }
        return try edit(random.pick(days)) { text, editor in
            if editor.random.int(2) == 0 { text.set("motto", editor.phrase(3)); return "motto" }
            text.set("practices", editor.list(editor.random.subset(editor.ids("content/practices"), atLeast: 1, atMost: 4)))
            return "practices"
        }
    }

    private mutating func editTemplate() throws -> String {
        let folder = root.appending(path: "themes/default/templates")
        let templates = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        guard !templates.isEmpty else { return try addPractice() }
        let path = "themes/default/templates/\(random.pick(templates))"
        var text = try String(contentsOf: root.appending(path: path), encoding: .utf8)
        // A comment inside the last section keeps partials and inheritance intact.
        text += "{{! edit \(counter) }}<!-- \(counter) -->"
        try write(path, Data(text.utf8))
        return "edit \(path)"
    }

    private mutating func editStrings() throws -> String {
        let path = "themes/default/strings/de.yaml"
        guard FileManager.default.fileExists(atPath: root.appending(path: path).path) else { return try editTemplate() }
        var text = try String(contentsOf: root.appending(path: path), encoding: .utf8)
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("latest:") ? "latest: \(phrase(2))" : String(line)
        }.joined(separator: "\n")
        try write(path, Data(text.utf8))
        return "edit \(path) (latest)"
    }

    private mutating func editSiteYAML() throws -> String {
        let path = "content/site.yaml"
        var text = try String(contentsOf: root.appending(path: path), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.firstIndex(where: { $0.hasPrefix("page_size:") }) {
            lines[index] = "page_size: \(2 + random.int(3))"
        } else if let index = lines.firstIndex(where: { $0.hasPrefix("description:") }) {
            lines[index] = "description: \(sentence())"
        }
        text = lines.joined(separator: "\n")
        try write(path, Data(text.utf8))
        return "edit \(path)"
    }

    private mutating func editStatic() throws -> String {
        if !addedStatic.isEmpty, random.int(3) == 0 {
            let path = addedStatic.remove(at: random.int(addedStatic.count))
            try FileManager.default.removeItem(at: root.appending(path: path))
            return "delete \(path)"
        }
        if !addedStatic.isEmpty, random.int(2) == 0 {
            let path = random.pick(addedStatic)
            try write(path, Data((sentence() + "\n").utf8))
            return "edit \(path)"
        }
        counter += 1
        let path = "content/static/neu/datei-\(counter).txt"
        try write(path, Data((sentence() + "\n").utf8))
        addedStatic.append(path)
        return "add \(path)"
    }

    /// A file of content/static/ that was there before grows: a day shows the size of its materials.
    private mutating func editMaterial() throws -> String {
        let folder = root.appending(path: "content/static")
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let path = "content/static/" + url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true, !addedStatic.contains(path) { files.append(path) }
        }
        guard !files.isEmpty else { return try editStatic() }
        let path = random.pick(files.sorted())
        var data = try Data(contentsOf: root.appending(path: path))
        data.append(Data(repeating: 0x20, count: 500 + random.int(3000)))
        try write(path, data)
        return "grow \(path)"
    }

    // MARK: Breaking and fixing

    private mutating func breakSomething() throws -> String {
        let practices = ids("content/practices")
        guard !practices.isEmpty else { return try addPractice() }
        switch random.int(8) {
        case 0: return try breakFile("content/site.yaml", "site.yaml") { $0 + "\npage_size: viele\n" }
        case 1:
            let templates = "themes/default/templates/practice.mustache"
            if FileManager.default.fileExists(atPath: root.appending(path: templates).path) {
                return try breakFile(templates, "template") { $0 + "{{#offen}}" }
            }
        default: break
        }
        let path = "content/practices/\(random.pick(practices)).md"
        let original = try Data(contentsOf: root.appending(path: path))
        var text = SourceText(path: path, text: String(decoding: original, as: UTF8.self))
        let kind: String
        switch random.int(6) {
        case 0: text.set("fieldz", "[bildung]"); kind = "unknown key"
        case 1: text.set("title", "[nicht geschlossen"); kind = "invalid YAML"
        case 2: text.set("fields", "[gibt-es-nicht]"); kind = "value outside the vocabulary"
        case 3: text.set("partners", "[niemand-bekanntes]"); kind = "unknown partner"
        case 4: text.body += "\n[Verweis](@/practices/gibt-es-nicht.md)\n"; kind = "link to nothing"
        default: text.set("updated", "gestern"); kind = "not a date"
        }
        try write(path, Data(text.text.utf8))
        broken = (path, original)
        return "break \(path) (\(kind))"
    }

    /// Breaks a file other than a practice by `change` to its text.
    private mutating func breakFile(_ path: String, _ kind: String, _ change: (String) -> String) throws -> String {
        let original = try Data(contentsOf: root.appending(path: path))
        try write(path, Data(change(String(decoding: original, as: UTF8.self)).utf8))
        broken = (path, original)
        return "break \(path) (\(kind))"
    }

    // MARK: Helpers

    /// Ids of the Markdown files of a folder.
    func ids(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: folder).path)) ?? []
        // Ids of the default language's files: a translation (`x.en.md`) has the id of its original.
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.split(separator: ".").count == 2 }
            .map { String($0.dropLast(3)) }.sorted()
    }

    /// Every practice and workshop day file.
    private func entryFiles() -> [String] {
        var files = ids("content/practices").map { "content/practices/\($0).md" }
        let workshops = root.appending(path: "content/workshops")
        for workshop in ((try? FileManager.default.contentsOfDirectory(atPath: workshops.path)) ?? []).sorted() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: workshops.appending(path: workshop).path)) ?? []
            files += names.filter { $0.hasSuffix(".md") }.sorted().map { "content/workshops/\(workshop)/\($0)" }
        }
        return files
    }

    /// Half the saves replace the file in one rename, as many editors do; half write it in place.
    private mutating func write(_ path: String, _ data: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: random.int(2) == 0 ? .atomic : [])
    }

    mutating func phrase(_ count: Int) -> String {
        (0..<count).map { _ in random.pick(Self.words) }.joined(separator: " ")
    }

    mutating func sentence() -> String {
        "Ein Satz über \(phrase(2 + random.int(4))) und \(phrase(1))."
    }

    func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}

/// A Markdown file with front matter, edited key by key.
struct SourceText {
    let path: String
    var front: [String]
    var body: String

    init(path: String, text: String) {
        self.path = path
        var lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            front = []
            body = text
            return
        }
        front = Array(lines[1..<end])
        lines.removeSubrange(0...end)
        body = lines.joined(separator: "\n")
    }

    var text: String { "---\n" + front.joined(separator: "\n") + "\n---\n" + body }

    /// The value written on the key's own line.
    func value(_ key: String) -> String? {
        front.first { $0.hasPrefix(key + ":") }.map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// Sets `key` to `value` on one line (nil removes it), replacing a block value below it too.
    mutating func set(_ key: String, _ value: String?) {
        if let start = front.firstIndex(where: { $0.hasPrefix(key + ":") }) {
            var end = start + 1
            while end < front.count, front[end].hasPrefix(" ") || front[end].hasPrefix("-") || front[end].hasPrefix("\t") { end += 1 }
            front.replaceSubrange(start..<end, with: value.map { ["\(key): \($0)"] } ?? [])
        } else if let value {
            front.append("\(key): \(value)")
        }
    }
}

/// SplitMix64: the same seed gives the same steps on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ upperBound: Int) -> Int { Int(next() % UInt64(upperBound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Some of `items`, in their order.
    mutating func subset(_ items: [String], atLeast minimum: Int, atMost maximum: Int? = nil) -> [String] {
        guard !items.isEmpty else { return [] }
        let upper = min(items.count, maximum ?? items.count)
        let count = min(upper, minimum + int(max(1, upper - minimum + 1)))
        var pool = items
        var chosen: [String] = []
        while chosen.count < count, !pool.isEmpty { chosen.append(pool.remove(at: int(pool.count))) }
        return items.filter { chosen.contains($0) }
    }
}
