import Foundation

/// One Markdown or YAML file of the site root, read and checked to be non-empty UTF-8 text.
struct SourceFile: Sendable {
    /// Path relative to the site root, used in every message.
    let path: String
    let text: String

    /// Reads `url`; a problem (unreadable, empty, not UTF-8) is reported against `path`.
    static func read(_ url: URL, path: String) -> Result<SourceFile, Diagnostic> {
        // Through SafeRead: a regular file only, opened without following a link, so a file
        // swapped for a link or a FIFO after the scan is refused, never read or waited on.
        do {
            return decode([UInt8](try SafeRead.read(url, path: path)), path: path)
        } catch {
            return .failure(error.diagnostic)
        }
    }

    /// The checks of `read` on bytes already in memory (also what the fuzz targets feed).
    static func decode(_ data: [UInt8], path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = data
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
        // CommonMark's line endings are LF, CRLF and a lone CR (old Mac files); they all become
        // LF here, byte by byte, so that `\r\r\n` stays two line breaks and every later stage
        // (front matter split, line numbers, cmark) counts lines the same way.
        guard bytes.contains(0x0D) else { return .success(SourceFile(path: path, text: text)) }
        return .success(SourceFile(path: path, text: String(decoding: normalizingLineEndings(bytes), as: UTF8.self)))
    }

    /// CRLF and CR turned into LF. Only ASCII bytes change, so valid UTF-8 stays valid.
    static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// The line of the first byte sequence that is not UTF-8, so the editor can find the character.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        // Lines as CommonMark counts them (CR, LF and CRLF each end one).
        let bytes = normalizingLineEndings(bytes)
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
