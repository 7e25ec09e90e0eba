import Foundation

/// Reading RFC 4180 CSV (comma-separated, quoted fields may hold commas, doubled quotes and line
/// breaks); ``CSVBuffer`` writes it.
public enum CSVTable {}

extension CSVTable {
    /// Parses RFC 4180 CSV: a header row, then records. Quoted fields may hold commas, doubled quotes and line breaks.
    ///
    /// - Returns: the header and the records, each as many fields as the header.
    /// - Throws: `FormatError` naming the file and line of an empty file, an unterminated quote, or a
    ///   record whose field count differs from the header's.
    public static func parse(_ text: String, path: String) throws(FormatError) -> (header: [String], records: [[String]]) {
        var rows: [(line: Int, fields: [String])] = []
        var field = "", fields: [String] = []
        var inQuotes = false, line = 1, rowLine = 1
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": fields.append(field); field = ""
            case "\n", "\r\n":
                fields.append(field)
                rows.append((rowLine, fields))
                fields = []; field = ""
                line += 1; rowLine = line
            default: field.append(c)
            }
        }
        if inQuotes { throw FormatError(.malformedRecord, path: path, line: rowLine, problem: "a quoted field is never closed", expected: "a closing \"") }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); rows.append((rowLine, fields)) }
        guard let header = rows.first else { throw FormatError(.emptyFile, path: path, problem: "the file is empty", expected: "a header row") }
        var records: [[String]] = []
        for row in rows.dropFirst() {
            guard row.fields.count == header.fields.count else {
                throw FormatError(
                    .malformedRecord, path: path, line: row.line, value: String(row.fields.count),
                    problem: "the record has \(row.fields.count) fields", expected: "\(header.fields.count) fields, as in the header")
            }
            records.append(row.fields)
        }
        return (header.fields, records)
    }
}
