/// Exact decimal parsing from bytes, for the trace readers' fast path.
///
/// Only the forms whose value is provably the one Swift's `Double(String)` gives are handled here:
/// unsigned `digits[.digits][(e|E)[+|-]digits]` whose significant digits fit a mantissa below 2⁵³
/// and whose decimal exponent (after scaling) is within ±22 (Clinger's fast path: the mantissa and
/// the power of ten are both exact doubles, so one multiplication or division rounds correctly).
/// Everything else returns `nil`, and the caller falls back to ``NumberText`` on the same text.
enum DecimalBytes {
    /// A parsed decimal: `mantissa × 10^exponent`.
    struct Parts {
        var mantissa: UInt64
        var exponent: Int
    }

    /// 10ⁿ for n in 0…22, all exact in binary64 (a switch, so no global array to load).
    @inline(__always)
    static func exactPowerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// The digits of `bytes[start..<end]`, or `nil` when they are not of the simple form, or carry
    /// more than 19 significant digits. With `json`, a leading zero must stand alone (`0.5`, not `05`).
    @inline(__always)
    static func parts(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, json: Bool = false) -> Parts? {
        var i = start
        var mantissa: UInt64 = 0
        var significant = 0
        let intStart = i
        while i < end {
            let d = bytes[i] &- 0x30
            guard d < 10 else { break }
            if mantissa != 0 || d != 0 { significant += 1 }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        let intDigits = i - intStart
        guard intDigits > 0 else { return nil }
        if json, intDigits > 1, bytes[intStart] == 0x30 { return nil }
        var exponent = 0
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < end {
                let d = bytes[i] &- 0x30
                guard d < 10 else { break }
                if mantissa != 0 || d != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            guard i > fracStart else { return nil }
            exponent = fracStart - i
        }
        guard significant <= 19 else { return nil }
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var negative = false
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                negative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            let expStart = i
            var value = 0
            while i < end {
                let d = bytes[i] &- 0x30
                guard d < 10 else { break }
                value = value &* 10 &+ Int(d)
                i += 1
            }
            guard i > expStart, i - expStart <= 4 else { return nil }
            exponent += negative ? -value : value
        }
        guard i == end else { return nil }
        return Parts(mantissa: mantissa, exponent: exponent)
    }

    /// `mantissa × 10^(exponent + powerOfTen)` when Clinger's fast path makes it exact, else `nil`.
    @inline(__always)
    static func value(_ parts: Parts, powerOfTen: Int = 0) -> Double? {
        if parts.mantissa == 0 { return 0 }
        guard parts.mantissa < 1 << 53 else { return nil }
        let e = parts.exponent + powerOfTen
        let m = Double(parts.mantissa)
        if e == 0 { return m }
        if e > 0, e <= 22 { return m * exactPowerOfTen(e) }
        if e < 0, e >= -22 { return m / exactPowerOfTen(-e) }
        return nil
    }

    /// What ``NumberText/nonNegative(_:powerOfTen:field:path:line:expected:)`` returns for
    /// `bytes[start..<end]`, or `nil` where it throws: the fast path when exact, else the same call
    /// on the same text.
    @inline(__always)
    static func nonNegative(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, powerOfTen: Int = 0) -> Double? {
        if let parts = parts(bytes, start, end), let value = value(parts, powerOfTen: powerOfTen) { return value }
        return referenceNonNegative(bytes, start, end, powerOfTen: powerOfTen)
    }

    /// The reference parse of `bytes[start..<end]`: `NumberText.nonNegative` on the same text.
    static func referenceNonNegative(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, powerOfTen: Int) -> Double? {
        let text = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        return try? NumberText.nonNegative(text, powerOfTen: powerOfTen, field: "", path: "", line: nil, expected: "")
    }

    /// Whether every byte is ASCII (then the bytes are valid UTF-8 and each byte is one
    /// `Unicode.Scalar`), and how many `\n` bytes there are (to size the period arrays once).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, newlines: Int) {
        guard let base = bytes.baseAddress else { return (true, 0) }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let newline = ones &* UInt64(UInt8(ascii: "\n"))
        var high: UInt64 = 0
        var newlines = 0
        var i = 0
        while i + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= word
            // A byte of `x` is 0 exactly when its low 7 bits are 0 and its high bit is 0, for
            // ASCII words (high bits clear): ((x & 0x7F…) + 0x7F…) sets the high bit of each non-zero byte.
            let x = word ^ newline
            let nonZero = ((x & ~highs) &+ ~highs) | x
            newlines += (~nonZero & highs).nonzeroBitCount
            i += 8
        }
        while i < count {
            high |= UInt64(base[i])
            if base[i] == UInt8(ascii: "\n") { newlines += 1 }
            i += 1
        }
        return (high & highs == 0, newlines)
    }
}
