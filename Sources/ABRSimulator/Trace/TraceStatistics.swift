/// Time-weighted summary of one loop of a trace: what `abrkit traces info` prints.
///
/// Percentiles are over time, not over periods: the p-th percentile is the smallest period
/// bandwidth `b` such that the periods at or below `b` last at least `p` of the loop. A 1-s
/// spike and a 100-s plateau thus weigh by their durations, as a player experiences them.
public struct TraceStatistics: Hashable, Sendable {
    /// Below this a link counts as "out": 100 kbit/s, under the lowest rung of common ladders
    /// (Pensieve's 300 kbit/s, Sabre's Big Buck Bunny 230 kbit/s).
    public static let outageBelowBitsPerSecond = 100_000.0

    public var durationSeconds: Double
    public var meanBitsPerSecond: Double
    public var medianBitsPerSecond: Double
    public var p10BitsPerSecond: Double
    public var p90BitsPerSecond: Double
    /// Share of the loop's time with bandwidth below `outageBelowBitsPerSecond`, in `[0, 1]`.
    public var outageShare: Double

    public init(_ trace: BandwidthTrace) {
        let sorted = trace.periods.sorted { $0.bitsPerSecond < $1.bitsPerSecond }
        let total = trace.loopDurationSeconds
        func percentile(_ p: Double) -> Double {
            var covered = 0.0
            for period in sorted {
                covered += period.durationSeconds
                if covered >= p * total { return period.bitsPerSecond }
            }
            return sorted[sorted.count - 1].bitsPerSecond
        }
        durationSeconds = total
        meanBitsPerSecond = trace.meanBitsPerSecond
        medianBitsPerSecond = percentile(0.5)
        p10BitsPerSecond = percentile(0.1)
        p90BitsPerSecond = percentile(0.9)
        outageShare = trace.periods.lazy.filter { $0.bitsPerSecond < Self.outageBelowBitsPerSecond }.reduce(0) { $0 + $1.durationSeconds } / total
    }

    /// Statistics of several traces pooled as if played one after another.
    public init(pooling traces: [BandwidthTrace]) throws(ModelError) {
        try self.init(BandwidthTrace(name: "pooled", periods: traces.flatMap(\.periods)))
    }
}
