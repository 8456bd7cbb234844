/// Workshop and workshop-day pages; a day prints as a one-page handout.
extension Renderer {
    func workshop(_ workshop: Workshop) -> OutputFile {
        let path = SitePaths.workshop(workshop.id)
        let root = SitePaths.root(from: path)
        let days = (site.days[workshop.id] ?? []).map { day in
            record(["title": day.title, "motto": day.motto, "day": day.day, "summary": day.summary,
                     "url": url(root, day.origin.file, SitePaths.day(workshop.id, day.id))])
        }
        let main = compact([
            "workshop": true,
            "summary": workshop.summary,
            "audience": workshop.audience,
            "maxParticipants": workshop.maxParticipants,
            "price": workshop.price?.amount.map { format.price($0, currency: workshop.price?.currency) },
            "priceNote": workshop.price?.note,
            "partners": partnerLinks(workshop.partners, root: root),
            "days": days,
            "dayCount": days.isEmpty ? nil : days.count,
            "sources": sourceLinks(workshop.sources, root: root),
            "media": mediaItems(workshop.media, root: root),
            "body": site.body(of: workshop.origin.file, root: root),
        ])
        return layout(path, template: "workshop", title: workshop.title, description: workshop.summary,
                    crumbs: [(strings["workshops"] ?? "Workshops", SitePaths.workshops)], lang: workshop.lang, main)
    }

    func day(_ workshop: Workshop, _ day: WorkshopDay) -> OutputFile {
        let path = SitePaths.day(workshop.id, day.id)
        let root = SitePaths.root(from: path)
        let all = site.days[workshop.id] ?? []
        let position = all.firstIndex { $0.id == day.id } ?? 0
        let neighbour: (Int) -> Record? = { index in
            guard all.indices.contains(index) else { return nil }
            return Record(["title": TextValue(all[index].title), "url": TextValue(url(root, all[index].origin.file, SitePaths.day(workshop.id, all[index].id)))])
        }
        let materials = day.materials.map { material -> Record in
            let file = material.file ?? ""
            return record(["title": material.title, "url": root + up + LinkURL(path: file).text, "type": format.fileType(file),
                            "size": staticSizes[file].map(format.size)])
        }
        let dayCards = listedCards(ids: day.practices, root: root, heading: "h3")
        let sessions = day.sessions.map { record(["time": $0.time, "title": $0.title, "note": $0.note]) }
        let main = compact([
            "day": true,
            "number": day.day,
            "motto": day.motto,
            "summary": day.summary,
            "workshopTitle": workshop.title,
            "workshopURL": url(root, workshop.origin.file, SitePaths.workshop(workshop.id)),
            "sessions": sessions,
            "hasTimes": day.sessions.contains { $0.time != nil } ? true : nil,
            "materials": materials,
            "practices": dayCards,
            "cards": joinedCards(dayCards),
            "previous": neighbour(position - 1),
            "next": neighbour(position + 1),
            "body": site.body(of: day.origin.file, root: root),
        ])
        return layout(path, template: "day", title: day.title, description: day.summary ?? day.motto,
                    crumbs: [(strings["workshops"] ?? "Workshops", SitePaths.workshops), (workshop.title, url("", workshop.origin.file, SitePaths.workshop(workshop.id)))],
                      lang: day.lang, main)
    }
}
