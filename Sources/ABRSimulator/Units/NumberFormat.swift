/// abrkit's one number formatter: locale-free text for tables, CSV, manifests and decision reasons.
///
/// Every function here writes "." as the decimal point whatever the user's locale, and never
/// calls into Foundation, so the engine can use it too.
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

    /// The shortest text that reads back as exactly `value`: integers without a fraction
    /// (`1013`, as Sabre's files write them), everything else as Swift's round-trip `description`
    /// (`2.5`, `1e-05`), which Python's `float()` and JSON both accept.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 9.0e15 { return String(Int64(value)) }
        return value.description
    }

    /// An ISO 8601 duration in seconds with millisecond precision, as DASH writes them: `PT12.345S`.
    public static func isoDuration(seconds: Double) -> String { "PT\(fixed(seconds, 3))S" }
}
