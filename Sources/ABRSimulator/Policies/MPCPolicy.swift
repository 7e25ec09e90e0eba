/// MPC and RobustMPC: plan the next segments' levels against a throughput prediction and take
/// the first step of the best plan.
///
/// Yin, Jindal, Sekar, Sinopoli, "A Control-Theoretic Approach for Dynamic Adaptive Video
/// Streaming over HTTP", SIGCOMM 2015, doi:10.1145/2785956.2787486. The prediction is the
/// harmonic mean of the last 5 downloads' throughput; RobustMPC divides it by 1 + the largest
/// relative error |predicted − actual| / actual of the last 5 predictions, as in the paper's
/// RobustMPC and Pensieve's `test/mpc.py`. The objective is the session's own QoE model
/// (`DecisionContext.qoe`), so MPC optimises what the report scores; `MPCPlanner` finds the
/// exact optimum over all plans. Before any download there is nothing to predict from, and the
/// lowest level is taken.
public struct MPCPolicy: ABRPolicy {
    /// 5 segments: the look-ahead of the paper and of Pensieve's `mpc.py` (`MPC_FUTURE_CHUNK_COUNT`).
    public static let defaultHorizon = 5
    /// 5 samples: the paper's and `mpc.py`'s window for both throughput and prediction errors.
    public static let defaultWindow = 5

    public let horizon: Int
    public let robust: Bool
    public var name: String { robust ? "robustmpc" : "mpc" }
    private var estimator: SlidingWindowEstimator
    private var errors: [Double] = []
    private let errorWindow: Int
    /// The (non-robust) prediction made for the download in flight, to score once it completes.
    private var pendingPrediction: Double?

    public init(horizon: Int = defaultHorizon, robust: Bool = false, window: Int = defaultWindow) {
        precondition(horizon > 0, "the horizon must be at least one segment")
        self.horizon = horizon
        self.robust = robust
        self.estimator = SlidingWindowEstimator(window: window, mean: .harmonic)
        self.errorWindow = window
    }

    /// The largest relative prediction error among the last `window` predictions (0 before any).
    public var maxRecentError: Double { errors.max() ?? 0 }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        guard let harmonic = estimator.bitsPerSecond else {
            pendingPrediction = nil
            return Decision(level: 0, reason: DecisionReason(robust ? "robustmpc.no_estimate" : "mpc.no_estimate"))
        }
        pendingPrediction = harmonic
        let rate = robust ? harmonic / (1 + maxRecentError) : harmonic
        let planner = MPCPlanner(
            video: context.video, qoe: context.qoe, maxBufferSeconds: context.maxBufferSeconds,
            startupThresholdSeconds: context.startupThresholdSeconds)
        let previous = context.lastLevel.map { context.qoe.utility(segment: context.segmentIndex - 1, level: $0, video: context.video) }
        let state = MPCPlanner.State(bufferSeconds: context.bufferSeconds, isPlaying: !context.isStartup, previousUtility: previous)
        let plan = planner.bestPlan(from: state, first: context.segmentIndex, horizon: horizon, bitsPerSecond: rate)
        let reason = robust ? DecisionReason("robustmpc.plan", "robust_kbps", rate / 1000) : DecisionReason("mpc.plan", "predicted_kbps", rate / 1000)
        return Decision(level: plan.levels[0], reason: reason)
    }

    public mutating func didDownload(_ record: DownloadRecord, context: DecisionContext) {
        guard !record.abandoned else { return }
        let actual = record.throughputBitsPerSecond
        guard actual.isFinite, actual > 0 else { return }
        if let predicted = pendingPrediction {
            if errors.count == errorWindow { errors.removeFirst() }
            errors.append(abs(predicted - actual) / actual)
            pendingPrediction = nil
        }
        estimator.observe(bitsPerSecond: actual)
    }
}
