import ABRSimulator

/// BBA as Pensieve's `test/bb.py` implements it (commit 1120bb1): a linear map from the buffer to
/// a level index.
///
/// Huang et al., "A Buffer-Based Approach to Rate Adaptation", SIGCOMM 2014,
/// doi:10.1145/2619239.2626296, map the buffer to a *bitrate* between the reservoir and the
/// cushion; bb.py maps it to a level *index* instead: below the reservoir level 0, from
/// reservoir + cushion on the top level, in between `int((L − 1)·(buffer − reservoir)/cushion)`,
/// truncated. With 6 levels, reservoir 5 s and cushion 10 s, level `k` starts at `5 + 2k` s.
struct PensieveBufferBased: Hashable, Sendable {
    var reservoirSeconds: Double
    var cushionSeconds: Double
    var levelCount: Int

    init(
        reservoirSeconds: Double = PensieveConfiguration.defaultReservoirSeconds,
        cushionSeconds: Double = PensieveConfiguration.defaultCushionSeconds,
        levelCount: Int
    ) {
        self.reservoirSeconds = reservoirSeconds
        self.cushionSeconds = cushionSeconds
        self.levelCount = levelCount
    }

    /// The level for the next chunk given the buffer after the last download, with the zone of
    /// the map that chose it (`bb.reservoir`, `bb.cushion`, `bb.upper`) and the buffer.
    func decision(bufferSeconds: Double) -> Decision {
        if bufferSeconds < reservoirSeconds {
            return Decision(level: 0, reason: DecisionReason("bb.reservoir", "buffer_s", bufferSeconds))
        }
        if bufferSeconds >= reservoirSeconds + cushionSeconds {
            return Decision(level: levelCount - 1, reason: DecisionReason("bb.upper", "buffer_s", bufferSeconds))
        }
        let level = Int(Double(levelCount - 1) * (bufferSeconds - reservoirSeconds) / cushionSeconds)
        return Decision(level: level, reason: DecisionReason("bb.cushion", "buffer_s", bufferSeconds))
    }

    /// The level alone.
    func level(bufferSeconds: Double) -> Int { decision(bufferSeconds: bufferSeconds).level }
}
