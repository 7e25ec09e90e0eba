import ABRSimulator

/// The `pensieve` reference model: one session of Pensieve's `test/fixed_env.py` with the policy
/// of `test/bb.py` or `test/mpc.py` (github.com/hongzimao/pensieve, commit 1120bb1).
///
/// A session downloads `chunkCount` chunks (48). The first is fetched at `firstLevel` (1) before
/// any decision; after every download the policy picks the next level from what that download
/// returned, as the scripts' `while True` loop does. Each chunk's log line carries the same
/// values as the scripts' logs, bit for bit, except that time starts at 0 for every session. The
/// quirks are documented where they are implemented: `PensieveLink` (trace pointer, wrap, RTT,
/// payload, first-chunk rebuffer, sleeps), `PensieveBufferBased`, `PensieveRobustMPC` and
/// `PensieveHorizonSearch` (history isolation, look-ahead offset, tie-breaking).
///
/// Differences from running the scripts, none of which changes a chunk's level or reward: each
/// session is independent (mpc.py's error history is reset per trace, see `PensieveRobustMPC`),
/// time starts at 0 per session (the scripts never reset `time_stamp`), the decision after the
/// last chunk is skipped (the scripts make it and discard it), and nothing is simulated twice
/// (bb.py plays its first trace again at the end, rewriting an identical log). At commit 1120bb1
/// mpc.py also unpacks 7 of the 8 values fixed_env.py returns and stops at once; the reference
/// logs were taken with that line fixed.
public enum PensieveModel {
    /// A session's chunk logs and totals.
    public struct Result: Hashable, Sendable {
        public var chunks: [PensieveChunkLog]
        public var summary: PensieveSummary
        /// RobustMPC's plan-tree nodes visited over the session (0 under bb), for benchmarks.
        public var searchNodes: Int
    }

    /// Plays `video` over `trace` under `policy`.
    ///
    /// - Parameters:
    ///   - trace: the cooked trace; the session starts at its line 1.
    ///   - video: the ladder and per-chunk sizes (Pensieve's: 6 levels, 49 chunks listed, 48 played).
    ///   - policy: `bb` or `robustmpc`.
    ///   - configuration: the constants; Pensieve's by default.
    /// - Throws: `ModelError(.invalidConfiguration)` for a configuration the video cannot satisfy,
    ///   or a zero-byte chunk under RobustMPC (mpc.py divides by the measured throughput).
    /// - Complexity: O(chunks × (trace lines crossed + plan search)).
    public static func run(
        trace: PensieveTrace, video: Video, policy: PensievePolicyKind,
        configuration: PensieveConfiguration = PensieveConfiguration()
    ) throws(ModelError) -> Result {
        try configuration.validate(for: video)
        let chunkCount = configuration.chunkCount
        if policy == .robustmpc {
            for chunk in 0..<chunkCount where video.segmentBytes[chunk].contains(0) {
                throw ModelError(.invalidConfiguration, "chunk \(chunk) has a 0-byte level; RobustMPC divides by the measured throughput")
            }
        }
        let qoe = configuration.resolvedQoE(for: video)
        var link = PensieveLink(trace: trace, configuration: configuration)
        let bufferBased = PensieveBufferBased(
            reservoirSeconds: configuration.reservoirSeconds, cushionSeconds: configuration.cushionSeconds,
            levelCount: video.levelCount)
        var mpc = PensieveRobustMPC(configuration: configuration, qoe: qoe)

        var chunks: [PensieveChunkLog] = []
        chunks.reserveCapacity(chunkCount)
        var timeMs = 0.0
        var level = configuration.firstLevel
        var previous = configuration.firstLevel
        var reason = DecisionReason("pensieve.first", "level", Double(configuration.firstLevel))
        for chunk in 0..<chunkCount {
            let bytes = video.segmentBytes[chunk][level]
            let step = link.download(bytes: bytes)
            timeMs += step.delayMs
            timeMs += step.sleepMs
            chunks.append(
                PensieveChunkLog(
                    timeMs: timeMs, level: level, bitrateKbps: video.levels[level].kbps,
                    bufferSeconds: step.bufferSeconds, rebufferSeconds: step.rebufferSeconds, chunkBytes: bytes,
                    delayMs: step.delayMs, sleepMs: step.sleepMs,
                    reward: qoe.reward(level: level, previous: previous, rebufferSeconds: step.rebufferSeconds),
                    reason: reason))
            previous = level
            // The scripts also decide after the last chunk, then discard the decision; skip it.
            guard chunk + 1 < chunkCount else { break }
            let decision: Decision
            switch policy {
            case .bb:
                decision = bufferBased.decision(bufferSeconds: step.bufferSeconds)
            case .robustmpc:
                decision = mpc.next(
                    chunkBytes: bytes, delayMs: step.delayMs, bufferSeconds: step.bufferSeconds, level: level,
                    chunksDone: chunk + 1, video: video)
            }
            level = decision.level
            reason = decision.reason
        }
        return Result(chunks: chunks, summary: PensieveSummary(chunks), searchNodes: mpc.searchNodes)
    }
}
