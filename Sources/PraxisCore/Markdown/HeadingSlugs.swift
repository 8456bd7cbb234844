/// Heading ids already made, for the bodies one task renders: `Slug.make` (Unicode folding,
/// per character) was a quarter of the markdown stage, and headings repeat ("Ziele",
/// "Ergebnisse", "Erste Schritte") across a catalogue. Each task keeps its own, so no lock.
struct HeadingSlugs {
    private var made: [String: String] = [:]
    /// Bounds the memory a catalogue of all-different headings can take.
    private static let maximumCount = 4096

    mutating func slug(_ title: String) -> String {
        if let slug = made[title] { return slug }
        let slug = Slug.make(title)
        if made.count < Self.maximumCount { made[title] = slug }
        return slug
    }
}
