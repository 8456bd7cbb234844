extension EntryParser {
    func partner(_ file: SourceTree.File, problems: inout Problems) -> Partner? {
        let schema = KeySchema.map(Self.partnerKeys)
        return entry(file, schema: schema, problems: &problems) { read, origin in
            let title = read.required("title", example: "Welcoming America")
            let summary = read.summary(required: true) ?? ""
            let country: String? = read("country")
            read.country(country, key: "country")
            let url: String? = read("url")
            read.webURL(url, key: "url")
            return Partner(id: file.id, origin: origin, title: title, short: read("short"), country: country, url: url,
                           kind: read("kind"), summary: summary, lang: read.lang() ?? site.language)
        }
    }
}
