import Foundation

/// Reads the keys of one front matter, each through Codable, and checks their values. A wrong
/// key does not hide the others: every problem is collected, naming file:line and the key.
struct EntryReader {
    let front: FrontMatter
    let lines: KeyLines
    private(set) var problems = Problems()

    init(_ front: FrontMatter, lines: KeyLines) {
        self.front = front
        self.lines = lines
    }

    var file: String { front.file }

    mutating func problem(_ key: String, at path: String? = nil, _ message: String, hint: String? = nil) {
        problems.add(file, line: lines.line(path ?? key), key: key, message, hint: hint)
    }

    /// The value of `key` as `T`; nil when absent, empty (`key:` or `~`), or of the wrong type
    /// (then a problem says what was found and what is expected).
    mutating func callAsFunction<T: NodeDecodable>(_ key: String, _ type: T.Type = T.self) -> T? {
        front.decode(T.self, key: key, lines: lines, problems: &problems)
    }

    /// A required text: missing or blank is a problem. Returns the trimmed text.
    mutating func required(_ key: String, example: String) -> String {
        let value: String? = self(key)
        let text = value?.trimmed(.whitespacesAndNewlines) ?? ""
        if text.isEmpty {
            problem(key, front.value(forKey: key) == nil ? "is missing." : "is empty.", hint: "It is required, e.g. \(key): \(example)")
        }
        return text
    }

    /// The plain-text teaser of lists, search and meta descriptions: at most 300 characters.
    mutating func summary(required: Bool) -> String? {
        guard let value: String = self("summary") else {
            if required {
                problem("summary", front.value(forKey: "summary") == nil ? "is missing." : "is empty.",
                        hint: "It is required: one or two plain sentences of at most \(Validate.summaryLimit) characters, shown in lists and search.")
            }
            return nil
        }
        let text = value.trimmed(.whitespacesAndNewlines)
        if text.isEmpty, required {
            problem("summary", "is empty.", hint: "Write one or two plain sentences of at most \(Validate.summaryLimit) characters.")
        }
        if text.count > Validate.summaryLimit {
            problem("summary", "has \(text.count) characters; at most \(Validate.summaryLimit) are allowed.",
                    hint: "Shorten it by \(text.count - Validate.summaryLimit) characters; details belong in the text below the front matter.")
        }
        return text
    }

    /// A list of entry ids (partners, related, sources, practices).
    mutating func ids(_ key: String) -> [String] {
        let values: [String] = self(key) ?? []
        checkIDs(values, key: key)
        return values
    }

    mutating func checkIDs(_ values: [String], key: String, itemPaths: Bool = true) {
        for (index, value) in values.enumerated() where !Slug.isValidID(value) {
            let example = Slug.make(value).isEmpty ? "mein-eintrag" : Slug.make(value)
            problem(key, at: itemPaths ? "\(key)[\(index + 1)]" : key, "\"\(value)\" is not an id.",
                    hint: "Write the file name without .md, e.g. \(example).")
        }
    }

    mutating func webURL(_ value: String?, key: String) {
        guard let value, !Validate.isWebURL(value) else { return }
        problem(key, "\"\(value)\" is not a web address.", hint: "Write the full address starting with https:// or http://.")
    }

    mutating func email(_ value: String?, key: String) {
        guard let value, !Validate.isEmail(value) else { return }
        problem(key, "\"\(value)\" is not an e-mail address.", hint: "Write it as name@example.org.")
    }

    mutating func country(_ value: String?, key: String) {
        guard let value, !Validate.isCountryCode(value) else { return }
        let hint = Validate.isCountryCode(value.uppercased())
            ? "Write it in capitals: \(value.uppercased())." : "Use the two-letter ISO 3166 code, e.g. DE, AT, CH, CA, US."
        problem(key, "\"\(value)\" is not a country code.", hint: hint)
    }

    mutating func language(_ value: String?, key: String) {
        guard let value, !Validate.isLanguageCode(value) else { return }
        problem(key, "\"\(value)\" is not a language code.", hint: "Use codes like de or en.")
    }

