/// A link whose bandwidth steps through fixed levels, holding each for the same time.
///
/// Steps test how fast a policy follows a sudden drop or rise: with 60-s holds, every change
/// arrives when the player's estimate has settled on the previous level.
public struct StepTraceGenerator: TraceGenerator, Hashable {
    /// The levels in play order, in bit/s.
    public var levelsBitsPerSecond: [Double]
    /// How long each level holds, in seconds.
    public var holdSeconds: Double

    public init(levelsBitsPerSecond: [Double], holdSeconds: Double) {
        precondition(!levelsBitsPerSecond.isEmpty && holdSeconds > 0, "a step trace needs levels and a positive hold")
        precondition(levelsBitsPerSecond.allSatisfy { $0 >= 0 } && levelsBitsPerSecond.contains { $0 > 0 }, "levels must be ≥ 0, one > 0")
        self.levelsBitsPerSecond = levelsBitsPerSecond
        self.holdSeconds = holdSeconds
    }

    public func periods(seed: UInt64) -> [TracePeriod] {
        levelsBitsPerSecond.map { TracePeriod(durationSeconds: holdSeconds, bitsPerSecond: $0) }
    }

    public var summary: String {
        "step through \(levelsBitsPerSecond.map { trimmed($0 / 1_000_000) }.joined(separator: " → ")) Mbit/s, \(trimmed(holdSeconds)) s each"
    }
}
