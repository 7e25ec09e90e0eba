/// Number parsing and printing shared by the text formats.
enum NumberText {
    /// The shortest text that reads back as exactly `value`: integers without a fraction
    /// (`1013`, as Sabre's files write them), everything else as Swift's round-trip `description`
    /// (`2.5`, `1e-05`), which Python's `float()` and JSON both accept.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 9.0e15 { return String(Int64(value)) }
        return value.description
    }

    /// A finite, non-negative decimal number from `text`.
    ///
    /// - Throws: `.notANumber` for text that is not a number, `.outOfRange` for a negative,
    ///   NaN or infinite value (Swift's `Double` parser accepts "nan" and "inf"; we do not).
    static func nonNegative(_ text: Substring, field: String, path: String, line: Int?, expected: String) throws(FormatError) -> Double {
        guard let value = Double(text) else {
            throw FormatError.notANumber(field, text, path: path, line: line, expected: expected)
        }
        guard value.isFinite, value >= 0 else {
            throw FormatError.outOfRange(field, text, path: path, line: line, expected: expected)
        }
        return value
    }
}
