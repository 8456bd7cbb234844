extension EntryParser {
    func workshop(_ file: SourceTree.File, problems: inout Problems) -> Workshop? {
        let schema = KeySchema.map(Self.workshopKeys)
        return entry(file, schema: schema, problems: &problems) { read, origin in
            let title = read.required("title", example: "Workshop Integrationsstrategie")
            let summary = read.summary(required: true) ?? ""
            var price: Price? = read("price")
            let amount = read.number(price?.amount, key: "price.amount", in: Limits.priceAmount)
            price?.amount = amount
            if let currency = price?.currency, currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                read.problem("price.currency", "\"\(currency)\" is not a currency code.", hint: "Use the three-letter ISO code, e.g. EUR.")
            }
            return Workshop(
                id: file.id, origin: origin, title: title, summary: summary, days: read.integer("days", in: Limits.workshopDays),
                audience: read("audience"), maxParticipants: read.integer("max_participants", in: Limits.participants), price: price,
                partners: read.ids("partners"), sources: read.ids("sources"), media: read.media(),
                lang: read.lang() ?? site.language)
        }
    }

    func day(_ file: SourceTree.File, workshop: String, problems: inout Problems) -> WorkshopDay? {
        let schema = KeySchema.map(Self.dayKeys)
        return entry(file, schema: schema, problems: &problems) { read, origin in
            let title = read.required("title", example: "Tag 1: Sensibilisieren")
            let number = SourceTree.dayNumber(file.id)
            if let day = read.integer("day", in: Limits.workshopDays) {
                if day != number {
                    read.problem("day", "says \(day), but the file is \(file.id).md.",
                                 hint: "Make them agree: day: \(number), or rename the file to day-\(day).md.")
                }
            } else if read.front.value(forKey: "day").map({ $0.scalar.map(FrontMatter.isNull) ?? false }) ?? true {
                read.problem("day", "is missing.", hint: "It is required: day: \(number)")
            }
            let sessions: [Session] = read("sessions") ?? []
            for (index, session) in sessions.enumerated() where (session.title ?? "").isEmpty {
                read.problem("sessions[\(index + 1)].title", at: "sessions[\(index + 1)]", "is missing.",
                             hint: "Each session needs a title; time and note are optional.")
            }
            let materials: [Material] = read("materials") ?? []
            for (index, material) in materials.enumerated() {
                let key = "materials[\(index + 1)]"
                if (material.title ?? "").isEmpty { read.problem("\(key).title", at: key, "is missing.") }
                if (material.file ?? "").isEmpty {
                    read.problem("\(key).file", at: key, "is missing.", hint: "Name a file under content/static/, e.g. file: workshops/tag-1.pdf")
                }
            }
            return WorkshopDay(
                workshop: workshop, id: file.id, origin: origin, title: title, day: number, motto: read("motto"),
                summary: read.summary(required: false), sessions: sessions, practices: read.ids("practices"),
                materials: materials, lang: read.lang() ?? site.language)
        }
    }
}