    /// A whole number within `range`; nil when absent or not allowed (then a problem says why).
    /// Read from the written digits, not through Yams: its `Int` also takes `1:30` (base 60),
    /// `0x10` and `010` (octal), and traps on `99999999999:0` instead of saying it overflows.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, hint: String? = nil) -> Int? {
        guard let node = front.value(forKey: key) else { return nil }
        guard case .scalar(let scalar) = node else {
            problem(key, "expected a whole number, found \(YAMLNode.describe(node)).", hint: "Write digits only, e.g. \(range.lowerBound).")
            return nil
        }
        if FrontMatter.isNull(scalar) { return nil }
        let allowed = "Allowed: a whole number from \(range.lowerBound) to \(range.upperBound)."
        let digits = scalar.string.hasPrefix("-") || scalar.string.hasPrefix("+") ? scalar.string.dropFirst() : Substring(scalar.string)
        guard scalar.style == .plain, !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            problem(key, "expected a whole number, found \(YAMLNode.describe(node)).", hint: "Write digits only, e.g. \(range.lowerBound). \(allowed)")
            return nil
        }
        guard let value = Int(scalar.string), range.contains(value) else {
            let shown = scalar.string.count > 24 ? String(scalar.string.prefix(20)) + "…" : scalar.string
            problem(key, "\(shown) is out of range.", hint: hint.map { "\($0) \(allowed)" } ?? allowed)
            return nil
        }
        return value
    }

    /// A number (with decimals) within `range`: finite, so `.inf`, `.nan` and `1e400` are refused.
    mutating func number(_ value: Double?, key: String, in range: ClosedRange<Double>) -> Double? {
        guard let value else { return nil }
        guard value.isFinite, range.contains(value) else {
            problem(key, "\(value) is out of range.",
                    hint: "Allowed: a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)), e.g. 250 or 99.50.")
            return nil
        }
        return value
    }

    /// `lang:` of an entry, checked; nil when the entry is in the site's language by default.
    mutating func lang() -> String? {
        let value: String? = self("lang")
        language(value, key: "lang")
        return value
    }

    /// `media:` items: a known type and either a web address or a file under static/.
    mutating func media() -> [Media] {
        let media: [Media] = self("media") ?? []
        let types = Self.mediaTypes.map(\.value)
        for (index, item) in media.enumerated() {
            let key = "media[\(index + 1)]"
            if let type = item.type {
                if !types.contains(type) {
                    problem("\(key).type", "\"\(type)\" is not a media type.", hint: "Allowed: \(types.joined(separator: ", ")).")
                }
            } else {
                problem("\(key).type", at: key, "is missing.", hint: "Allowed: \(types.joined(separator: ", ")).")
            }
            switch (item.url, item.file) {
            case (nil, nil):
                problem(key, "has neither url nor file.", hint: "Give url: (an address on the web) or file: (a path under content/static/).")
            case (.some, .some):
                problem(key, "has both url and file.", hint: "Keep one of them.")
            case (.some(let url), nil):
                webURL(url, key: "\(key).url")
            case (nil, .some):
                break  // checked against content/static/ when the site is resolved
            }
        }
        return media
    }

    /// The types `media()` allows, with what each is for the editor.
    static let mediaTypes: [(value: String, meaning: String)] = [
        ("video", "Video (Adresse im Web oder Datei)"), ("image", "Bild"), ("document", "Dokument, z. B. PDF"),
    ]

    /// A media item's keys; `media()` also wants exactly one of url and file (JSONSchemaBuilder
    /// says so as `oneOf`).
    static let mediaKeys: [String: KeySchema] = [
        "type": .value(.choice(mediaTypes), "Art: video, image oder document.", required: true),
        "url": .value(.webURL, "Adresse im Web (statt file)."),
        "file": .value(.staticFile, "Datei unter content/static/ (statt url)."),
        "title": .value(.text, "Was zu sehen ist."),
        "credit": .value(.text, "Bildnachweis; wird angezeigt."),
    ]

    static let mediaDescription = "Bilder, Videos und Dokumente: je Eintrag type, entweder url oder file, dazu title und credit."
}
