/// Reads front-matter keys one by one, each through Codable, so that a wrong type in one key
/// does not hide the problems of the others: every key's problem is reported in one build.
struct FieldReader {
    let front: FrontMatter
    let lines: KeyLines
    var problems = Problems()

    init(_ front: FrontMatter, lines: KeyLines) {
        self.front = front
        self.lines = lines
    }

    /// The value of `key` as `T`; nil when absent, empty (`key:` or `~`), or of the wrong type
    /// (then a problem names the line, what was found and what is expected).
    mutating func callAsFunction<T: Decodable>(_ key: String, _ type: T.Type = T.self) -> T? {
        front.decode(T.self, key: key, lines: lines, problems: &problems)
    }
}
