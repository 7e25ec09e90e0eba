import ABRFormats

/// Figures built from the simulator's CSV reports.
public enum ResultFigures {
    /// CDFs of QoE per segment, average bitrate and rebuffer ratio from a `sessions.csv`.
    ///
    /// - Throws: `FormatError` when the CSV is malformed or lacks a needed column or number.
    public static func cdf(sessionsCSV text: String, path: String) throws(FormatError) -> Figure {
        var distributions = SessionDistributions()
        for row in try ResultsCSV.readSessions(text, path: path) {
            distributions.add(
                trace: row.trace, policy: row.policy, qoePerSegment: row.qoePerSegment, averageBitrateKbps: row.averageBitrateKbps,
                rebufferRatio: row.rebufferRatio)
        }
        return cdf(distributions)
    }

    /// CDFs of QoE per segment, average bitrate and rebuffer ratio (log axis, zero-stall shares
    /// stated), one curve per policy.
    public static func cdf(_ d: SessionDistributions, title: String? = nil) -> Figure {
        CDFFigure.figure(
            title: title ?? "Across \(d.traceCount) traces",
            metrics: [
                CDFFigure.Metric(title: "QoE per segment", axisLabel: "QoE per segment", values: d.values(\.qoePerSegment)),
                CDFFigure.Metric(title: "Average bitrate", axisLabel: "average bitrate (kbit/s)", values: d.values(\.averageBitrateKbps)),
                CDFFigure.rebufferMetric(title: "Rebuffering", axisLabel: "rebuffer ratio (%)", values: d.values { $0.rebufferRatio * 100 }),
            ])
    }
}

/// Per policy, the values across sessions that the CDF figure draws; filled one session at a time.
public struct SessionDistributions: Sendable {
    /// One session's plotted values.
    public struct Values: Sendable {
        public var qoePerSegment: Double
        public var averageBitrateKbps: Double
        /// Stall time over playback time, 0…1.
        public var rebufferRatio: Double
    }

    private var order: [String] = []
    private var byPolicy: [String: [Values]] = [:]
    private var traces: Set<String> = []

    public init() {}

    /// Distinct traces seen.
    public var traceCount: Int { traces.count }

    public mutating func add(trace: String, policy: String, qoePerSegment: Double, averageBitrateKbps: Double, rebufferRatio: Double) {
        if byPolicy[policy] == nil { order.append(policy) }
        byPolicy[policy, default: []].append(Values(qoePerSegment: qoePerSegment, averageBitrateKbps: averageBitrateKbps, rebufferRatio: rebufferRatio))
        traces.insert(trace)
    }

    /// (policy, one value per session) in the order policies first appeared.
    public func values(_ value: (Values) -> Double) -> [(policy: String, values: [Double])] {
        order.map { p in (policy: p, values: (byPolicy[p] ?? []).map(value)) }
    }
}
