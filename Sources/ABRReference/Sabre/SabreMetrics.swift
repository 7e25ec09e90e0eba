/// Everything sabre.py prints at the end of a session, in its order and units.
///
/// sabre.py computes in ms, kbit/s and segments ("chunks"); it prints times in seconds.
/// "Time average" values are per segment duration of play time (`to_time_average =
/// segment duration / total play time`); play time includes startup and stalls.
public struct SabreMetrics: Hashable, Sendable {
    /// The BOLA buffer size BOLA-E prints on construction (`print(buffer)`), in ms: the first
    /// line of output for `bolae` and `dynamicdash`; `nil` for the other policies.
    public var bolaBufferMs: Double?
    /// `buffer size`, ms.
    public var bufferSizeMs: Double
    public var totalPlayedUtility: Double
    public var timeAveragePlayedUtility: Double
    /// Sum of the nominal bitrates of played segments, kbit/s.
    public var totalPlayedBitrateKbps: Double
    public var timeAveragePlayedBitrateKbps: Double
    public var totalPlayTimeSeconds: Double
    public var totalPlayTimeChunks: Double
    public var totalRebufferSeconds: Double
    /// Rebuffer time ÷ play time.
    public var rebufferRatio: Double
    public var timeAverageRebufferSeconds: Double
    public var totalRebufferEvents: Int
    public var timeAverageRebufferEvents: Double
    /// Sum of |Δ nominal bitrate| over played switches, kbit/s.
    public var totalBitrateChangeKbps: Double
    public var timeAverageBitrateChangeKbps: Double
    /// Sum of |ln(bitrate ratio)| over played switches.
    public var totalLogBitrateChange: Double
    public var timeAverageLogBitrateChange: Double
    /// Time-average utility minus γp × rebuffer time in segments.
    public var timeAverageScore: Double
    /// Decisions whose throughput estimate exceeded the measured throughput.
    public var overEstimateCount: Int
    /// Their mean overestimate, kbit/s.
    public var overEstimateKbps: Double
    public var leqEstimateCount: Int
    /// Mean underestimate of the others, kbit/s.
    public var leqEstimateKbps: Double
    /// Mean (estimate − measured), kbit/s.
    public var estimateKbps: Double
    /// Play time until the first segment at or above the sustainable (or threshold) level
    /// started; the video duration if never.
    public var rampupTimeSeconds: Double
    public var totalReactionTimeSeconds: Double

    /// The metrics as `(column name, value)` pairs in sabre.py's print order; the names are
    /// sabre.py's labels in snake case (`bola_buffer_ms` only when `bolaBufferMs` is set).
    public var columns: [(name: String, value: Double)] {
        var result: [(name: String, value: Double)] = []
        if let bolaBufferMs { result.append(("bola_buffer_ms", bolaBufferMs)) }
        result += [
            ("buffer_size_ms", bufferSizeMs),
            ("total_played_utility", totalPlayedUtility),
            ("time_average_played_utility", timeAveragePlayedUtility),
            ("total_played_bitrate_kbps", totalPlayedBitrateKbps),
            ("time_average_played_bitrate_kbps", timeAveragePlayedBitrateKbps),
            ("total_play_time_s", totalPlayTimeSeconds),
            ("total_play_time_chunks", totalPlayTimeChunks),
            ("total_rebuffer_s", totalRebufferSeconds),
            ("rebuffer_ratio", rebufferRatio),
            ("time_average_rebuffer_s", timeAverageRebufferSeconds),
            ("total_rebuffer_events", Double(totalRebufferEvents)),
            ("time_average_rebuffer_events", timeAverageRebufferEvents),
            ("total_bitrate_change_kbps", totalBitrateChangeKbps),
            ("time_average_bitrate_change_kbps", timeAverageBitrateChangeKbps),
            ("total_log_bitrate_change", totalLogBitrateChange),
            ("time_average_log_bitrate_change", timeAverageLogBitrateChange),
            ("time_average_score", timeAverageScore),
            ("over_estimate_count", Double(overEstimateCount)),
            ("over_estimate_kbps", overEstimateKbps),
            ("leq_estimate_count", Double(leqEstimateCount)),
            ("leq_estimate_kbps", leqEstimateKbps),
            ("estimate_kbps", estimateKbps),
            ("rampup_time_s", rampupTimeSeconds),
            ("total_reaction_time_s", totalReactionTimeSeconds),
        ]
        return result
    }
}
