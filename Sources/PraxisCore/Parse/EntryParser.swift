/// Stage "parse": turns each source file into a typed, checked entry. Pure: the same file and
/// site config give the same entry and the same problems, so files can be parsed in any order.
struct EntryParser: Sendable {
    let site: SiteConfig

    static let mediaKeys: [String: KeySchema] = ["type": .value, "url": .value, "file": .value, "title": .value, "credit": .value]
    static let mediaTypes = ["video", "image", "document"]

    var practiceSchema: KeySchema {
        var keys: [String: KeySchema] = [
            "title": .value, "summary": .value, "tags": .value, "year": .value, "updated": .value,
            "related": .value, "partners": .value, "sources": .value, "lang": .value, "draft": .value,
            "translations": .value,
            "place": .map(["municipality": .value, "state": .value, "country": .value]),
            "contact": .map(["name": .value, "role": .value, "email": .value, "url": .value]),
            "media": .listOfMaps(Self.mediaKeys),
        ]
        for facet in site.facets { keys[facet.name] = .value }
        return .map(keys)
    }

    /// Reads and splits a file; nil (with the problem recorded) when that already fails.
    private func frontMatter(_ file: SourceTree.File, problems: inout Problems) -> (FrontMatter, KeyLines)? {
        let source: SourceFile
        switch SourceFile.read(file.url, path: file.path) {
        case .failure(let problem): problems.add(problem); return nil
        case .success(let read): source = read
        }
        switch FrontMatter.split(source) {
        case .failure(let problem): problems.add(problem); return nil
        case .success(let front): return (front, front.keyLines)
        }
    }

    private func origin(_ front: FrontMatter, _ lines: KeyLines) -> EntryOrigin {
        EntryOrigin(file: front.file, lines: lines, body: front.body, bodyLine: front.bodyLine)
    }

