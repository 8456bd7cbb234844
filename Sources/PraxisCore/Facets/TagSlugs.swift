/// The slug of every spelling of a tag, made once per spelling, not once per practice.
///
/// Spellings that differ only in case ("Ehrenamt", "ehrenamt") are one tag, labelled with the
/// spelling most practices use. Any other two spellings with one slug ("Sprach-Kurs" and
/// "Sprach Kurs", "Müller" and "Mueller") would silently become one tag page under one label;
/// that is an error naming both files, lines and spellings instead.
enum TagSlugs {
    static func make(_ practices: [Practice]) throws -> [String: String] {
        var slugs: [String: String] = [:]
        // Per slug, the first spelling (lowercased) seen and where it was written.
        var first: [String: (spelling: String, folded: String, file: String, line: Int)] = [:]
        var reported = Set<String>()
        var problems: [Diagnostic] = []
        for practice in practices {
            for (index, tag) in practice.tags.enumerated() {
                let slug: String
                if let known = slugs[tag] {
                    slug = known
                } else {
                    slug = Slug.make(tag)
                    slugs[tag] = slug
                }
                let folded = tag.lowercased()
                let line = practice.origin.lines.line("tags[\(index + 1)]")
                guard let earlier = first[slug] else {
                    first[slug] = (tag, folded, practice.origin.file, line)
                    continue
                }
                guard earlier.folded != folded, reported.insert(folded).inserted else { continue }
                problems.append(Diagnostic(
                    file: practice.origin.file, line: line, key: "tags",
                    message: "the tag \"\(tag)\" and the tag \"\(earlier.spelling)\" (\(earlier.file):\(earlier.line)) "
                        + "have the same address /tags/\(slug)/ and would be merged under one name.",
                    hint: "Write the tag the same way in both files, or make the two tags differ in letters or digits, not only in spaces, hyphens or umlauts."))
            }
        }
        if !problems.isEmpty { throw BuildFailure(stage: "facets", diagnostics: problems) }
        return slugs
    }
}
