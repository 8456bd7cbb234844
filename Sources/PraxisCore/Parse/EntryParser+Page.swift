extension EntryParser {
    func page(_ file: SourceTree.File, problems: inout Problems) -> Page? {
        entry(file, schema: .map(Self.pageKeys), problems: &problems) { read, origin in
            Page(id: file.id, origin: origin, title: read.required("title", example: "Über uns"),
                 summary: read.summary(required: false), lang: read.lang() ?? site.language)
        }
    }

    /// A source document of the register (seeds/<id>.md).
    func source(_ file: SourceTree.File, problems: inout Problems) -> SourceDocument? {
        let schema = KeySchema.map(Self.sourceKeys)
        return entry(file, schema: schema, problems: &problems) { read, origin in
            let title = read.required("title", example: "Kommunale Good Practices")
            let date: String? = read("date")
            if let date, !Validate.isPartialDate(date) {
                read.problem("date", "\"\(date)\" is not a date.", hint: "Write YYYY, YYYY-MM or YYYY-MM-DD.")
            }
            let url: String? = read("url")
            read.webURL(url, key: "url")
            return SourceDocument(id: file.id, origin: origin, title: title, publisher: read("publisher"),
                                  author: read("author"), date: date, lang: read.lang(), url: url)
        }
    }
}
