/// Writes a front matter line by line: each key with a short German comment above it, so an
/// editor opening the new file sees what every key is for and which values are allowed.
struct FrontMatterWriter {
    private(set) var lines: [String] = ["---"]
    /// Comments wrap here, so the file reads well in any editor window.
    static let width = 100

    /// `# text`, wrapped at word boundaries.
    mutating func comment(_ text: String, indent: String = "") {
        let prefix = indent + "# "
        var line = prefix
        for word in text.split(separator: " ") {
            if line.count > prefix.count, line.count + 1 + word.count > Self.width {
                lines.append(line)
                line = prefix
            }
            line += (line.hasSuffix(" ") ? "" : " ") + word
        }
        if line.count > prefix.count { lines.append(line) }
    }

    /// The comment, then `name: value` (or `name:` for a key left empty on purpose).
    mutating func key(_ name: String, _ value: String = "", comment text: String) {
        comment(text)
        lines.append(value.isEmpty ? "\(name):" : "\(name): \(value)")
    }

    /// A line as it is: nested keys and commented-out examples.
    mutating func raw(_ line: String) { lines.append(line) }

    /// The whole file: front matter closed by `---`, then the Markdown body.
    func file(body: String) -> String {
        (lines + ["---"]).joined(separator: "\n") + "\n" + body
    }

    /// A YAML text in double quotes, safe whatever it holds.
    static func quoted(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n", "\r", "\t": escaped += " "
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    /// `a (Label a), b (Label b)`: the ids of a vocabulary with what they mean.
    static func values(_ facet: FacetVocabulary) -> String {
        facet.values.map { "\($0.id) (\(oneLine($0.label)))" }.joined(separator: ", ")
    }

    /// Known ids of a folder, shortened on large sites.
    static func known(_ ids: [String], folder: String, limit: Int = 30) -> String {
        guard !ids.isEmpty else { return "Noch keine in \(folder)." }
        let shown = ids.prefix(limit).joined(separator: ", ")
        return "Vorhanden: " + shown + (ids.count > limit ? ", … (\(ids.count) insgesamt in \(folder))." : ".")
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
