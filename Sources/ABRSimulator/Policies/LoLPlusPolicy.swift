/// LoL+ (Low-on-Latency plus): a self-organising map over the levels whose distance weights a
/// QoE-driven selector picks for each segment, for low-latency live streaming.
///
/// Bentaleb, Akcay, Lim, Begen, Zimmermann, "Catching the Moment with LoL+ in Twitch-Like
/// Low-Latency Live Streaming Platforms", IEEE Trans. Multimedia, 2021,
/// doi:10.1109/TMM.2021.3079288. Reproduced from dash.js `src/streaming/rules/abr/lolp/LoLpRule.js`
/// (v5.1.1, commit af3cef0): each decision takes the safe average throughput (the EWMA × 0.9,
/// `DashThroughputModel`; no sample yet: keep the level), logs the last segment in a fresh QoE
/// evaluator (`LoLPlusQoEEvaluator`: its bitrate in kbit/s, its rebuffering, the latency and the
/// playback rate), makes a new weight selector (`LoLPlusWeightSelector`: target latency 1.5 s,
/// buffer floor 0.3 s) and asks the learning controller (`LoLPlusLearningController`) for the level,
/// with the throughput in bit/s.
///
/// Without a live context (video on demand) the latency is 0 (dash.js's own fallback for a missing
/// latency), the playback rate 1, and the last segment's rebuffering dash.js's estimate from the
/// request: its time to first byte beyond one segment duration. dash.js initialises the map's
/// first weights with `Math.random()`; here a `SplitMix64` seeded with `seed` draws them.
public struct LoLPlusPolicy: ABRPolicy {
    /// The seed of the initial weights' draws: "LoLP" in ASCII.
    public static let defaultSeed: UInt64 = 0x4C6F_4C50

    public var name: String { "lolp" }
    /// The seed of the learning controller's k-means++ draws.
    public let seed: UInt64
    /// The last segment's score by the QoE evaluator (dash.js `getPerSegmentQoe().totalQoe`);
    /// `nil` before the first estimate.
    public private(set) var lastSegmentQoE: Double?
    /// The learning controller, made at the first decision that has an estimate.
    public private(set) var controller: LoLPlusLearningController?
    private var throughput = DashThroughputModel()
    /// dash.js `rulesContext.getRepresentation()`: the level being played.
    private var currentLevel: Int?

    /// - Parameter seed: the seed of the initial weights' draws.
    public init(seed: UInt64 = defaultSeed) {
        self.seed = seed
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        throughput.update(from: context)
        if let last = context.lastLevel { currentLevel = last }
        guard let safeKbps = throughput.safeAverageKbps else {
            return Decision(level: currentLevel ?? 0, reason: DecisionReason("lolp.no_estimate"))
        }
        let video = context.video
        let current = currentLevel ?? 0
        let live = context.live
        let latency = live.map { $0.latencySeconds.isNaN ? 0 : $0.latencySeconds } ?? 0
        let rate = live?.playbackRate ?? 1
        var evaluator = LoLPlusQoEEvaluator(
            segmentSeconds: video.segmentSeconds, maxKbps: video.levels[video.levelCount - 1].kbps, minKbps: video.levels[0].kbps)
        evaluator.log(bitrate: video.levels[current].kbps, rebufferSeconds: lastSegmentRebuffer(context), latencySeconds: latency, playbackRate: rate)
        lastSegmentQoE = evaluator.totalQoE
        var selector = LoLPlusWeightSelector(segmentSeconds: video.segmentSeconds)
        if controller == nil {
            var rng = SplitMix64(seed: seed)
            controller = LoLPlusLearningController(bitrates: video.levels.map(\.bitsPerSecond), rng: &rng)
        }
        let (level, downshift) = controller!.nextLevel(
            throughputBitsPerSecond: safeKbps * 1000, latencySeconds: latency, bufferSeconds: context.bufferSeconds, playbackRate: rate,
            currentLevel: current, selector: &selector, evaluator: evaluator)
        currentLevel = level
        if downshift {
            return Decision(level: level, reason: DecisionReason("lolp.downshift", "buffer_s", context.bufferSeconds))
        }
        return Decision(level: level, reason: DecisionReason("lolp.som", "safe_kbps", safeKbps))
    }

    /// The last segment's rebuffering: the live engine's measure, else dash.js's estimate
    /// (`LoLpRule`: request to first byte, beyond one segment duration).
    private func lastSegmentRebuffer(_ context: DecisionContext) -> Double {
        if let live = context.live { return live.lastSegmentRebufferSeconds }
        guard let record = context.history.last(where: { !$0.abandoned }) else { return 0 }
        let d = context.video.segmentSeconds
        return record.latencySeconds > d ? record.latencySeconds - d : 0
    }
}
