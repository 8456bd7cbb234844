import Foundation

/// content/static/ is copied to the site's root as it is; a file that would overwrite a
/// generated one is an error rather than a silent loss.
enum StaticFiles {
    static func copies(_ paths: [String], siteRoot: URL, generated: [String]) throws -> [(from: URL, to: String)] {
        let taken = Set(generated)
        return try copies(paths, siteRoot: siteRoot, isGenerated: taken.contains)
    }

    static func copies(_ paths: [String], siteRoot: URL, isGenerated: (String) -> Bool) throws -> [(from: URL, to: String)] {
        var problems = Problems()
        for path in paths where isGenerated(path) {
            problems.add("content/static/\(path)", line: nil, "would be copied to /\(path), which Praxis generates.",
                         hint: "Move it into a folder of its own, e.g. content/static/dateien/.")
        }
        try problems.check(stage: "write")
        let folder = siteRoot.appending(path: "content/static")
        return paths.map { (folder.appending(path: $0), $0) }
    }
}
