/// LoL+'s QoE evaluator: a segment's score from its bitrate, switch, rebuffering, latency and
/// playback speed, each weighted by the ladder.
///
/// dash.js `src/streaming/rules/abr/lolp/LoLpQoEEvaluator.js` and `QoeInfo.js` (v5.1.1, commit
/// af3cef0), "[Weights][Source: Abdelhak Bentaleb, 2020]": with d the segment duration and
/// R_min, R_max the lowest and highest level in kbit/s,
///
///     QoE = d·R − 1·|R − R_prev| − R_max·rebuffer − latencyPenalty(L)·L − R_min·|1 − speed|
///
/// where latencyPenalty(L) = 0.05·R_min when L ≤ 1.1 s and 0.1·R_max when L ≤ 10⁸ s (no term
/// beyond), and the switch term needs a previous non-zero bitrate. Sums accumulate over the
/// segments logged (dash.js `_logMetricsInQoeInfo`); `LoLPlusPolicy` starts a fresh one each
/// segment, as `LoLpRule` does (`setupPerSegmentQoe`).
public struct LoLPlusQoEEvaluator: Hashable, Sendable {
    /// One latency band: latencies up to `thresholdSeconds` cost `penalty` per second.
    public struct LatencyBand: Hashable, Sendable {
        /// The band's upper latency, in seconds.
        public var thresholdSeconds: Double
        /// The weight of a second of latency in this band (kbit/s per second).
        public var penalty: Double
    }

    /// 1.1 s: dash.js `latencyPenalty[0].threshold`, the low-latency band.
    public static let lowLatencyThresholdSeconds = 1.1
    /// 10⁸ s: dash.js `latencyPenalty[1].threshold`, everything else.
    public static let highLatencyThresholdSeconds = 100_000_000.0
    /// 0.05 × R_min: dash.js's penalty of a second of latency in the low band.
    public static let lowLatencyPenaltyFactor = 0.05
    /// 0.1 × R_max: dash.js's penalty of a second of latency beyond 1.1 s.
    public static let highLatencyPenaltyFactor = 0.1
    /// 1 per kbit/s of change: dash.js `bitrateSwitchPenalty` (its comment offers 0.02 too).
    public static let switchPenalty = 1.0
    /// dash.js's fallbacks when a duration or bitrate is 0 ("set some safe value"): reward 1,
    /// rebuffer penalty 1000, playback-speed penalty 200.
    static let fallbackBitrateReward = 1.0, fallbackRebufferPenalty = 1000.0, fallbackSpeedPenalty = 200.0

    /// The weight of a kbit/s of bitrate: the segment duration in seconds.
    public let bitrateReward: Double
    /// The weight of a second of rebuffering: the top level's kbit/s.
    public let rebufferPenalty: Double
    /// The latency bands, in order.
    public let latencyBands: [LatencyBand]
    /// The weight of |1 − speed|: the lowest level's kbit/s.
    public let playbackSpeedPenalty: Double
    let segmentSeconds: Double, maxKbps: Double, minKbps: Double

    /// The bitrate's weighted sum (dash.js `bitrateWSum`).
    public private(set) var bitrateSum = 0.0
    /// The switches' weighted sum (dash.js `bitrateSwitchWSum`).
    public private(set) var switchSum = 0.0
    /// The rebuffering's weighted sum (dash.js `rebufferWSum`).
    public private(set) var rebufferSum = 0.0
    /// The latency's weighted sum (dash.js `latencyWSum`).
    public private(set) var latencySum = 0.0
    /// The playback speed's weighted sum (dash.js `playbackSpeedWSum`).
    public private(set) var playbackSpeedSum = 0.0
    private var lastBitrate: Double?

    /// An evaluator with dash.js's weights for this ladder (`_createQoeInfo`).
    ///
    /// - Parameters:
    ///   - segmentSeconds: the segment duration, in seconds.
    ///   - maxKbps: the top level's bitrate, in kbit/s.
    ///   - minKbps: the lowest level's bitrate, in kbit/s.
    public init(segmentSeconds: Double, maxKbps: Double, minKbps: Double) {
        self.segmentSeconds = segmentSeconds
        self.maxKbps = maxKbps
        self.minKbps = minKbps
        bitrateReward = segmentSeconds != 0 ? segmentSeconds : Self.fallbackBitrateReward
        rebufferPenalty = maxKbps != 0 ? maxKbps : Self.fallbackRebufferPenalty
        latencyBands = [
            LatencyBand(thresholdSeconds: Self.lowLatencyThresholdSeconds, penalty: minKbps * Self.lowLatencyPenaltyFactor),
            LatencyBand(thresholdSeconds: Self.highLatencyThresholdSeconds, penalty: maxKbps * Self.highLatencyPenaltyFactor),
        ]
        playbackSpeedPenalty = minKbps != 0 ? minKbps : Self.fallbackSpeedPenalty
    }

    /// Adds one segment's metrics (dash.js `logSegmentMetrics`).
    ///
    /// - Parameters:
    ///   - bitrate: the segment's bitrate (kbit/s in dash.js's per-segment score).
    ///   - rebufferSeconds: the stall while it was fetched.
    ///   - latencySeconds: the live latency.
    ///   - playbackRate: the playback speed (1 = real time).
    public mutating func log(bitrate: Double, rebufferSeconds: Double, latencySeconds: Double, playbackRate: Double) {
        bitrateSum += bitrateReward * bitrate
        if let last = lastBitrate, last != 0 {
            switchSum += Self.switchPenalty * abs(bitrate - last)
        }
        lastBitrate = bitrate
        rebufferSum += rebufferPenalty * rebufferSeconds
        latencySum += latencyCost(latencySeconds)
        playbackSpeedSum += playbackSpeedPenalty * abs(1 - playbackRate)
    }

    /// The latency term: the first band holding `latencySeconds` × its penalty; 0 beyond the last.
    ///
    /// - Parameter latencySeconds: the latency to weigh.
    public func latencyCost(_ latencySeconds: Double) -> Double {
        for band in latencyBands where latencySeconds <= band.thresholdSeconds { return band.penalty * latencySeconds }
        return 0
    }

    /// The score so far: bitrate − switch − rebuffer − latency − speed (dash.js `totalQoe`).
    public var totalQoE: Double { bitrateSum - switchSum - rebufferSum - latencySum - playbackSpeedSum }

    /// One segment's score on a fresh evaluator with these weights (dash.js `calculateSingleUseQoe`);
    /// 0 when the duration or a bitrate bound is 0, as dash.js returns then.
    ///
    /// - Parameters:
    ///   - bitrate: the bitrate to score (the weight selector passes bit/s, as dash.js does).
    ///   - rebufferSeconds: the (weighted) rebuffering.
    ///   - latencySeconds: the (weighted) latency.
    ///   - playbackRate: the playback speed.
    public func singleUseQoE(bitrate: Double, rebufferSeconds: Double, latencySeconds: Double, playbackRate: Double) -> Double {
        guard segmentSeconds != 0, maxKbps != 0, minKbps != 0 else { return 0 }
        // A fresh QoeInfo has no previous bitrate, so no switch term.
        return bitrateReward * bitrate - rebufferPenalty * rebufferSeconds - latencyCost(latencySeconds) - playbackSpeedPenalty * abs(1 - playbackRate)
    }
}
