import Testing

@testable import ABRSimulator

/// The byte-level decimal writer gives exactly the text of the straightforward `String` one.
@Suite struct NumberFormatTests {
    /// The `String`-building formatter abrkit used before the byte writer: the oracle.
    static func reference(_ value: Double, digits: Int = 6) -> String {
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

    @Test(arguments: [
        (0.5, "0.5"), (2.0, "2"), (1.0 / 3, "0.333333"), (-0.0, "0"), (-1e-7, "0"), (-2.5, "-2.5"), (0.000_001, "0.000001"),
        (1_000_000.000_1, "1000000.0001"), (8e9, "8000000000"), (9e9, "9000000000.0"), (1e300, "1e+300"), (.nan, "nan"), (-.infinity, "-inf"),
    ])
    func handPicked(value: Double, text: String) {
        #expect(NumberFormat.decimal(value) == text)
    }

    @Test func randomValuesAtEveryPrecisionMatchTheReference() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200_000 {
            let magnitude = Double.random(in: -12...16, using: &rng)
            let value = (Bool.random(using: &rng) ? 1 : -1) * Double.random(in: 1..<10, using: &rng) * pow10(magnitude.rounded())
            let digits = Int.random(in: 0...9, using: &rng)
            #expect(NumberFormat.decimal(value, digits: digits) == Self.reference(value, digits: digits), "\(value) \(digits)")
        }
    }

    @Test(arguments: [(0, 1, "0"), (7, 3, "007"), (-42, 1, "-42"), (Int.max, 1, "9223372036854775807"), (Int.min, 1, "-9223372036854775808")])
    func integers(value: Int, digits: Int, text: String) {
        var bytes: [UInt8] = []
        NumberFormat.appendInteger(Int64(value), minimumDigits: digits, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(abs(exponent)) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

/// `asWritten` is what a correctly rounding parser reads back from `decimal`'s text.
@Suite struct NumberAsWrittenTests {
    @Test func everyValueReadsBackAsTheTextSays() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let magnitude = [1e-9, 1e-6, 0.001, 1, 37, 1e4, 1e8, 5e9, 1e12][Int(rng.next() % 9)]
            let value = (rng.nextUnit() - 0.3) * magnitude
            #expect(Double(NumberFormat.decimal(value)) == NumberFormat.asWritten(value), "\(value)")
        }
    }

    @Test func edgesReadBackToo() {
        for value in [0.0, -0.0, -1e-9, 4e-7, 5e-7, 1.5, -2.25, 8.999999e9, 9.1e9, 1e300, -1e300] {
            let back = Double(NumberFormat.decimal(value))!
            #expect(back == NumberFormat.asWritten(value) && back.sign == NumberFormat.asWritten(value).sign, "\(value)")
        }
    }
}

/// FNV-1a 64 against the published test vectors (draft-eastlake-fnv, `FNV1A_64`).
@Suite struct FNV1aTests {
    @Test(arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
    func publishedVectors(text: String, hex: String) {
        var hash = FNV1a()
        hash.add(text.utf8)
        #expect(hash.hex == hex)
    }
}
