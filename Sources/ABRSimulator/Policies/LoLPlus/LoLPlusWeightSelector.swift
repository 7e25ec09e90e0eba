/// LoL+'s dynamic weight selector: the weight vector of the learning controller's distance, chosen
/// for the best one-segment QoE under a buffer constraint.
///
/// dash.js `src/streaming/rules/abr/lolp/LoLpWeightSelector.js` (v5.1.1, commit af3cef0). The
/// options are every vector of 4 weights (throughput, latency, buffer, switch) drawn from
/// {0.2, 0.4, 0.6, 0.8, 1}: 5⁴ = 625, in lexicographic order (`_getPermutations`). For each level
/// and each option, the download time is t = R·d / C (R and C in bit/s), the next buffer
/// B′ = B − d if t > d else B + d − t, the rebuffer max(10⁻⁵, t − B′); the option's QoE is the
/// evaluator's single-segment score of R (in bit/s, as dash.js passes it) with rebuffer ÷ w_buffer
/// and the level's learnt latency ÷ w_latency. The first option with the highest QoE whose
/// constraints hold wins: B′ ≥ `bufferMin` and latency ≤ `targetLatency` + |latency − previous|.
/// dash.js makes a new selector for each decision, so the previous latency is always 0 and the
/// latency constraint never binds; `LoLPlusPolicy` does the same.
public struct LoLPlusWeightSelector: Hashable, Sendable {
    /// {0.2, 0.4, 0.6, 0.8, 1}: dash.js `valueList`.
    public static let weightValues = [0.2, 0.4, 0.6, 0.8, 1]
    /// 4 weights (throughput, latency, buffer, switch): dash.js `weightTypeCount`.
    public static let weightCount = 4
    /// 1.5 s: dash.js `LoLpRule.js` `DWS_TARGET_LATENCY`.
    public static let defaultTargetLatencySeconds = 1.5
    /// 0.3 s: dash.js `LoLpRule.js` `DWS_BUFFER_MIN`.
    public static let defaultBufferMinSeconds = 0.3
    /// 10⁻⁵ s: dash.js's floor of the projected rebuffer in `findWeightVector`.
    static let minimumRebufferSeconds = 0.00001

    /// Every weight option, in dash.js's order (the first value varies slowest).
    public static let weightOptions: [[Double]] = {
        var options: [[Double]] = weightValues.map { [$0] }
        for _ in 1..<weightCount {
            options = options.flatMap { prefix in weightValues.map { prefix + [$0] } }
        }
        return options
    }()

    /// The latency the selector allows, in seconds.
    public let targetLatencySeconds: Double
    /// The least buffer a choice may leave, in seconds.
    public let bufferMinSeconds: Double
    /// The segment duration, in seconds.
    public let segmentSeconds: Double
    /// The latency at the previous call (dash.js `previousLatency`).
    public private(set) var previousLatencySeconds = 0.0

    /// - Parameters:
    ///   - segmentSeconds: the segment duration, in seconds.
    ///   - targetLatencySeconds: the latency constraint's target.
    ///   - bufferMinSeconds: the least buffer a choice may leave.
    public init(
        segmentSeconds: Double, targetLatencySeconds: Double = defaultTargetLatencySeconds, bufferMinSeconds: Double = defaultBufferMinSeconds
    ) {
        self.segmentSeconds = segmentSeconds
        self.targetLatencySeconds = targetLatencySeconds
        self.bufferMinSeconds = bufferMinSeconds
    }

    /// The buffer after downloading a segment that takes `downloadSeconds` (dash.js `getNextBuffer`).
    ///
    /// - Parameters:
    ///   - bufferSeconds: the buffer now.
    ///   - downloadSeconds: the download time.
    public func nextBuffer(_ bufferSeconds: Double, downloadSeconds: Double) -> Double {
        downloadSeconds > segmentSeconds ? bufferSeconds - segmentSeconds : bufferSeconds + segmentSeconds - downloadSeconds
    }

    /// The buffer after downloading a segment at `bitsPerSecond` over `throughputBitsPerSecond`
    /// (dash.js `getNextBufferWithBitrate`).
    ///
    /// - Parameters:
    ///   - bitsPerSecond: the level's bitrate.
    ///   - bufferSeconds: the buffer now.
    ///   - throughputBitsPerSecond: the throughput estimate.
    public func nextBuffer(bitsPerSecond: Double, bufferSeconds: Double, throughputBitsPerSecond: Double) -> Double {
        nextBuffer(bufferSeconds, downloadSeconds: bitsPerSecond * segmentSeconds / throughputBitsPerSecond)
    }

    /// The weight vector of the best option (dash.js `findWeightVector`), or `nil` when no option
    /// meets the constraints (dash.js's −1).
    ///
    /// - Parameters:
    ///   - levels: each level's bitrate (bit/s) and learnt latency (its neuron's latency state).
    ///   - latencySeconds: the live latency now.
    ///   - bufferSeconds: the buffer now.
    ///   - throughputBitsPerSecond: the throughput estimate.
    ///   - playbackRate: the playback speed now.
    ///   - evaluator: the QoE evaluator set up for this segment.
    public mutating func findWeights(
        levels: [(bitsPerSecond: Double, latency: Double)], latencySeconds: Double, bufferSeconds: Double, throughputBitsPerSecond: Double,
        playbackRate: Double, evaluator: LoLPlusQoEEvaluator
    ) -> [Double]? {
        var maxQoE: Double?
        var winner: [Double]?
        let deltaLatency = abs(latencySeconds - previousLatencySeconds)
        let values = Self.weightValues
        let n = values.count
        for level in levels {
            let downloadTime = level.bitsPerSecond * segmentSeconds / throughputBitsPerSecond
            let next = nextBuffer(bufferSeconds, downloadSeconds: downloadTime)
            let rebuffer = max(Self.minimumRebufferSeconds, downloadTime - next)
            guard satisfiesConstraints(latencySeconds: latencySeconds, nextBufferSeconds: next, deltaLatencySeconds: deltaLatency) else { continue }
            // The QoE depends on an option only through its latency and buffer weights. Of dash.js's 625 options in
            // order (the first weight slowest), the first to reach this level's best is (first, l, b, first) for the
            // first (l, b) reaching it; it replaces the winner only if strictly better, as there.
            var best: (qoe: Double, latency: Int, buffer: Int)?
            for l in 0..<n {
                for b in 0..<n {
                    let bufferWeight = values[b] == 0 ? 10 : 1 / values[b]
                    let latencyWeight = values[l] == 0 ? 10 : 1 / values[l]
                    let qoe = evaluator.singleUseQoE(
                        bitrate: level.bitsPerSecond, rebufferSeconds: bufferWeight * rebuffer, latencySeconds: latencyWeight * level.latency,
                        playbackRate: playbackRate)
                    if best.map({ qoe > $0.qoe }) ?? true { best = (qoe, l, b) }
                }
            }
            if let best, maxQoE.map({ best.qoe > $0 }) ?? true {
                maxQoE = best.qoe
                winner = [values[0], values[best.latency], values[best.buffer], values[0]]
            }
        }
        previousLatencySeconds = latencySeconds
        return winner
    }

    /// dash.js `_checkConstraints`: latency within target + its change, and the buffer above the floor.
    private func satisfiesConstraints(latencySeconds: Double, nextBufferSeconds: Double, deltaLatencySeconds: Double) -> Bool {
        if latencySeconds > targetLatencySeconds + deltaLatencySeconds { return false }
        return nextBufferSeconds >= bufferMinSeconds
    }
}
