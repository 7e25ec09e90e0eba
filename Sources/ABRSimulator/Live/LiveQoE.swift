/// The per-segment QoE of low-latency live streaming: bitrate reward less switch, stall,
/// latency and playback-speed penalties, in kbit/s units.
///
/// Segment i scores `w_b·R_i − w_s·|R_i − R_{i−1}| − w_r·stall_i − w_l(L_i)·L_i − speed term`,
/// with R in kbit/s, stall and latency L in seconds at the segment's end. Two published weight
/// sets:
/// - ``lolp(video:)``: dash.js `src/streaming/rules/abr/lolp/LoLpQoEEvaluator.js`
///   (`_createQoeInfo`), the QoE LoL+ optimises (Lim et al., "When They Go High, We Go Low:
///   Low-Latency Live Streaming in dash.js with LoL", MMSys 2020, doi:10.1145/3339825.3397043).
/// - ``nqoe(video:)``: the NQoE of Twitch's ACM MMSys 2020 Grand Challenge
///   ("Adaptation Algorithm for Near-Second Latency", twitchtv/acm-mmsys-2020-grand-challenge
///   `evaluation.md` and `NQoE.pdf`), as its dash.js sample's `QoeEvaluator.createQoeInfo` weighs it
///   (weights credited there to A. Bentaleb, 2020).
public struct LiveQoE: Hashable, Sendable {
    /// Reward per kbit/s of the segment's bitrate: the segment duration in both sets
    /// (`weights.bitrateReward = fragmentDuration`).
    public var bitrateReward: Double
    /// Penalty per kbit/s of bitrate change: 1 in both sets (`bitrateSwitchPenalty = 1`).
    public var switchPenalty: Double
    /// Penalty per second of stall: the top bitrate in kbit/s in both (`rebufferPenalty = maxBitrateKbps`).
    public var rebufferPenalty: Double
    /// Penalty per second of latency when latency ≤ `latencyThresholdSeconds`, and above it.
    public var latencyPenaltyLow: Double, latencyPenaltyHigh: Double
    /// 1.1 s in both sets: the latency at which the latency penalty steps up.
    public var latencyThresholdSeconds: Double
    /// Penalty weight of the playback speed: the lowest bitrate in kbit/s in both.
    public var speedPenalty: Double
    /// True when the speed term is `speedPenalty·|1 − rate|` (LoL+), false for
    /// `speedPenalty·rate` (the challenge's evaluator).
    public var penalisesSpeedDeviation: Bool

    /// 1.1 s: the latency threshold of both evaluators (`threshold: 1.1`).
    public static let defaultLatencyThresholdSeconds = 1.1

    /// LoL+'s weights for `video`: latency penalty 0.05 × the lowest bitrate (kbit/s) up to 1.1 s,
    /// 0.1 × the top bitrate beyond; speed penalty the lowest bitrate × |1 − rate|.
    public static func lolp(video: Video) -> LiveQoE {
        let low = video.levels[0].bitsPerSecond / 1000, high = video.levels[video.levelCount - 1].bitsPerSecond / 1000
        return LiveQoE(
            bitrateReward: video.segmentSeconds, switchPenalty: 1, rebufferPenalty: high, latencyPenaltyLow: low * 0.05, latencyPenaltyHigh: high * 0.1,
            latencyThresholdSeconds: defaultLatencyThresholdSeconds, speedPenalty: low, penalisesSpeedDeviation: true)
    }

    /// The challenge's NQoE weights for `video`: latency penalty 0.005 per second up to 1.1 s,
    /// 0.01 beyond; speed penalty the lowest bitrate × rate.
    public static func nqoe(video: Video) -> LiveQoE {
        let low = video.levels[0].bitsPerSecond / 1000, high = video.levels[video.levelCount - 1].bitsPerSecond / 1000
        return LiveQoE(
            bitrateReward: video.segmentSeconds, switchPenalty: 1, rebufferPenalty: high, latencyPenaltyLow: 0.005, latencyPenaltyHigh: 0.01,
            latencyThresholdSeconds: defaultLatencyThresholdSeconds, speedPenalty: low, penalisesSpeedDeviation: false)
    }

    /// One segment's score.
    ///
    /// - Parameters:
    ///   - kbps: the segment's bitrate, kbit/s.
    ///   - previousKbps: the previous segment's, or `nil` for the first (no switch penalty).
    ///   - rebufferSeconds: stall while fetching it.
    ///   - latencySeconds: live latency when it arrived.
    ///   - playbackRate: playback rate when it arrived.
    public func score(kbps: Double, previousKbps: Double?, rebufferSeconds: Double, latencySeconds: Double, playbackRate: Double) -> Double {
        let latencyWeight = latencySeconds <= latencyThresholdSeconds ? latencyPenaltyLow : latencyPenaltyHigh
        let speed = penalisesSpeedDeviation ? abs(1 - playbackRate) : playbackRate
        return bitrateReward * kbps - switchPenalty * abs(kbps - (previousKbps ?? kbps)) - rebufferPenalty * rebufferSeconds
            - latencyWeight * latencySeconds - speedPenalty * speed
    }
}
