import Foundation

/// Checks of single values, shared by every entry kind.
enum Validate {
    static let summaryLimit = 300

    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// YYYY-MM-DD naming a real day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    /// YYYY, YYYY-MM or YYYY-MM-DD, for source documents whose day is often unknown.
    static func isPartialDate(_ text: String) -> Bool {
        switch text.count {
        case 4: return Int(text) != nil
        case 7: return isDate(text + "-01")
        default: return isDate(text)
        }
    }

    /// Links that may appear in href attributes: the web and e-mail, nothing that runs code.
    static func isWebURL(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && text.count > 8 && !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@")
        return parts.count == 2 && parts[1].contains(".") && !text.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" })
    }

    /// ISO 3166-1 alpha-2: two capital letters naming a region Foundation knows.
    static func isCountryCode(_ code: String) -> Bool {
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        return CountryNames.knownCodes.contains(code)
    }
}
