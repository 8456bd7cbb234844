import Foundation

/// Checks every entry kind runs on its decoded front matter; each adds problems naming file:line.
struct EntryChecks {
    let file: String
    let lines: KeyLines

    /// A required text: missing or blank is a problem. Returns the trimmed text.
    func required(_ value: String?, key: String, example: String, problems: inout Problems) -> String {
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.isEmpty {
            problems.add(file, line: lines.line(key), key: key, value == nil ? "is missing." : "is empty.",
                         hint: "It is required, e.g. \(key): \(example)")
        }
        return text
    }

    func summary(_ value: String?, required: Bool, problems: inout Problems) -> String? {
        guard let value else {
            if required {
                problems.add(file, line: lines.start, key: "summary", "is missing.",
                             hint: "It is required: one or two plain sentences of at most \(Validate.summaryLimit) characters, shown in lists and search.")
            }
            return nil
        }
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty, required {
            problems.add(file, line: lines.line("summary"), key: "summary", "is empty.",
                         hint: "Write one or two plain sentences of at most \(Validate.summaryLimit) characters.")
        }
        if text.count > Validate.summaryLimit {
            problems.add(file, line: lines.line("summary"), key: "summary",
                         "has \(text.count) characters; at most \(Validate.summaryLimit) are allowed.",
                         hint: "Shorten it by \(text.count - Validate.summaryLimit) characters; details belong in the text below the front matter.")
        }
        return text
    }

    /// Ids in a list (partners, related, sources, practices) must look like ids.
    func ids(_ values: [String]?, key: String, problems: inout Problems) -> [String] {
        let values = values ?? []
        for (index, value) in values.enumerated() where !Slug.isValidID(value) {
            problems.add(file, line: lines.line("\(key)[\(index + 1)]"), key: key,
                         "\"\(value)\" is not an id.", hint: "Write the file name without .md, e.g. \(Slug.make(value).isEmpty ? "mein-eintrag" : Slug.make(value)).")
        }
        return values
    }

    func webURL(_ value: String?, key: String, problems: inout Problems) {
        guard let value, !Validate.isWebURL(value) else { return }
        problems.add(file, line: lines.line(key), key: key, "\"\(value)\" is not a web address.",
                     hint: "Write the full address starting with https:// or http://.")
    }

    func email(_ value: String?, key: String, problems: inout Problems) {
        guard let value, !Validate.isEmail(value) else { return }
        problems.add(file, line: lines.line(key), key: key, "\"\(value)\" is not an e-mail address.", hint: "Write it as name@example.org.")
    }

    func country(_ value: String?, key: String, problems: inout Problems) {
        guard let value, !Validate.isCountryCode(value) else { return }
        let hint = Validate.isCountryCode(value.uppercased()) ? "Write it in capitals: \(value.uppercased())." : "Use the two-letter ISO 3166 code, e.g. DE, AT, CH, CA, US."
        problems.add(file, line: lines.line(key), key: key, "\"\(value)\" is not a country code.", hint: hint)
    }

    func language(_ value: String?, key: String, problems: inout Problems) {
        guard let value, !Validate.isLanguageCode(value) else { return }
        problems.add(file, line: lines.line(key), key: key, "\"\(value)\" is not a language code.", hint: "Use codes like de or en.")
    }

    func positive(_ value: Int?, key: String, problems: inout Problems) {
        guard let value, value < 1 else { return }
        problems.add(file, line: lines.line(key), key: key, "must be 1 or more, found \(value).")
    }
}
