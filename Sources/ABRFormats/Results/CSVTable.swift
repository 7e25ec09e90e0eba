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
