/// Stage "parse": turns each source file into a typed, checked entry. Pure: the same file and
/// site config give the same entry and the same problems, so files are parsed in any order.
/// One file per entry kind: EntryParser+Practice, +Partner, +Workshop, +Page.
struct EntryParser: Sendable {
    let site: SiteConfig

    /// The frame every kind shares: read and split the file, point out unknown keys, let
    /// `build` read the keys, and keep the entry only when the file has no problem.
    func entry<T>(_ file: SourceTree.File, schema: KeySchema, problems: inout Problems,
                  _ build: (inout EntryReader, EntryOrigin) -> T) -> T? {
        let front: FrontMatter
        switch SourceFile.read(file.url, path: file.path).flatMap(FrontMatter.split) {
        case .failure(let problem):
            problems.add(problem)
            return nil
        case .success(let split):
            front = split
        }
        let lines = front.keyLines
        var unknownKeys = Problems()
        schema.check(front.mapping, path: "", file: file.path, lines: lines, problems: &unknownKeys)
        var reader = EntryReader(front, lines: lines)
        let value = build(&reader, EntryOrigin(file: file.path, lines: lines, body: front.body, bodyLine: front.bodyLine))
        problems.add(contentsOf: unknownKeys)
        problems.add(contentsOf: reader.problems)
        return unknownKeys.isEmpty && reader.problems.isEmpty ? value : nil
    }
}
