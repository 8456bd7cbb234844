import Foundation

/// One Markdown or YAML file of the site root, read and checked to be non-empty UTF-8 text.
struct SourceFile: Sendable {
    /// Path relative to the site root, used in every message.
    let path: String
    let text: String

    /// Reads `url`; a problem (unreadable, empty, not UTF-8) is reported against `path`.
    static func read(_ url: URL, path: String) -> Result<SourceFile, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(Diagnostic(file: path, message: "cannot be read.", hint: "Check that it is a file and readable."))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a BOM some editors write
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(Diagnostic(file: path, line: 1, message: "the file is empty.",
                                       hint: "Write the front matter (---, title: ..., ---) and a text, or delete the file."))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidUTF8Line(bytes)
            return .failure(Diagnostic(file: path, line: line, message: "is not valid UTF-8 text.",
                                       hint: "Save the file as UTF-8 (most editors: \"Save with encoding\" > UTF-8)."))
        }
        // Windows line endings are fine; lines are counted the same either way.
        return .success(SourceFile(path: path, text: bytes.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text))
    }

    /// The line of the first byte sequence that is not UTF-8, so the editor can find the character.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
