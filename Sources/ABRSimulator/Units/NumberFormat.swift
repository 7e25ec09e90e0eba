/// abrkit's one number formatter: locale-free text for tables, CSV, manifests and decision reasons.
///
/// Every function here writes "." as the decimal point whatever the user's locale, and never
/// calls into Foundation, so the engine can use it too.
public enum NumberFormat {
    /// `value` rounded to `digits` decimals, trailing zeros dropped: 0.5 → "0.5", 2.0 → "2", 1/3 → "0.333333".
    public static func decimal(_ value: Double, digits: Int = 6) -> String {
        var bytes: [UInt8] = []
        appendDecimal(value, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``decimal(_:digits:)``'s text as UTF-8, without making a `String`: what the CSV
    /// writers use for millions of numbers.
    public static func appendDecimal(_ value: Double, digits: Int = 6, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumDecimalBytes) { buffer in
            let count = writeDecimal(value, digits: digits, to: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: count))
        }
    }

    /// The most bytes ``writeDecimal(_:digits:to:)`` writes: Swift's longest `Double` description
    /// (24 bytes, e.g. `-2.2250738585072014e-308`), or 16 digits, a point and a sign.
    public static let maximumDecimalBytes = 32

    /// Writes ``decimal(_:digits:)``'s text at `target`, which must have room for
    /// ``maximumDecimalBytes``, and returns its length: the CSV writers' inner loop, with no
    /// array in between.
    @inlinable
    public static func writeDecimal(_ value: Double, digits: Int = 6, to target: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(digits >= 0 && digits <= 15, "0 to 15 decimals")
        guard value.isFinite else { return copy(value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"), to: target) }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale &*= 10 }
        let magnified = abs(value) * Double(scale)
        // Whole numbers (zero stalls, whole-second buffers) need no rounding; -0 is "0". Beyond
        // 9e15 the text is Swift's description, below.
        if magnified < 9e15, let whole = Int(exactly: value) { return writeInteger(whole, to: target) }
        let scaled = magnified.rounded()
        guard scaled < 9e15 else { return copy(String(value), to: target) }
        let n = UInt64(scaled)
        // The CSVs' 6 decimals divide by a constant, which compiles to a multiplication.
        var (whole, fraction) = digits == 6 ? (n / 1_000_000, n % 1_000_000) : (n / scale, n % scale)
        // Digits right to left into a small buffer, trailing zeros dropped, then one copy.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var start = 24, end = 24
            func put(_ byte: UInt8) {
                start &-= 1
                buffer[start] = byte
            }
            if fraction > 0 {
                for _ in 0..<digits {
                    put(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction % 10))
                    fraction /= 10
                }
                while buffer[end &- 1] == UInt8(ascii: "0") { end &-= 1 }
                put(UInt8(ascii: "."))
            }
            repeat {
                put(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole % 10))
                whole /= 10
            } while whole > 0
            if value < 0 && n > 0 { put(UInt8(ascii: "-")) }
            target.update(from: buffer.baseAddress! + start, count: end &- start)
            return end &- start
        }
    }

    /// Writes `value` in decimal at `target` (room for 20 bytes) and returns its length.
    @inlinable
    public static func writeInteger(_ value: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var start = 20
            repeat {
                start &-= 1
                buffer[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start &-= 1
                buffer[start] = UInt8(ascii: "-")
            }
            target.update(from: buffer.baseAddress! + start, count: 20 &- start)
            return 20 &- start
        }
    }

    @usableFromInline
    static func copy(_ text: String, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            let count = min(utf8.count, maximumDecimalBytes)
            target.update(from: utf8.baseAddress!, count: count)
            return count
        }
    }

    /// The number ``decimal(_:digits:)``'s text denotes: what a reader of the CSV gets back.
    ///
    /// Exact: the text is the integer `scaled` over 10^digits, both exact in a `Double`, so one
    /// correctly rounded division gives what a correctly rounding parser gives for the text.
    public static func asWritten(_ value: Double, digits: Int = 6) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value }  // written as the shortest round-trip text
        guard scaled > 0 else { return 0 }  // "0", never "-0"
        return (value < 0 ? -scaled : scaled) / scale
    }

    /// Appends `value` in decimal, zero-padded to `minimumDigits` (at most 20), as UTF-8.
    public static func appendInteger(_ value: Int64, minimumDigits: Int = 1, to bytes: inout [UInt8]) {
        precondition(minimumDigits <= 20, "an Int64 has at most 20 digits")
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits right to left into a stack buffer, then one append: no per-digit array work.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0 || 20 - start < minimumDigits
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends `value` in decimal, as UTF-8.
    public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) { appendInteger(Int64(value), to: &bytes) }

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
