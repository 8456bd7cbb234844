/// The ranges of the numbers content may hold. Every number is checked against its range
/// before anything computes with it: a page size near `Int.max` overflows the page count, an
/// amount of `1e19` traps when it is made a whole number for display.
enum Limits {
    static let year = 1900...2200
    /// Days of a workshop, and the number in a day file's `day:`.
    static let workshopDays = 1...100
    static let participants = 1...100_000
    /// Practices on one list page.
    static let pageSize = 1...1_000
    /// A workshop's price, in the currency's unit.
    static let priceAmount: ClosedRange<Double> = 0...10_000_000
}
