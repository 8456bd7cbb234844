import Foundation

extension String {
    /// `trimmingCharacters(in:)` without its round trip through NSString (a sixth of the parse
    /// stage once the YAML work was cut): the same scalars are dropped from both ends, and
    /// the common text with nothing to drop is returned as it is.
    func trimmed(_ set: CharacterSet) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !set.contains(first), !set.contains(last) { return self }
        guard let start = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !set.contains($0) })!
        return String(scalars[start...end])
    }
}
