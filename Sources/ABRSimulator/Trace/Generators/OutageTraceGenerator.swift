/// A link that alternates between a fixed bandwidth and a full outage (zero bandwidth).
///
/// Outages are how a tunnel or a lift looks to a player: the buffer drains with no download
/// progress. The trace starts and ends "on", so it also converts to Mahimahi (which cannot end in
/// an outage); the cycle `on, off` repeats `cycles` times followed by a final `on`.
public struct OutageTraceGenerator: TraceGenerator, Hashable {
    public var onBitsPerSecond: Double
    public var onSeconds: Double
    public var offSeconds: Double
    public var cycles: Int

    public init(onBitsPerSecond: Double, onSeconds: Double, offSeconds: Double, cycles: Int) {
        precondition(onBitsPerSecond > 0 && onSeconds > 0 && offSeconds > 0 && cycles >= 1, "an outage trace needs positive rate, times and cycles")
        self.onBitsPerSecond = onBitsPerSecond
        self.onSeconds = onSeconds
        self.offSeconds = offSeconds
        self.cycles = cycles
    }

    public var durationSeconds: Double { Double(cycles) * (onSeconds + offSeconds) + onSeconds }

    public func periods(seed: UInt64) -> [TracePeriod] {
        var periods: [TracePeriod] = []
        for _ in 0..<cycles {
            periods.append(TracePeriod(durationSeconds: onSeconds, bitsPerSecond: onBitsPerSecond))
            periods.append(TracePeriod(durationSeconds: offSeconds, bitsPerSecond: 0))
        }
        periods.append(TracePeriod(durationSeconds: onSeconds, bitsPerSecond: onBitsPerSecond))
        return periods
    }

    public var summary: String {
        "on/off: \(describeRate(onBitsPerSecond)) for \(trimmed(onSeconds)) s, outage for \(trimmed(offSeconds)) s, "
            + "× \(cycles), then on (\(trimmed(durationSeconds)) s)"
    }
}
