import Foundation

/// A CSV table built row by row (RFC 4180: comma-separated, fields with commas, quotes or line
/// breaks quoted, quotes doubled), with numbers in a fixed, locale-free format so that output is
/// byte-identical on every machine.
public struct CSVTable: Sendable {
    public private(set) var text: String

    public init(header: [String]) {
        text = ""
        append(header)
    }

    public mutating func append(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Locale-free number formatting for reports.
public enum NumberFormat {
    /// `value` rounded to `digits` decimals, trailing zeros dropped: 0.5 → "0.5", 2.0 → "2", 1/3 → "0.333333".
    public static func decimal(_ value: Double, digits: Int = 6) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int64(scaled) / Int64(scale), fraction = Int64(scaled) % Int64(scale)
        var text = String(whole)
        if fraction > 0 {
            var digitsText = String(fraction)
            digitsText = String(repeating: "0", count: digits - digitsText.count) + digitsText
            while digitsText.last == "0" { digitsText.removeLast() }
            text += "." + digitsText
        }
        return value < 0 && scaled > 0 ? "-" + text : text
    }

    /// `value` with exactly `digits` decimals, for aligned tables: fixed(2.5, 2) → "2.50".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        let text = decimal(value, digits: digits)
        guard digits > 0, value.isFinite, !text.contains("e") else { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: digits - fraction.count)
    }
}

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
