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
    /// Σ segments whose level the data cap lowered ÷ Σ segments played.
    public var cappedShare: Double
    /// The most segments any session played.
    public var maximumSegments: Int
    /// Latency and live QoE means, when the sessions were live; `nil` in video on demand.
    public var live: LiveSummary? = nil

    /// One policy's live metrics across its sessions: means over sessions.
    public struct LiveSummary: Hashable, Sendable {
        /// Mean of the sessions' mean latencies, seconds.
        public var meanLatencySeconds: Double
        /// Mean of the sessions' 95th-percentile latencies, seconds.
        public var meanP95LatencySeconds: Double
        /// Seeks to live per session.
        public var meanSeeks: Double
        /// Σ seconds faster than real time ÷ Σ seconds played (a share).
        public var speedUpShare: Double
        /// Σ seconds slower than real time ÷ Σ seconds played (a share).
        public var slowDownShare: Double
        /// Mean LoL+ QoE and mean NQoE per session.
        public var meanQoELoLP: Double, meanQoENQoE: Double
    }

    /// Summaries per policy, in the order the policies first appear in `results`.
    public static func summarize(_ results: [SessionResult]) -> [PolicySummary] {
        var accumulator = Accumulator()
        for r in results { accumulator.add(policy: r.policyName, r.metrics, capBoundSegments: r.capBoundSegments, live: r.live) }
        return accumulator.summaries
    }

    /// Summaries built one session at a time, in one pass: sums in session order (so the result is
    /// the same as summing an array of them) and the QoE values kept for the exact median (8 bytes
    /// a session).
    public struct Accumulator: Sendable {
        private var order: [String] = []
        private var sums: [String: Sums] = [:]

        public init() {}

        /// Adds one session of `policy`.
        ///
        /// - Parameters:
        ///   - policy: the policy's name.
        ///   - m: the session's metrics.
        ///   - capBoundSegments: segments whose level the data cap lowered.
        ///   - live: the session's live metrics, `nil` in video on demand.
        public mutating func add(policy: String, _ m: SessionMetrics, capBoundSegments: Int, live: LiveMetrics? = nil) {
            if sums[policy] == nil { order.append(policy) }
            sums[policy, default: Sums()].add(m, capBoundSegments: capBoundSegments, live: live)
        }

        /// One summary per policy, in the order policies were first added.
        public var summaries: [PolicySummary] { order.map { sums[$0]!.summary(policy: $0) } }
    }

    private struct Sums: Sendable {
        var sessions = 0, rebufferEvents = 0, switches = 0, segments = 0, capBound = 0, maximumSegments = 0
        var qoe = 0.0, qoePerSegment = 0.0, bitrate = 0.0, startup = 0.0, stall = 0.0, playback = 0.0, downloaded = 0.0, wasted = 0.0
        var qoeValues: [Double] = []
        var liveSessions = 0, seeks = 0
        var latency = 0.0, p95 = 0.0, faster = 0.0, slower = 0.0, played = 0.0, qoeLoLP = 0.0, qoeNQoE = 0.0

        mutating func add(_ m: SessionMetrics, capBoundSegments: Int, live: LiveMetrics?) {
            if let live {
                liveSessions += 1
                latency += live.meanLatencySeconds
                p95 += live.p95LatencySeconds
                seeks += live.seeks
                faster += live.secondsAboveRealTime
                slower += live.secondsBelowRealTime
                played += live.secondsAboveRealTime + live.secondsAtRealTime + live.secondsBelowRealTime
                qoeLoLP += live.qoeLoLP
                qoeNQoE += live.qoeNQoE
            }
            sessions += 1
            qoe += m.qoe
            qoePerSegment += m.qoePerSegment
            bitrate += m.averageBitrateKbps
            rebufferEvents += m.rebufferEvents
            switches += m.switches
            startup += m.startupDelaySeconds
            stall += m.rebufferSeconds
            playback += m.playbackSeconds
            downloaded += Double(m.downloadedBytes)
            wasted += Double(m.wastedBytes)
            segments += m.segments
            capBound += capBoundSegments
            maximumSegments = max(maximumSegments, m.segments)
            qoeValues.append(m.qoe)
        }

        func summary(policy: String) -> PolicySummary {
            let n = Double(max(sessions, 1))
            return PolicySummary(
                policy: policy, sessions: sessions, meanQoE: qoe / n, medianQoE: PolicySummary.median(qoeValues), meanQoEPerSegment: qoePerSegment / n,
                meanBitrateKbps: bitrate / n, rebufferRatio: stall + playback > 0 ? stall / (stall + playback) : 0,
                meanRebufferEvents: Double(rebufferEvents) / n, meanSwitches: Double(switches) / n, meanStartupDelaySeconds: startup / n,
                gbPerHour: DataRate.gbPerHour(bytes: downloaded, seconds: playback), wastedShare: downloaded > 0 ? wasted / downloaded : 0,
                cappedShare: segments > 0 ? Double(capBound) / Double(segments) : 0, maximumSegments: maximumSegments, live: liveSummary)
        }

        var liveSummary: LiveSummary? {
            guard liveSessions > 0 else { return nil }
            let n = Double(liveSessions)
            return LiveSummary(
                meanLatencySeconds: latency / n, meanP95LatencySeconds: p95 / n, meanSeeks: Double(seeks) / n,
                speedUpShare: played > 0 ? faster / played : 0, slowDownShare: played > 0 ? slower / played : 0, meanQoELoLP: qoeLoLP / n,
                meanQoENQoE: qoeNQoE / n)
        }
    }

    /// The median (mean of the two middle values for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