    func practice(_ file: SourceTree.File, problems: inout Problems) -> Practice? {
        guard let (front, lines) = frontMatter(file, problems: &problems) else { return nil }
        var local = Problems()
        practiceSchema.check(front.mapping, path: "", file: file.path, lines: lines, problems: &local)
        var read = FieldReader(front, lines: lines)
        let check = EntryChecks(file: file.path, lines: lines)
        let title = check.required(read("title"), key: "title", example: "Arbeitsmarktintegration in Wuppertal", problems: &local)
        let summary = check.summary(read("summary"), required: true, problems: &local) ?? ""
        var facetValues: [String: [String]] = [:]
        for facet in site.facets {
            let values = read(facet.name, [String].self) ?? []
            for (index, value) in values.enumerated() where facet.label(of: value) == nil {
                let nearest = Suggestion.nearest(to: value, in: facet.values.map(\.id))
                local.add(file.path, line: lines.line("\(facet.name)[\(index + 1)]"), key: facet.name,
                          "\"\(value)\" is not a value of \(facet.name) (\(facet.label)).",
                          hint: (nearest.map { "Did you mean \($0)? " } ?? "") + "Allowed: \(facet.values.map(\.id).joined(separator: ", ")) (declared in content/site.yaml).")
            }
            facetValues[facet.name] = values
        }
        if front.mapping["fields"] == nil, site.facet(named: "fields") != nil {
            local.add(file.path, line: lines.start, key: "fields", "is missing.",
                      hint: "Every practice needs at least one field, e.g. fields: [\(site.facet(named: "fields")?.values.first?.id ?? "bildung-sprache")].")
        } else if front.mapping["fields"]?.sequence?.isEmpty == true || front.mapping["fields"]?.null != nil {
            local.add(file.path, line: lines.line("fields"), key: "fields", "is empty.", hint: "Name at least one field.")
        }
        let place = read("place", Place.self)
        let updated = read("updated", String.self)
        let year = read("year", Int.self)
        let contact = read("contact", Contact.self)
        let lang = read("lang", String.self)
        let media = read("media", [Media].self) ?? []
        let rawTranslations = read("translations", [String: String].self) ?? [:]
        check.country(place?.country, key: "place.country", problems: &local)
        if let updated, !Validate.isDate(updated) {
            local.add(file.path, line: lines.line("updated"), key: "updated", "\"\(updated)\" is not a date.", hint: "Write it as YYYY-MM-DD, e.g. 2024-05-31.")
        }
        if let year, !(1900...2200).contains(year) {
            local.add(file.path, line: lines.line("year"), key: "year", "\(year) is not a plausible year.", hint: "Write the year the practice started, e.g. 2016.")
        }
        check.email(contact?.email, key: "contact.email", problems: &local)
        check.webURL(contact?.url, key: "contact.url", problems: &local)
        check.language(lang, key: "lang", problems: &local)
        for (index, item) in media.enumerated() {
            checkMedia(item, key: "media[\(index + 1)]", check: check, problems: &local)
        }
        var translations: [(lang: String, id: String)] = []
        for (lang, id) in rawTranslations.sorted(by: { $0.key < $1.key }) {
            check.language(lang, key: "translations.\(lang)", problems: &local)
            _ = check.ids([id], key: "translations.\(lang)", problems: &local)
            translations.append((lang, id))
        }
        let practice = Practice(
            id: file.id, origin: origin(front, lines), title: title, summary: summary, facetValues: facetValues,
            place: place, partners: check.ids(read("partners"), key: "partners", problems: &local),
            tags: (read("tags", [String].self) ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            year: year, updated: updated,
            related: check.ids(read("related"), key: "related", problems: &local), contact: contact, media: media,
            sources: check.ids(read("sources"), key: "sources", problems: &local), lang: lang ?? site.language,
            translations: translations, draft: read("draft", Bool.self) ?? false)
        local.add(contentsOf: read.problems)
        problems.add(contentsOf: local)
        return local.isEmpty ? practice : nil
    }

    private func checkMedia(_ item: Media, key: String, check: EntryChecks, problems: inout Problems) {
        let line = check.lines.line(key)
        if let type = item.type {
            if !Self.mediaTypes.contains(type) {
                problems.add(check.file, line: check.lines.line("\(key).type"), key: "\(key).type", "\"\(type)\" is not a media type.",
                             hint: "Allowed: \(Self.mediaTypes.joined(separator: ", ")).")
            }
        } else {
            problems.add(check.file, line: line, key: "\(key).type", "is missing.", hint: "Allowed: \(Self.mediaTypes.joined(separator: ", ")).")
        }
        switch (item.url, item.file) {
        case (nil, nil):
            problems.add(check.file, line: line, key: key, "has neither url nor file.",
                         hint: "Give url: (an address on the web) or file: (a path under content/static/).")
        case (.some, .some):
            problems.add(check.file, line: line, key: key, "has both url and file.", hint: "Keep one of them.")
        case (.some(let url), nil):
            check.webURL(url, key: "\(key).url", problems: &problems)
        case (nil, .some):
            break  // checked against content/static/ when the site is resolved
        }
    }

    func partner(_ file: SourceTree.File, problems: inout Problems) -> Partner? {
        guard let (front, lines) = frontMatter(file, problems: &problems) else { return nil }
        var local = Problems()
        KeySchema.map(["title": .value, "short": .value, "country": .value, "url": .value, "kind": .value, "summary": .value, "lang": .value])
            .check(front.mapping, path: "", file: file.path, lines: lines, problems: &local)
        var read = FieldReader(front, lines: lines)
        let check = EntryChecks(file: file.path, lines: lines)
        let title = check.required(read("title"), key: "title", example: "Welcoming America", problems: &local)
        let summary = check.summary(read("summary"), required: true, problems: &local) ?? ""
        let country = read("country", String.self), url = read("url", String.self), lang = read("lang", String.self)
        check.country(country, key: "country", problems: &local)
        check.webURL(url, key: "url", problems: &local)
        check.language(lang, key: "lang", problems: &local)
        let partner = Partner(id: file.id, origin: origin(front, lines), title: title, short: read("short"), country: country,
                              url: url, kind: read("kind"), summary: summary, lang: lang ?? site.language)
        local.add(contentsOf: read.problems)
        problems.add(contentsOf: local)
        return local.isEmpty ? partner : nil
    }

    func workshop(_ file: SourceTree.File, problems: inout Problems) -> Workshop? {
        guard let (front, lines) = frontMatter(file, problems: &problems) else { return nil }
        var local = Problems()
        KeySchema.map([
            "title": .value, "summary": .value, "days": .value, "audience": .value, "max_participants": .value,
            "price": .map(["amount": .value, "currency": .value, "note": .value]), "partners": .value, "sources": .value,
            "media": .listOfMaps(Self.mediaKeys), "lang": .value,
        ]).check(front.mapping, path: "", file: file.path, lines: lines, problems: &local)
        var read = FieldReader(front, lines: lines)
        let check = EntryChecks(file: file.path, lines: lines)
        let title = check.required(read("title"), key: "title", example: "Workshop Integrationsstrategie", problems: &local)
        let summary = check.summary(read("summary"), required: true, problems: &local) ?? ""
        let days = read("days", Int.self), maxParticipants = read("max_participants", Int.self)
        let lang = read("lang", String.self), price = read("price", Price.self), media = read("media", [Media].self) ?? []
        check.positive(days, key: "days", problems: &local)
        check.language(lang, key: "lang", problems: &local)
        for (index, item) in media.enumerated() {
            checkMedia(item, key: "media[\(index + 1)]", check: check, problems: &local)
        }
        check.positive(maxParticipants, key: "max_participants", problems: &local)
        if let currency = price?.currency, currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            local.add(file.path, line: lines.line("price.currency"), key: "price.currency", "\"\(currency)\" is not a currency code.", hint: "Use the three-letter ISO code, e.g. EUR.")
        }
        let workshop = Workshop(
            id: file.id, origin: origin(front, lines), title: title, summary: summary, days: days,
            audience: read("audience"), maxParticipants: maxParticipants, price: price,
            partners: check.ids(read("partners"), key: "partners", problems: &local),
            sources: check.ids(read("sources"), key: "sources", problems: &local), media: media,
            lang: lang ?? site.language)
        local.add(contentsOf: read.problems)
        problems.add(contentsOf: local)
        return local.isEmpty ? workshop : nil
    }

