import ABRSimulator

/// RobustMPC as Pensieve's `test/mpc.py` implements it (commit 1120bb1).
///
/// Yin, Jindal, Sekar, Sinopoli, "A Control-Theoretic Approach for Dynamic Adaptive Video
/// Streaming over HTTP", SIGCOMM 2015, doi:10.1145/2785956.2787486. After each download mpc.py:
///
/// 1. measures the throughput `bytes / delay_ms / 1000` (MB/s, 1 MB = 10^6 bytes; the delay
///    includes the 80 ms RTT);
/// 2. records the relative error of its previous estimate, `|estimate − measured| / measured`
///    (0 before the first estimate);
/// 3. estimates the harmonic mean of the last 5 throughputs, divided by 1 + the largest of the
///    last 5 errors (the current one included);
/// 4. plans the next 5 chunks (fewer near the end: `min(5, 48 − chunks done)`) with
///    `PensieveHorizonSearch` and takes the plan's first level. The plan predicts each download
///    as `bytes / 10^6 / prediction` seconds, with no RTT, and lets its buffer grow past the
///    60 s threshold, unlike the simulator it plans for.
///
/// Quirks kept: the plan looks up chunk sizes one chunk *ahead* (the next download is chunk `c`,
/// but mpc.py's `index = last_index + position + 1` starts at `c + 1`), and a chunk past the
/// video's table counts as 0 bytes (`get_chunk_size` returns 0 for `index > 48`). mpc.py's
/// hard-coded size tables equal the `video_size_N` files, so the sizes come from the `Video`.
///
/// One deliberate difference: mpc.py keeps its error and estimate history in module globals, so
/// a trace's first decisions depend on the trace listed before it. Here each session starts
/// with an empty history, as if those globals were cleared at the start of every trace.
struct PensieveRobustMPC: Sendable {
    let configuration: PensieveConfiguration
    private let search: PensieveHorizonSearch
    /// Measured throughputs, MB/s, oldest first (at most `throughputWindow`).
    private var throughputs: [Double] = []
    /// `past_errors`, oldest first (at most `errorWindow` kept; older ones never matter).
    private var errors: [Double] = []
    /// `past_bandwidth_ests[-1]`: the last harmonic-mean estimate, MB/s.
    private var lastEstimate: Double?
    /// `send_data`: the last decision, kept when no plan reaches mpc.py's reward floor (at the
    /// very first decision mpc.py would then fail on an unset variable; this sends level 0).
    private var lastDecision = 0
    /// The throughput the last decision planned with, MB/s.
    private(set) var plannedMBps = 0.0
    /// Plan-tree nodes visited so far, for benchmarks (the full tree has 9,331 for 6 levels).
    private(set) var searchNodes = 0

    /// - Parameters:
    ///   - configuration: horizon, windows, chunk count and duration.
    ///   - qoe: the objective (`configuration.resolvedQoE(for:)`).
    init(configuration: PensieveConfiguration, qoe: PensieveQoE) {
        self.configuration = configuration
        self.search = PensieveHorizonSearch(
            qoe: qoe, chunkSeconds: configuration.chunkMs / 1000, maxHorizon: configuration.horizon)
    }

    /// Records a finished download and returns the level of the next chunk, with the predicted
    /// throughput (MB/s) as its reason (`robustmpc.plan`, or `robustmpc.floor` when no plan
    /// reached the reward floor and the previous decision stands).
    ///
    /// - Parameters:
    ///   - chunkBytes: size of the chunk just downloaded (must be > 0: mpc.py divides by it).
    ///   - delayMs: its download time including the RTT.
    ///   - bufferSeconds: the buffer after it.
    ///   - level: its level.
    ///   - chunksDone: chunks downloaded so far in this session, this one included.
    ///   - video: the video, for the planned chunks' sizes.
    mutating func next(
        chunkBytes: Int, delayMs: Double, bufferSeconds: Double, level: Int, chunksDone: Int, video: Video
    ) -> Decision {
        let measured = Double(chunkBytes) / delayMs / 1000
        var error = 0.0
        if let estimate = lastEstimate {
            let difference = estimate - measured
            error = (difference < 0 ? -difference : difference) / measured
        }
        append(error, to: &errors, keeping: configuration.errorWindow)
        append(measured, to: &throughputs, keeping: configuration.throughputWindow)

        var inverseSum = 0.0
        for throughput in throughputs { inverseSum += 1 / throughput }
        let harmonic = 1.0 / (inverseSum / Double(throughputs.count))
        var maxError = errors[0]
        for e in errors { maxError = max(maxError, e) }
        let predicted = harmonic / (1 + maxError)
        lastEstimate = harmonic
        plannedMBps = predicted

        let horizon = min(configuration.horizon, configuration.chunkCount - chunksDone)
        let levels = video.levelCount
        var downloadSeconds = [Double](repeating: 0, count: max(horizon, 0) * levels)
        for step in 0..<max(horizon, 0) {
            let index = chunksDone + step + 1
            for l in 0..<levels {
                let bytes = index < video.segmentCount ? video.segmentBytes[index][l] : 0
                downloadSeconds[step * levels + l] = (Double(bytes) / 1_000_000) / predicted
            }
        }
        if let plan = search.best(
            downloadSeconds: downloadSeconds, horizon: max(horizon, 0), startBufferSeconds: bufferSeconds, lastLevel: level)
        {
            lastDecision = plan.levels.first ?? 0
            searchNodes += plan.nodes
            return Decision(level: lastDecision, reason: DecisionReason("robustmpc.plan", "predicted_MBps", predicted))
        }
        return Decision(level: lastDecision, reason: DecisionReason("robustmpc.floor", "predicted_MBps", predicted))
    }

    private func append(_ value: Double, to window: inout [Double], keeping count: Int) {
        if window.count == count { window.removeFirst() }
        window.append(value)
    }
}
