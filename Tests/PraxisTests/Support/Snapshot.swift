import Foundation

/// Every file of a folder with its bytes, to compare whole builds.
enum Snapshot {
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            if let data = FileManager.default.contents(atPath: folder.appending(path: path).path) { files[path] = data }
        }
        return files
    }
}
