/// One policy's results across every trace of a batch: what the comparison table shows.
public struct PolicySummary: Hashable, Sendable {
    public var policy: String
    public var sessions: Int
    public var meanQoE: Double
    public var medianQoE: Double
    /// Mean over sessions of QoE per segment.
    public var meanQoEPerSegment: Double
    public var meanBitrateKbps: Double
    /// Σ stall seconds ÷ Σ (stall + playback) seconds, over all sessions.
    public var rebufferRatio: Double
    public var meanRebufferEvents: Double
    public var meanSwitches: Double
    public var meanStartupDelaySeconds: Double
    /// Σ downloaded bytes over Σ playback seconds, GB per hour (``DataRate``).
    public var gbPerHour: Double
    /// Σ wasted bytes ÷ Σ downloaded bytes.
    public var wastedShare: Double

    /// Summaries per policy, in the order the policies first appear in `results`.
    public static func summarize(_ results: [SessionResult]) -> [PolicySummary] {
        var order: [String] = []
        var groups: [String: [SessionMetrics]] = [:]
        for r in results {
            if groups[r.policyName] == nil { order.append(r.policyName) }
            groups[r.policyName, default: []].append(r.metrics)
        }
        return order.map { summarize(policy: $0, groups[$0] ?? []) }
    }

    static func summarize(policy: String, _ metrics: [SessionMetrics]) -> PolicySummary {
        let n = Double(max(metrics.count, 1))
        func mean(_ f: (SessionMetrics) -> Double) -> Double { metrics.reduce(0) { $0 + f($1) } / n }
        let stall = metrics.reduce(0) { $0 + $1.rebufferSeconds }
        let playback = metrics.reduce(0) { $0 + $1.playbackSeconds }
        let downloaded = metrics.reduce(0.0) { $0 + Double($1.downloadedBytes) }
        let wasted = metrics.reduce(0.0) { $0 + Double($1.wastedBytes) }
        return PolicySummary(
            policy: policy, sessions: metrics.count,
            meanQoE: mean(\.qoe), medianQoE: median(metrics.map(\.qoe)), meanQoEPerSegment: mean(\.qoePerSegment),
            meanBitrateKbps: mean(\.averageBitrateKbps),
            rebufferRatio: stall + playback > 0 ? stall / (stall + playback) : 0,
            meanRebufferEvents: mean { Double($0.rebufferEvents) }, meanSwitches: mean { Double($0.switches) },
            meanStartupDelaySeconds: mean(\.startupDelaySeconds),
            gbPerHour: DataRate.gbPerHour(bytes: downloaded, seconds: playback),
            wastedShare: downloaded > 0 ? wasted / downloaded : 0)
    }

    /// The median (mean of the two middle values for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
