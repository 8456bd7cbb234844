import Foundation

/// Comma-separated values as RFC 4180 writes them, made for spreadsheets. Rows are written
/// straight into UTF-8 bytes.
enum CSVWriter {
    /// The UTF-8 byte order mark: without it Excel reads the file in the machine's legacy code
    /// page, and "Geflüchtete" turns into "GeflÃ¼chtete".
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One row as it stands in the file, CR LF included.
    static func line(_ cells: [String]) -> String {
        var bytes: [UInt8] = []
        append(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One row, CR LF included, written after `bytes`.
    static func append(_ cells: [String], to bytes: inout [UInt8]) {
        for (position, cell) in cells.enumerated() {
            if position > 0 { bytes.append(0x2C) }
            append(cell: cell, to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// One cell. A value a spreadsheet would run as a formula gets a leading apostrophe:
    /// a summary such as `=HYPERLINK("https://…","Mehr")` would otherwise become a live link
    /// or command in the reader's spreadsheet (CSV or formula injection). `=`, `+`, `-` and `@`
    /// start formulas in Excel, LibreOffice and Google Sheets; tab and carriage return are
    /// guarded too, since some programs skip them before looking for a formula. The
    /// apostrophe is what these programs themselves use to mark a cell as text.
    /// Then RFC 4180: a cell holding a comma, a quote or a line break is quoted, and its quotes
    /// are doubled. Both are decided on bytes, as a CSV reader sees them: a comma followed by
    /// a combining mark is still a comma to it.
    static func append(cell value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        let formula: Bool
        switch utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: formula = true
        default: formula = false
        }
        let quoted = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if quoted { bytes.append(0x22) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                bytes.append(byte)
                if byte == 0x22 { bytes.append(0x22) }
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }
}
