import Foundation

/// After `praxis new day`, a workshop's `days:` must count the new day too, or the build
/// stops. When it is a plain number on its own line it is corrected; else the editor is told.
enum DayCount {
    /// A sentence for the editor when `days:` was changed or needs changing, else nil.
    static func update(workshop: String, siteRoot: URL) -> String? {
        let path = "content/workshops/\(workshop)/index.md"
        let url = siteRoot.appending(path: path)
        let count = SourceTree.visibleNames(in: url.deletingLastPathComponent())
            .filter { $0.hasSuffix(".md") && NewEntryTarget.dayNumber(String($0.dropLast(3))) != nil }.count
        guard case .success(let file) = SourceFile.read(url, path: path), case .success(let front) = FrontMatter.split(file),
              let days = front.mapping["days"]?.int, days != count else { return nil }
        let advice = "\(path) says days: \(days), but the folder now has \(count) day files: change it to days: \(count)."
        // The file as it is on disk (line endings and all); only the one line changes.
        // Never through a link: the file written back must be the one read.
        guard SafeRead.kind(url) == .file, let bytes = try? SafeRead.read(url, path: path),
              let raw = String(data: bytes, encoding: .utf8) else { return advice }
        var lines = raw.components(separatedBy: "\n")
        let index = front.keyLines.line("days") - 1
        guard lines.indices.contains(index), lines[index].hasPrefix("days:") else { return advice }
        let rest = lines[index].dropFirst("days:".count)
        let value = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard value.trimmingCharacters(in: .whitespacesAndNewlines) == String(days) else { return advice }
        var comment = String(rest.dropFirst(value.count))
        if comment.hasSuffix("\r") { comment.removeLast() }
        lines[index] = "days: \(count)" + (comment.isEmpty ? "" : " " + comment) + (lines[index].hasSuffix("\r") ? "\r" : "")
        guard (try? Data(lines.joined(separator: "\n").utf8).write(to: url)) != nil else { return advice }
        return "Changed days: \(days) to days: \(count) in \(path)."
    }
}
