/// One row of a table of links both ways, as one entry's checks give it (`Contribution`).
enum LinkRow: Sendable, Equatable {
    case practiceOfPartner(partner: String, practice: String)
    case workshopOfPartner(partner: String, workshop: String)
    /// `related` made symmetric: a practice gives a row for each side.
    case related(of: String, id: String)
    case dayOfPractice(practice: String, day: Site.DayRef)
    case citation(source: String, url: String, title: String, by: Citer)

    /// Who cites: a practice, or the workshop at this place of `content.workshops`.
    enum Citer: Sendable, Equatable {
        case practice(String)
        case workshop(Int)
    }

    /// The practice whose place in the order of the practices places the row in its list.
    var placedBy: String? {
        switch self {
        case .practiceOfPartner(_, let practice): practice
        case .related(_, let id): id
        case .citation(_, _, _, .practice(let id)): id
        case .workshopOfPartner, .dayOfPractice, .citation: nil
        }
    }

    /// The list the row is in: its table and the id the table is looked up by.
    var key: LinkKey {
        switch self {
        case .practiceOfPartner(let partner, _): LinkKey(table: .practicesOfPartner, id: partner)
        case .workshopOfPartner(let partner, _): LinkKey(table: .workshopsOfPartner, id: partner)
        case .related(let of, _): LinkKey(table: .relatedOf, id: of)
        case .dayOfPractice(let practice, _): LinkKey(table: .daysOfPractice, id: practice)
        case .citation(let source, _, _, _): LinkKey(table: .citationsOf, id: source)
        }
    }
}

/// A list of a table of links both ways.
struct LinkKey: Hashable, Sendable {
    enum Table: Sendable {
        case practicesOfPartner, workshopsOfPartner, relatedOf, daysOfPractice, citationsOf
    }

    var table: Table
    var id: String

    /// The entry whose id looks the list up. A row is in the list of an id its entry's checks
    /// read, or of the entry's own id (`related`), so the entries that give a list its rows are
    /// among those that read this ref and the entry of the ref itself.
    var ref: EntryRef {
        switch table {
        case .practicesOfPartner, .workshopsOfPartner: EntryRef(kind: .partner, id: id)
        case .relatedOf, .daysOfPractice: EntryRef(kind: .practice, id: id)
        case .citationsOf: EntryRef(kind: .source, id: id)
        }
    }
}

/// The order of the published practices by id, which the tables follow.
protocol PracticeRanking {
    func precedes(_ a: String, _ b: String) -> Bool
}

/// A build: each published practice's place in the order.
struct RankOrder: PracticeRanking {
    let rank: [String: Int]

    func precedes(_ a: String, _ b: String) -> Bool { rank[a]! < rank[b]! }
}

/// The tables of links both ways (see `Site`). Rows are added in the order of the published
/// practices, then of the workshops, then of the days; `order` then puts every list in the
/// order pages show it. `praxis serve` makes a list again from the rows of the entries that
/// give it rows, added in that order (Resolver+Patch), through the same `order(_:by:)`.
struct LinkTables: Sendable {
    var practicesOfPartner: [String: [String]] = [:]
    var workshopsOfPartner: [String: [String]] = [:]
    var relatedOf: [String: [String]] = [:]
    var daysOfPractice: [String: [Site.DayRef]] = [:]
    var citationsOf: [String: [(url: String, title: String)]] = [:]

    mutating func add(_ rows: [LinkRow]) {
        for row in rows {
            switch row {
            case .practiceOfPartner(let partner, let practice): practicesOfPartner[partner, default: []].append(practice)
            case .workshopOfPartner(let partner, let workshop): workshopsOfPartner[partner, default: []].append(workshop)
            case .related(let of, let id): relatedOf[of, default: []].append(id)
            case .dayOfPractice(let practice, let day): daysOfPractice[practice, default: []].append(day)
            case .citation(let source, let url, let title, _): citationsOf[source, default: []].append((url, title))
            }
        }
    }

    /// Every list in its order.
    mutating func order(by ranking: some PracticeRanking) {
        for key in workshopsOfPartner.keys { workshopsOfPartner[key] = Self.workshops(workshopsOfPartner[key]!) }
        for key in relatedOf.keys { relatedOf[key] = Self.related(relatedOf[key]!, by: ranking) }
        for key in daysOfPractice.keys { daysOfPractice[key] = Self.days(daysOfPractice[key]!) }
        for key in citationsOf.keys { citationsOf[key] = Self.citations(citationsOf[key]!) }
    }

    /// The list of `key` made again from `rows`, every row of that list in the order rows are
    /// added (other rows are passed over); an empty list is no list.
    mutating func set(_ key: LinkKey, rows: [LinkRow], by ranking: some PracticeRanking) {
        var one = LinkTables()
        one.add(rows.filter { $0.key == key })
        let id = key.id
        switch key.table {
        case .practicesOfPartner: practicesOfPartner[id] = one.practicesOfPartner[id]
        case .workshopsOfPartner: workshopsOfPartner[id] = one.workshopsOfPartner[id].map(Self.workshops)
        case .relatedOf: relatedOf[id] = one.relatedOf[id].map { Self.related($0, by: ranking) }
        case .daysOfPractice: daysOfPractice[id] = one.daysOfPractice[id].map(Self.days)
        case .citationsOf: citationsOf[id] = one.citationsOf[id].map(Self.citations)
        }
    }

    // The order of each kind of list. Practices of a partner are added in the order of the
    // practices already.

    private static func workshops(_ ids: [String]) -> [String] { ids.sorted() }

    /// By rank, each id once.
    private static func related(_ ids: [String], by ranking: some PracticeRanking) -> [String] {
        guard ids.count > 1 else { return ids }
        let sorted = ids.sorted(by: ranking.precedes)
        var unique: [String] = []
        unique.reserveCapacity(sorted.count)
        for (index, id) in sorted.enumerated() where index == 0 || sorted[index - 1] != id { unique.append(id) }
        return unique
    }

    private static func days(_ days: [Site.DayRef]) -> [Site.DayRef] {
        days.sorted { ($0.workshop, SourceTree.dayNumber($0.day)) < ($1.workshop, SourceTree.dayNumber($1.day)) }
    }

    private static func citations(_ rows: [(url: String, title: String)]) -> [(url: String, title: String)] {
        GermanCollation.sorted(rows, by: \.title)
    }
}
