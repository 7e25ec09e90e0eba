/// A frame rate as an exact fraction (25/1, 30000/1001), printed per manifest format.
public struct FrameRate: Sendable, Hashable {
    public var numerator: Int
    public var denominator: Int

    /// - Precondition: both positive.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(numerator > 0 && denominator > 0, "frame rate must be positive")
        self.numerator = numerator
        self.denominator = denominator
    }

    public var framesPerSecond: Double { Double(numerator) / Double(denominator) }

    /// HLS `FRAME-RATE`: decimal with three digits after the point ("29.970"), RFC 8216 §4.3.4.2.
    public var hlsAttribute: String { ManifestNumber.fixed(framesPerSecond, digits: 3) }

    /// DASH `@frameRate` (FrameRateType): "25" or "30000/1001", ISO/IEC 23009-1 §5.3.12.
    public var dashAttribute: String {
        let divisor = gcd(numerator, denominator)
        let n = numerator / divisor, d = denominator / divisor
        return d == 1 ? "\(n)" : "\(n)/\(d)"
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
