/// The one escaping function for values Praxis itself places in HTML attributes (link targets,
/// heading ids, accessible names); templates escape through Mustache's `{{value}}`.
enum HTMLEscape {
    /// `value` safe inside a double- or single-quoted attribute, and as text.
    static func attribute(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
