/// A session's totals, computed from its chunk logs.
public struct PensieveSummary: Hashable, Sendable {
    /// Chunks downloaded.
    public var chunkCount: Int
    /// Sum of every chunk's reward.
    public var totalReward: Double
    /// Sum of the rewards of chunks 2...48: what Pensieve's `test/plot_results.py` reports
    /// (`np.sum(raw_reward_all[scheme][l][1:VIDEO_LEN])`), leaving out the first chunk, whose level
    /// no policy chose.
    public var publishedReward: Double
    /// Mean nominal bitrate of the chunks, kbit/s.
    public var meanBitrateKbps: Double
    /// Total stall, seconds (the first chunk's download included, as fixed_env.py counts it).
    public var rebufferSeconds: Double
    /// Number of chunks whose level differs from the previous chunk's.
    public var switches: Int
    /// Session time at the last chunk, ms.
    public var endTimeMs: Double

    /// Totals of `logs`, in chunk order.
    public init(_ logs: [PensieveChunkLog]) {
        chunkCount = logs.count
        totalReward = 0
        publishedReward = 0
        rebufferSeconds = 0
        switches = 0
        var bitrateSum = 0.0
        for (i, log) in logs.enumerated() {
            totalReward += log.reward
            if i > 0 {
                publishedReward += log.reward
                if log.level != logs[i - 1].level { switches += 1 }
            }
            rebufferSeconds += log.rebufferSeconds
            bitrateSum += log.bitrateKbps
        }
        meanBitrateKbps = logs.isEmpty ? 0 : bitrateSum / Double(logs.count)
        endTimeMs = logs.last?.timeMs ?? 0
    }
}
