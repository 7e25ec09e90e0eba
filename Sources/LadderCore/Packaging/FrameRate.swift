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

    /// The same rate in lowest terms (30000/1001 stays, 50/2 becomes 25/1).
    public var reduced: FrameRate {
        let divisor = gcd(numerator, denominator)
        return FrameRate(numerator / divisor, denominator / divisor)
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
