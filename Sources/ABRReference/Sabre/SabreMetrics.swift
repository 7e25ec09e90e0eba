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

    /// The names of ``columns`` after `bola_buffer_ms`: sabre.py's labels in snake case, in its print order.
    public static let columnNames = [
        "buffer_size_ms",
        "total_played_utility",
        "time_average_played_utility",
        "total_played_bitrate_kbps",
        "time_average_played_bitrate_kbps",
        "total_play_time_s",
        "total_play_time_chunks",
        "total_rebuffer_s",
        "rebuffer_ratio",
        "time_average_rebuffer_s",
        "total_rebuffer_events",
        "time_average_rebuffer_events",
        "total_bitrate_change_kbps",
        "time_average_bitrate_change_kbps",
        "total_log_bitrate_change",
        "time_average_log_bitrate_change",
        "time_average_score",
        "over_estimate_count",
        "over_estimate_kbps",
        "leq_estimate_count",
        "leq_estimate_kbps",
        "estimate_kbps",
        "rampup_time_s",
        "total_reaction_time_s",
    ]

    /// The name of the column only `bolae` and `dynamicdash` print (``bolaBufferMs``).
    public static let bolaBufferColumn = "bola_buffer_ms"

    /// The metrics as `(column name, value)` pairs in sabre.py's print order; the names are
    /// sabre.py's labels in snake case (`bola_buffer_ms` only when `bolaBufferMs` is set).
    public var columns: [(name: String, value: Double)] {
        let values = [
            bufferSizeMs,
            totalPlayedUtility,
            timeAveragePlayedUtility,
            totalPlayedBitrateKbps,
            timeAveragePlayedBitrateKbps,
            totalPlayTimeSeconds,
            totalPlayTimeChunks,
            totalRebufferSeconds,
            rebufferRatio,
            timeAverageRebufferSeconds,
            Double(totalRebufferEvents),
            timeAverageRebufferEvents,
            totalBitrateChangeKbps,
            timeAverageBitrateChangeKbps,
            totalLogBitrateChange,
            timeAverageLogBitrateChange,
            timeAverageScore,
            Double(overEstimateCount),
            overEstimateKbps,
            Double(leqEstimateCount),
            leqEstimateKbps,
            estimateKbps,
            rampupTimeSeconds,
            totalReactionTimeSeconds,
        ]
        return (bolaBufferMs.map { [(Self.bolaBufferColumn, $0)] } ?? []) + Array(zip(Self.columnNames, values))
    }
}
