import Foundation
@testable import PraxisCore
import Yams

/// Random edits of a site root driven by the parsers' own key tables (`EntryParser.keys(of:)`):
/// each step takes an entry file, one of its kind's keys (nested ones too) and gives it the
/// value another entry of the kind has for it, removes it, or changes its text. A key added to
/// a table is edited here without touching this file. Bodies, templates and strings files are
/// edited, and practices added and deleted, beside that. Edits may make the site invalid; the
/// tests compare what the served model and a fresh build say then, too.
struct KeyEditor {
    let root: URL
    let parser: EntryParser
    var random: SeededRandom
    private(set) var log: [String] = []
    private var counter = 0
    /// The files of the last step as they were before it (nil: it did not exist).
    private var before: [String: Data?] = [:]

    init(root: URL, seed: UInt64) throws {
        self.root = root
        random = SeededRandom(seed: seed)
        var problems = Problems()
        let file = try XCTUnwrapValue(SourceFile.read(root.appending(path: "content/site.yaml"), path: "content/site.yaml"))
        let config = try XCTUnwrapValue(SiteConfig.parse(file, baseURLOverride: nil, problems: &problems))
        parser = EntryParser(site: config)
    }

    /// Entry files by kind, paths relative to the root.
    func entries() throws -> [(EntryKind, String)] {
        var found: [(EntryKind, String)] = []
        func markdown(_ folder: String) throws -> [String] {
            let url = root.appending(path: folder)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".md") }.sorted().map { folder + "/" + $0 }
        }
        found += try markdown("content/practices").map { (.practice, $0) }
        found += try markdown("content/partners").map { (.partner, $0) }
        found += try markdown("content/pages").map { (.page, $0) }
        found += try markdown("seeds").map { (.source, $0) }
        let workshops = root.appending(path: "content/workshops")
        for workshop in (try? FileManager.default.contentsOfDirectory(atPath: workshops.path).sorted()) ?? [] {
            for file in try markdown("content/workshops/" + workshop) {
                // index.md and its translations (index.en.md) describe the workshop.
                found.append(((file as NSString).lastPathComponent.hasPrefix("index.") ? .workshop : .day, file))
            }
        }
        return found
    }

    /// Puts the files of the last step back as they were; returns their paths.
    mutating func undo() throws -> Set<String> {
        for (path, data) in before {
            if let data { try data.write(to: root.appending(path: path)) } else { try? FileManager.default.removeItem(at: root.appending(path: path)) }
        }
        log.append("\(counter): undone")
        defer { before = [:] }
        return Set(before.keys)
    }

    /// One random edit; returns the paths it touched.
    mutating func step() throws -> Set<String> {
        counter += 1
        before = [:]
        let all = try entries()
        let roll = random.int(100)
        let touched: Set<String>
        let done: String
        if roll < 6 {
            let template = random.pick(try files(in: "themes/default/templates"))
            try append(template, "\n<!-- \(counter) -->\n")
            (touched, done) = ([template], "template \(template)")
        } else if roll < 9 {
            let strings = "themes/default/strings/de.yaml"
            let text = try read(strings)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var index = random.int(lines.count)
            while !lines[index].contains(": ") { index = (index + 1) % lines.count }
            var changed = lines
            changed[index] += " \(counter)"
            try write(strings, changed.joined(separator: "\n"))
            (touched, done) = ([strings], "strings line \(index + 1)")
        } else if roll < 14 {
            // Mostly practices; partners and sources too (serve puts each in its place).
            let kind = random.pick([EntryKind.practice, .practice, .practice, .partner, .source])
            let source = random.pick(all.filter { $0.0 == kind }).1
            let path = (source as NSString).deletingLastPathComponent + "/neu-\(counter).md"
            keep(path)
            try write(path, try read(source))
            (touched, done) = ([path], "add \(path) as a copy of \(source)")
        } else if roll < 18 {
            let kind = random.pick([EntryKind.practice, .practice, .practice, .partner, .source])
            let path = random.pick(all.filter { $0.0 == kind }).1
            keep(path)
            try FileManager.default.removeItem(at: root.appending(path: path))
            (touched, done) = ([path], "delete \(path)")
        } else if roll < 30 {
            let path = random.pick(all).1
            try append(path, "\nNeuer Absatz \(counter) mit [einem Link](https://example.org/neu).\n")
            (touched, done) = ([path], "body of \(path)")
        } else {
            let (kind, path) = random.pick(all)
            let keyPath = random.pick(Self.keyPaths(parser.keys(of: kind)))
            done = try editKey(keyPath, of: path, kind: kind, others: all.filter { $0.0 == kind && $0.1 != path }.map(\.1))
            touched = [path]
        }
        log.append("\(counter): \(done)")
        return touched
    }

    /// Notes a file's bytes before the step changes it, for `undo`.
    private mutating func keep(_ path: String) {
        if before[path] == nil { before[path] = .some(FileManager.default.contents(atPath: root.appending(path: path).path)) }
    }

    /// "title", "place.country", "media[].title": every key of a table, nested ones included.
    static func keyPaths(_ keys: [String: KeySchema], prefix: String = "") -> [String] {
        keys.keys.sorted().flatMap { key -> [String] in
            switch keys[key]!.shape {
            case .value: [prefix + key]
            case .map(let nested): [prefix + key] + keyPaths(nested, prefix: prefix + key + ".")
            case .listOfMaps(let nested): [prefix + key] + keyPaths(nested, prefix: prefix + key + "[].")
            }
        }
    }

    private mutating func editKey(_ keyPath: String, of path: String, kind: EntryKind, others: [String]) throws -> String {
        var (front, body) = try split(path)
        let donors = try others.compactMap { other -> Node? in Self.value(at: keyPath, in: try split(other).front) }
        let action = random.int(3)
        let what: String
        if action == 0, let donor = donors.isEmpty ? nil : random.pick(donors) {
            Self.set(keyPath, to: donor, in: &front)
            what = "gets another entry's value"
        } else if action == 1 {
            Self.set(keyPath, to: nil, in: &front)
            what = "removed"
        } else if let scalar = Self.value(at: keyPath, in: front)?.scalar {
            Self.set(keyPath, to: Node(scalar.string + " \(counter)"), in: &front)
            what = "text changed"
        } else {
            Self.set(keyPath, to: Node("Wert \(counter)"), in: &front)
            what = "set to text"
        }
        try write(path, "---\n" + (try Yams.serialize(node: front)) + "---\n" + body)
        return "\(kind.rawValue) \(path): \(keyPath) \(what)"
    }

    // MARK: Front matter as a node

    private func split(_ path: String) throws -> (front: Node, body: String) {
        let text = try read(path)
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else {
            return (Node.mapping(Node.Mapping([])), text)
        }
        let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
        let node = (try? Yams.compose(yaml: yaml)) ?? nil
        return (node ?? Node.mapping(Node.Mapping([])), String(text[end.upperBound...]))
    }

    /// The value at `keyPath`; for `list[].key`, that of the first item.
    static func value(at keyPath: String, in node: Node) -> Node? {
        var current: Node? = node
        for part in keyPath.split(separator: ".") {
            if part.hasSuffix("[]") {
                current = current?.mapping?[String(part.dropLast(2))]?.sequence?.first
            } else {
                current = current?.mapping?[String(part)]
            }
        }
        return current
    }

    /// Sets (or with nil removes) the value at `keyPath`; for `list[].key`, in every item.
    static func set(_ keyPath: String, to value: Node?, in node: inout Node) {
        var parts = keyPath.split(separator: ".").map(String.init)
        let first = parts.removeFirst()
        guard var mapping = node.mapping else { return }
        if parts.isEmpty {
            mapping[first] = value
        } else if first.hasSuffix("[]") {
            let key = String(first.dropLast(2))
            guard var items = mapping[key]?.sequence else { return }
            for index in items.indices {
                var item = items[index]
                set(parts.joined(separator: "."), to: value, in: &item)
                items[index] = item
            }
            mapping[key] = Node(Array(items))
        } else {
            var inner = mapping[first] ?? Node.mapping(Node.Mapping([]))
            set(parts.joined(separator: "."), to: value, in: &inner)
            mapping[first] = inner
        }
        node = Node.mapping(mapping)
    }

    // MARK: Files

    private func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appending(path: folder).path).sorted().map { folder + "/" + $0 }
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: root.appending(path: path), encoding: .utf8)
    }

    private mutating func write(_ path: String, _ text: String) throws {
        keep(path)
        try Data(text.utf8).write(to: root.appending(path: path))
    }

    private mutating func append(_ path: String, _ text: String) throws {
        try write(path, try read(path) + text)
    }
}

/// `XCTUnwrap` outside a test case.
func XCTUnwrapValue<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw NSError(domain: "KeyEditor", code: 1, userInfo: [NSLocalizedDescriptionKey: "no \(what)"]) }
    return value
}

func XCTUnwrapValue(_ result: Result<SourceFile, Diagnostic>) throws -> SourceFile {
    try result.get()
}
