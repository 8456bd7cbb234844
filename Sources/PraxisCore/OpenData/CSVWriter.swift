import Foundation

/// Comma-separated values as RFC 4180 writes them, made for spreadsheets.
struct CSVWriter {
    private var text = ""

    /// The UTF-8 byte order mark: without it Excel reads the file in the machine's legacy code
    /// page, and "Geflüchtete" turns into "GeflÃ¼chtete".
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func row(_ cells: [String]) {
        text += Self.line(cells)
    }

    /// One row as it stands in the file, CR LF included.
    static func line(_ cells: [String]) -> String {
        cells.map(Self.cell).joined(separator: ",") + "\r\n"
    }

    /// The file: byte order mark, then the rows, every line ended by CR LF.
    var data: Data { Data(Self.byteOrderMark + Array(text.utf8)) }

    /// One cell. A value a spreadsheet would run as a formula gets a leading apostrophe:
    /// a summary such as `=HYPERLINK("https://…","Mehr")` would otherwise become a live link
    /// or command in the reader's spreadsheet (CSV or formula injection). `=`, `+`, `-` and `@`
    /// start formulas in Excel, LibreOffice and Google Sheets; tab and carriage return are
    /// guarded too, since some programs skip them before looking for a formula. The
    /// apostrophe is what these programs themselves use to mark a cell as text.
    /// Then RFC 4180: a cell holding a comma, a quote or a line break is quoted, and its quotes
    /// are doubled.
    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
