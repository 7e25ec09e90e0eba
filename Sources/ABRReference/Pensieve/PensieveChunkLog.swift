import ABRSimulator

/// One line of the scripts' log (`log_sim_bb_*`, `log_sim_mpc_*`): a downloaded chunk.
///
/// The scripts write `time_stamp bit_rate buffer_size rebuffer_time chunk_size download_time
/// reward`; the fields below carry the same values at full precision, plus the level index and
/// the reported sleep.
public struct PensieveChunkLog: Hashable, Sendable {
    /// Time at the end of this chunk's download and sleep, in ms from the session start. The
    /// scripts never reset their `time_stamp` between traces; this one starts at 0 each session.
    public var timeMs: Double
    /// Level index of the chunk.
    public var level: Int
    /// The level's nominal bitrate, kbit/s (1000 bit/s).
    public var bitrateKbps: Double
    /// Buffer after the download and any sleep, seconds.
    public var bufferSeconds: Double
    /// Stall caused by this download, seconds.
    public var rebufferSeconds: Double
    /// Size of the chunk, bytes.
    public var chunkBytes: Int
    /// Download time including the RTT, ms.
    public var delayMs: Double
    /// The sleep after the download as fixed_env.py reports it, ms (see `PensieveLink`).
    public var sleepMs: Double
    /// The chunk's QoE reward.
    public var reward: Double
    /// Why this chunk's level was chosen (`pensieve.first` for the first chunk).
    public var reason: DecisionReason

    public init(
        timeMs: Double, level: Int, bitrateKbps: Double, bufferSeconds: Double, rebufferSeconds: Double,
        chunkBytes: Int, delayMs: Double, sleepMs: Double, reward: Double, reason: DecisionReason
    ) {
        self.timeMs = timeMs
        self.level = level
        self.bitrateKbps = bitrateKbps
        self.bufferSeconds = bufferSeconds
        self.rebufferSeconds = rebufferSeconds
        self.chunkBytes = chunkBytes
        self.delayMs = delayMs
        self.sleepMs = sleepMs
        self.reward = reward
        self.reason = reason
    }
}
