/// The slug of every spelling of a tag, made once per spelling, not once per practice.
///
/// Spellings that differ only in case ("Ehrenamt", "ehrenamt") are one tag, labelled with the
/// spelling most practices use. Any other two spellings with one slug ("Sprach-Kurs" and
/// "Sprach Kurs", "Müller" and "Mueller") would silently become one tag page under one label;
/// that is an error naming both files, lines and spellings instead.
enum TagSlugs {
    static func make(_ practices: [Practice]) throws -> [String: String] {
        // Slug and lowercased spelling, once per spelling.
        var known: [String: (slug: String, folded: String)] = [:]
        // Per slug, the first spelling (lowercased) seen and where: the line is looked up only
        // when a message needs it (`serve` runs this after every edit).
        var first: [String: (spelling: String, folded: String, practice: Int, index: Int)] = [:]
        var reported = Set<String>()
        var problems: [Diagnostic] = []
        func line(_ practice: Practice, _ index: Int) -> Int { practice.origin.lines.line("tags[\(index + 1)]") }
        for (number, practice) in practices.enumerated() {
            for (index, tag) in practice.tags.enumerated() {
                let spelling: (slug: String, folded: String)
                if let seen = known[tag] {
                    spelling = seen
                } else {
                    spelling = (Slug.make(tag), tag.lowercased())
                    known[tag] = spelling
                }
                let (slug, folded) = spelling
                guard let earlier = first[slug] else {
                    first[slug] = (tag, folded, number, index)
                    continue
                }
                guard earlier.folded != folded, reported.insert(folded).inserted else { continue }
                let earlierPractice = practices[earlier.practice]
                let earlierLine = line(earlierPractice, earlier.index)
                problems.append(Diagnostic(
                    file: practice.origin.file, line: line(practice, index), key: "tags",
                    message: "the tag \"\(tag)\" and the tag \"\(earlier.spelling)\" (\(earlierPractice.origin.file):\(earlierLine)) "
                        + "have the same address /tags/\(slug)/ and would be merged under one name.",
                    hint: "Write the tag the same way in both files, or make the two tags differ in letters or digits, not only in spaces, hyphens or umlauts."))
            }
        }
        if !problems.isEmpty { throw BuildFailure(stage: "facets", diagnostics: problems) }
        return known.mapValues(\.slug)
    }
}
