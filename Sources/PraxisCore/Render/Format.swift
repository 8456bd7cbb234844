import Foundation

/// How dates, prices and sizes read in the site's language.
struct Format: Sendable {
    /// The twelve month names of the strings table's `months`, read once per build, not per date.
    private let months: [String]
    /// German writes "22. November", "6.000 €" and "1,2 MB"; English "22 November", "6,000 €", "1.2 MB".
    private let german: Bool

    init(strings: [String: String], language: String = "de") {
        months = (strings["months"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        german = language == "de"
    }

    private var decimal: String { german ? "," : "." }
    private var thousands: String { german ? "." : "," }

    /// "2026-11-22" -> "22. November 2026" (German) or "22 November 2026".
    func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        switch parts.count {
        case 3:
            guard let month = Int(parts[1]), let day = Int(parts[2]), months.count == 12 else { return iso }
            return german ? "\(day). \(months[month - 1]) \(parts[0])" : "\(day) \(months[month - 1]) \(parts[0])"
        case 2:
            guard let month = Int(parts[1]), months.count == 12 else { return iso }
            return "\(months[month - 1]) \(parts[0])"
        default:
            return iso
        }
    }

    /// 6000 EUR -> "6.000 €"; thousands grouped the German way.
    func price(_ amount: Double, currency: String?) -> String {
        let whole = amount.rounded() == amount
        var digits = whole ? String(Int(amount)) : String(format: "%.2f", amount).replacingOccurrences(of: ".", with: decimal)
        let integerEnd = digits.firstIndex(of: Character(decimal)) ?? digits.endIndex
        var position = digits.distance(from: digits.startIndex, to: integerEnd) - 3
        while position > 0 {
            digits.insert(Character(thousands), at: digits.index(digits.startIndex, offsetBy: position))
            position -= 3
        }
        let symbol = currency == "EUR" || currency == nil ? "€" : currency!
        return "\(digits) \(symbol)"
    }

    /// 12345 -> "12 KB"; 1234567 -> "1,2 MB".
    func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(max(1, Int((Double(bytes) / 1024).rounded()))) KB" }
        let megabytes = Double(bytes) / (1024 * 1024)
        return String(format: "%.1f MB", megabytes).replacingOccurrences(of: ".", with: decimal)
    }

    /// "tag-1-ablauf.pdf" -> "PDF".
    func fileType(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), dot != path.startIndex else { return "" }
        return path[path.index(after: dot)...].uppercased()
    }
}

import Foundation
