/// Every declared language needs the theme's interface texts, all of them: a key one language's
/// strings file has and another's lacks would show that page's text in the fallback language (or
/// not at all) on the other language's pages.
extension Theme {
    /// A problem for each language of `languages` without `strings/<language>.yaml`, and for each
    /// key that one of their files has and another lacks (named in the file that lacks it).
    /// Only declared languages are compared: a theme may carry texts for more. Sorted by file, then key.
    func stringProblems(languages: [String]) -> Problems {
        var problems = Problems()
        var declared: [String] = []
        for language in languages where !declared.contains(language) { declared.append(language) }
        let listed = declared.joined(separator: ", ")
        for language in declared.sorted() where strings[language] == nil {
            let model = declared.first { strings[$0] != nil }.map { " Copy strings/\($0).yaml and translate its texts." } ?? ""
            problems.add("\(origin)/strings/\(language).yaml", line: nil,
                         "is missing: content/site.yaml declares the language \(language) (languages: \(listed)).",
                         hint: "The theme needs the interface texts of every declared language." + model)
        }
        let present = declared.filter { strings[$0] != nil }.sorted()
        let keys = Set(present.flatMap { strings[$0]!.keys }).sorted()
        for language in present {
            for key in keys where strings[language]![key] == nil {
                let having = present.filter { strings[$0]![key] != nil }.map { "strings/\($0).yaml" }
                problems.add("\(origin)/strings/\(language).yaml", line: nil, key: key, "is missing.",
                             hint: "\(having.joined(separator: " and ")) \(having.count == 1 ? "has" : "have") it; every language of languages: (\(listed)) needs the same keys. Add \(key): with the \(language) text.")
            }
        }
        return problems
    }
}