    func day(_ file: SourceTree.File, workshop: String, problems: inout Problems) -> WorkshopDay? {
        guard let (front, lines) = frontMatter(file, problems: &problems) else { return nil }
        var local = Problems()
        KeySchema.map([
            "title": .value, "day": .value, "motto": .value, "summary": .value,
            "sessions": .listOfMaps(["time": .value, "title": .value, "note": .value]),
            "practices": .value, "materials": .listOfMaps(["title": .value, "file": .value]), "lang": .value,
        ]).check(front.mapping, path: "", file: file.path, lines: lines, problems: &local)
        var read = FieldReader(front, lines: lines)
        let check = EntryChecks(file: file.path, lines: lines)
        let title = check.required(read("title"), key: "title", example: "Tag 1: Sensibilisieren", problems: &local)
        let number = SourceTree.dayNumber(file.id)
        let summary = read("summary", String.self), lang = read("lang", String.self)
        let sessions = read("sessions", [Session].self) ?? [], materials = read("materials", [Material].self) ?? []
        if let day = read("day", Int.self) {
            if day != number {
                local.add(file.path, line: lines.line("day"), key: "day", "says \(day), but the file is \(file.id).md.",
                          hint: "Make them agree: day: \(number), or rename the file to day-\(day).md.")
            }
        } else {
            local.add(file.path, line: lines.start, key: "day", "is missing.", hint: "It is required: day: \(number)")
        }
        _ = check.summary(summary, required: false, problems: &local)
        check.language(lang, key: "lang", problems: &local)
        for (index, session) in sessions.enumerated() where (session.title ?? "").isEmpty {
            local.add(file.path, line: lines.line("sessions[\(index + 1)]"), key: "sessions[\(index + 1)].title", "is missing.",
                      hint: "Each session needs a title; time and note are optional.")
        }
        for (index, material) in materials.enumerated() {
            if (material.title ?? "").isEmpty {
                local.add(file.path, line: lines.line("materials[\(index + 1)]"), key: "materials[\(index + 1)].title", "is missing.")
            }
            if (material.file ?? "").isEmpty {
                local.add(file.path, line: lines.line("materials[\(index + 1)]"), key: "materials[\(index + 1)].file", "is missing.",
                          hint: "Name a file under content/static/, e.g. file: workshops/tag-1.pdf")
            }
        }
        let day = WorkshopDay(
            workshop: workshop, id: file.id, origin: origin(front, lines), title: title, day: number, motto: read("motto"),
            summary: summary, sessions: sessions,
            practices: check.ids(read("practices"), key: "practices", problems: &local), materials: materials,
            lang: lang ?? site.language)
        local.add(contentsOf: read.problems)
        problems.add(contentsOf: local)
        return local.isEmpty ? day : nil
    }

    func page(_ file: SourceTree.File, problems: inout Problems) -> Page? {
        guard let (front, lines) = frontMatter(file, problems: &problems) else { return nil }
        var local = Problems()
        KeySchema.map(["title": .value, "summary": .value, "lang": .value]).check(front.mapping, path: "", file: file.path, lines: lines, problems: &local)
        var read = FieldReader(front, lines: lines)
        let check = EntryChecks(file: file.path, lines: lines)
        let title = check.required(read("title"), key: "title", example: "Über uns", problems: &local)
        let summary = check.summary(read("summary"), required: false, problems: &local)
        let lang = read("lang", String.self)
        check.language(lang, key: "lang", problems: &local)
        local.add(contentsOf: read.problems)
        problems.add(contentsOf: local)
        return local.isEmpty ? Page(id: file.id, origin: origin(front, lines), title: title, summary: summary, lang: lang ?? site.language) : nil
    }

    func source(_ file: SourceTree.File, problems: inout Problems) -> SourceDocument? {
        guard let (front, lines) = frontMatter(file, problems: &problems) else { return nil }
        var local = Problems()
        KeySchema.map(["title": .value, "publisher": .value, "author": .value, "date": .value, "lang": .value, "url": .value])
            .check(front.mapping, path: "", file: file.path, lines: lines, problems: &local)
        var read = FieldReader(front, lines: lines)
        let check = EntryChecks(file: file.path, lines: lines)
        let title = check.required(read("title"), key: "title", example: "Kommunale Good Practices", problems: &local)
        let date = read("date", String.self), lang = read("lang", String.self), url = read("url", String.self)
        if let date, !Validate.isPartialDate(date) {
            local.add(file.path, line: lines.line("date"), key: "date", "\"\(date)\" is not a date.", hint: "Write YYYY, YYYY-MM or YYYY-MM-DD.")
        }
        check.language(lang, key: "lang", problems: &local)
        check.webURL(url, key: "url", problems: &local)
        let source = SourceDocument(id: file.id, origin: origin(front, lines), title: title, publisher: read("publisher"),
                                    author: read("author"), date: date, lang: lang, url: url)
        local.add(contentsOf: read.problems)
        problems.add(contentsOf: local)
        return local.isEmpty ? source : nil
    }
}
