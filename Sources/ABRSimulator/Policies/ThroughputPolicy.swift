/// Rate-based ABR: the highest level whose nominal bitrate fits under a safe share of the
/// harmonic mean of the last downloads' throughput.
///
/// The classic rule of dash.js `ThroughputRule.js` and of the "RB" baseline in Yin et al.,
/// "A Control-Theoretic Approach for Dynamic Adaptive Video Streaming over HTTP", SIGCOMM 2015,
/// doi:10.1145/2785956.2787486. Before the first download it takes the lowest level.
public struct ThroughputPolicy: ABRPolicy {
    /// 0.9: dash.js `BANDWIDTH_SAFETY_FACTOR` (`AbrController`/`ThroughputRule`).
    public static let defaultSafetyFactor = 0.9

    public var name: String { "throughput" }
    public let safetyFactor: Double
    private var estimator: SlidingWindowEstimator

    public init(safetyFactor: Double = defaultSafetyFactor, window: Int = SlidingWindowEstimator.defaultWindow) {
        precondition(safetyFactor > 0, "safety factor must be positive")
        self.safetyFactor = safetyFactor
        self.estimator = SlidingWindowEstimator(window: window, mean: .harmonic)
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        guard let estimate = estimator.bitsPerSecond else {
            return Decision(level: 0, reason: DecisionReason("throughput.no_estimate"))
        }
        let budget = estimate * safetyFactor
        let level = context.video.levels.lastIndex { $0.bitsPerSecond <= budget } ?? 0
        return Decision(level: level, reason: DecisionReason("throughput.estimate", "safe_kbps", budget / 1000))
    }

    public mutating func didDownload(_ record: DownloadRecord, context: DecisionContext) {
        guard !record.abandoned else { return }
        estimator.observe(bitsPerSecond: record.throughputBitsPerSecond)
    }
}
