import RealModule

/// dash.js's live catch-up: the playback rate that steers the latency towards its target.
///
/// Reproduces `CatchupController` of dash.js (Dash-Industry-Forum/dash.js, commit ccf3b95,
/// `src/streaming/controllers/CatchupController.js`) for one evaluation:
/// - **default** (`_calculateNewPlaybackRateDefault`): with Δ = latency − target and
///   cpr = |min offset| when Δ < 0, else the max offset, rate = (1 − cpr) + 2·cpr ÷ (1 + e^(−5Δ)).
///   After the buffer ran empty the rate is 1 until the buffer exceeds target ÷ 2
///   (`_onBufferLevelStateChanged`, `_onBufferLevelUpdated`), and while stalled with a buffer ≤
///   target ÷ 2 it does not speed up.
/// - **lolp** (`_calculateNewPlaybackRateLolP`): below `playbackBufferMin` the same sigmoid of
///   buffer − playbackBufferMin with cpr = |min offset| (slow down); else rate 1 within 2 % of
///   the target, else the latency sigmoid.
/// - **off**: rate 1.
///
/// A new rate is applied only when it differs from the current one by at least
/// 0.02 × (max offset ÷ 0.5) (`minPlaybackRateChange`, "0.02 for rate 0.5"), or is exactly 1.
/// The seek to live (`maxDrift`) is the session's, since it moves the playhead.
public struct CatchupController: Hashable, Sendable {
    /// 5: the sigmoid's gain, `const d = deltaLatency * 5` in both dash.js rate functions.
    public static let sigmoidGain = 5.0
    /// 0.02: dash.js's minimum rate change for a max offset of 0.5; it scales linearly with the
    /// max offset (`0.02 / (0.5 / liveCatchupPlaybackRates.max)`).
    public static let minimumRateChangeAtHalf = 0.02
    /// 0.02: LoL+ holds rate 1 while |latency − target| ≤ 2 % of the target (`minDifference`).
    public static let lolpTargetTolerance = 0.02

    public let mode: LiveConfiguration.CatchupMode
    /// The target latency (dash.js's live delay), in seconds.
    public let targetLatencySeconds: Double
    /// Lowest and highest playback rates (1 + dash.js's offsets).
    public let minRate: Double, maxRate: Double
    /// LoL+'s `playbackBufferMin`, in seconds.
    public let playbackBufferMinSeconds: Double
    /// The rate in force (1 = real time).
    public private(set) var rate = 1.0
    /// dash.js's `playbackStalled`: set when the buffer ran empty, cleared once it exceeds target ÷ 2.
    public private(set) var isRecoveringFromStall = false

    /// - Parameters:
    ///   - configuration: the live settings (mode, rates, LoL+ minimum buffer).
    ///   - targetLatencySeconds: the latency to steer towards, in seconds.
    public init(configuration: LiveConfiguration, targetLatencySeconds: Double) {
        mode = configuration.catchup
        self.targetLatencySeconds = targetLatencySeconds
        minRate = configuration.minPlaybackRate
        maxRate = configuration.maxPlaybackRate
        playbackBufferMinSeconds = configuration.playbackBufferMinSeconds
    }

    /// The smallest rate change applied (other than a return to 1).
    public var minimumRateChange: Double { Self.minimumRateChangeAtHalf * (maxRate - 1) / 0.5 }

    /// dash.js's sigmoid: (1 − cpr) + 2·cpr ÷ (1 + e^(−5·delta)), cpr chosen by the sign of `delta`.
    ///
    /// - Parameter delta: latency − target (or buffer − minimum), in seconds.
    /// - Returns: a rate in (1 − |min offset|, 1 + max offset).
    public func sigmoidRate(delta: Double) -> Double {
        let cpr = delta < 0 ? 1 - minRate : maxRate - 1
        return (1 - cpr) + cpr * 2 / (1 + Double.exp(-delta * Self.sigmoidGain))
    }

    /// Records that the buffer ran empty (dash.js `BUFFER_EMPTY`).
    public mutating func bufferDidEmpty() { isRecoveringFromStall = true }

    /// Re-evaluates the rate, as dash.js does on each playback-progress event.
    ///
    /// - Parameters:
    ///   - latencySeconds: the live latency now.
    ///   - bufferSeconds: the buffer now.
    ///   - isStalled: true while playback waits for data.
    /// - Returns: the rate in force after the evaluation.
    @discardableResult
    public mutating func evaluate(latencySeconds: Double, bufferSeconds: Double, isStalled: Bool) -> Double {
        if isRecoveringFromStall, bufferSeconds > targetLatencySeconds / 2 { isRecoveringFromStall = false }
        let delta = latencySeconds - targetLatencySeconds
        let proposed: Double
        switch mode {
        case .off:
            proposed = 1
        case .default:
            if isRecoveringFromStall || (isStalled && bufferSeconds <= targetLatencySeconds / 2 && delta > 0) {
                proposed = 1
            } else {
                proposed = sigmoidRate(delta: delta)
            }
        case .lolp:
            if bufferSeconds < playbackBufferMinSeconds {
                proposed = sigmoidRate(delta: min(0, bufferSeconds - playbackBufferMinSeconds))
            } else if abs(delta) <= Self.lolpTargetTolerance * targetLatencySeconds {
                proposed = 1
            } else {
                proposed = sigmoidRate(delta: delta)
            }
        }
        if proposed == 1 || abs(rate - proposed) >= minimumRateChange {
            rate = min(maxRate, max(minRate, proposed))
        }
        return rate
    }
}
