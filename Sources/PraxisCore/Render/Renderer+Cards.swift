/// The small pieces several pages show: a practice in a list, a link to an entry.
extension Renderer {
    /// A practice in a list: its link and what the rows of `PracticeFields` give a card.
    func practiceCard(_ practice: Practice, root: String) -> [String: Any] {
        var card: PracticeField.Context = ["url": url(root, practice.origin.file, SitePaths.practice(practice.id))]
        for field in PracticeFields.all { field.card?(practice, self, root, &card) }
        return compact(card)
    }

    func practiceCards(_ ids: [String], root: String) -> [Record] {
        ids.compactMap { site.practiceByID[$0] }.map { Record(practiceCard($0, root: root)) }
    }

    /// `practiceCards`, made only if a template asks for them.
    func laterPracticeCards(_ ids: [String], root: String) -> Later {
        Later(count: ids.count { site.practiceByID[$0] != nil }) { practiceCards(ids, root: root) }
    }

    /// "Wuppertal, Nordrhein-Westfalen, Deutschland".
    func placeText(_ place: Place?) -> String? {
        guard let place else { return nil }
        let parts = [place.municipality, place.state, place.country.map { CountryNames.name(of: $0, language: site.pageLanguage) }]
        let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return text.isEmpty ? nil : text
    }

    func partnerLinks(_ ids: [String], root: String) -> [Record] {
        ids.compactMap { site.partnerByID[$0] }.map {
            record(["title": $0.title, "short": $0.short, "url": url(root, $0.origin.file, SitePaths.partner($0.id)), "summary": $0.summary])
        }
    }

    func sourceLinks(_ ids: [String], root: String) -> [Record] {
        ids.compactMap { site.sourceByID[$0] }.map { source in
            record(["title": source.title, "url": root + SitePaths.source(source.id), "publisher": source.publisher,
                     "date": source.date.map(format.date), "external": source.url])
        }
    }

    /// Videos, images and documents with their credit lines; files under static/ get the root prefix.
    func mediaItems(_ media: [Media], root: String) -> [Record] {
        media.map { item in
            // A file's name is percent-encoded (LinkURL): a `#` or `?` in it stays part of the path.
            let url = item.file.map { root + up + LinkURL(path: $0).text } ?? item.url ?? ""
            return record([
                "title": item.title ?? item.file.map { root + up + $0 } ?? url, "url": url, "credit": item.credit,
                "isVideo": item.type == "video" ? true : nil, "isImage": item.type == "image" ? true : nil,
                "isDocument": item.type == "document" ? true : nil,
                "host": item.url.flatMap(host(of:)),
            ])
        }
    }

    /// A counted value of a facet, for overviews and the home page.
    func valueLink(_ facet: Facet, _ value: Facet.Value, root: String) -> Record {
        Record(["label": TextValue(value.label), "url": TextValue(facetURL(facet, value, root: root)), "count": CountValue(value.practices.count)])
    }
}
