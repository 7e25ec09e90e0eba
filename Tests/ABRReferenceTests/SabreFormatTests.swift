import Foundation
import Testing

@testable import ABRReference
@testable import ABRSimulator

/// `SabreFormat` against the C library's `printf`, an independent implementation of `%f`.
@Suite("Sabre report formatting")
struct SabreFormatTests {
    static func printf(_ x: Double) -> String { String(format: "%f", x) }

    @Test(
        "%f edge cases: zeros, negatives that round to zero, carries and exact ties",
        arguments: [
            0.0, -0.0, 1e-7, -1e-7, 4.9e-7, 5.1e-7, 0.9999995, 0.99999949999, 9.9999996, 199.263258106,
            0.0078125, 0.0234375, 2.5 / 64, 1.0 / 3, -80.763412230636405, 271551, 1e15 + 0.25, 123456789.1234565,
        ])
    func edgeCases(_ x: Double) {
        #expect(SabreFormat.fixed(x) == Self.printf(x))
    }

    @Test("%f agrees with printf on 20 000 seeded random values across magnitudes")
    func random() {
        var state: UInt64 = 0x5AB8E
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var mismatches: [Double] = []
        for _ in 0..<20_000 {
            let mantissa = Double(next() >> 11) / Double(1 << 53)
            let exponent = Int(next() % 40) - 25
            let x = (next() & 1 == 0 ? 1 : -1) * mantissa * pow(2, Double(exponent))
            if SabreFormat.fixed(x) != Self.printf(x) { mismatches.append(x) }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test("%d of a float truncates toward zero")
    func integer() {
        #expect(SabreFormat.integer(25_000) == "25000")
        #expect(SabreFormat.integer(-2.7) == "-2")
        #expect(SabreFormat.integer(30_000.9) == "30000")
    }
}
