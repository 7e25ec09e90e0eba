/// Number parsing shared by the text formats (``NumberFormat`` prints them).
enum NumberText {
    /// A finite, non-negative decimal number from `text`.
    ///
    /// - Throws: `.notANumber` for text that is not a number, `.outOfRange` for a negative,
    ///   NaN or infinite value (Swift's `Double` parser accepts "nan" and "inf"; we do not).
    ///
    /// - Parameter powerOfTen: scale the decimal by 10^powerOfTen *before* rounding to binary, so
    ///   "4.321" Mbit/s becomes exactly 4 321 000 bit/s (multiplying the parsed 4.321 by 10⁶ can
    ///   land one ulp off).
    static func nonNegative(_ text: Substring, powerOfTen: Int = 0, field: String, path: String, line: Int?, expected: String) throws(FormatError) -> Double {
        guard let value = Double(text) else {
            throw FormatError.notANumber(field, text, path: path, line: line, expected: expected)
        }
        guard value.isFinite, value >= 0 else {
            throw FormatError.outOfRange(field, text, path: path, line: line, expected: expected)
        }
        let result = scaled(text, value: value, powerOfTen: powerOfTen)
        guard result.isFinite else {  // "1e305" Mbit/s is finite, but not in bit/s
            throw FormatError.outOfRange(field, text, path: path, line: line, expected: expected)
        }
        return result
    }

    /// `value × 10^powerOfTen`, correctly rounded from the decimal `text` (whose parse is `value`).
    static func scaled(_ text: Substring, value: Double, powerOfTen: Int) -> Double {
        guard powerOfTen != 0 else { return value }
        guard !text.contains(where: { $0 == "x" || $0 == "X" }) else { return value * pow10(powerOfTen) }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
        let exponent = parts.count == 2 ? Int(parts[1]) : 0
        guard let exponent, let result = Double("\(parts[0])e\(exponent + powerOfTen)"), result.isFinite else {
            return value * pow10(powerOfTen)
        }
        return result
    }

    private static func pow10(_ n: Int) -> Double {
        n >= 0 ? (0..<n).reduce(1.0) { r, _ in r * 10 } : 1 / (0..<(-n)).reduce(1.0) { r, _ in r * 10 }
    }
}
