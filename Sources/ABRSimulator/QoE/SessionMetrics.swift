/// Summary of one playback session.
public struct SessionMetrics: Hashable, Sendable {
    public var segments: Int
    /// Σ per-segment rewards − startup penalty.
    public var qoe: Double
    /// Mean nominal bitrate of the played segments, kbit/s.
    public var averageBitrateKbps: Double
    /// Stall time after playback started, seconds.
    public var rebufferSeconds: Double
    public var rebufferEvents: Int
    /// First request to playback start, seconds.
    public var startupDelaySeconds: Double
    /// Level changes between consecutive segments.
    public var switches: Int
    /// Every byte received, abandoned requests included.
    public var downloadedBytes: Int
    /// Bytes of the segments played.
    public var playedBytes: Int
    /// Media played, seconds.
    public var playbackSeconds: Double
    /// First request to the end of playback, seconds.
    public var sessionSeconds: Double

    /// Bytes downloaded but never played (abandoned requests).
    public var wastedBytes: Int { downloadedBytes - playedBytes }
    /// QoE averaged over segments, comparable across titles of different lengths.
    public var qoePerSegment: Double { segments > 0 ? qoe / Double(segments) : 0 }
    /// Stall time over stall time plus playback time.
    public var rebufferRatio: Double {
        let total = rebufferSeconds + playbackSeconds
        return total > 0 ? rebufferSeconds / total : 0
    }
    /// Data used per hour of viewing: downloaded bytes over playback seconds (``DataRate``).
    public var gbPerHour: Double { DataRate.gbPerHour(bytes: downloadedBytes, seconds: playbackSeconds) }

    public init(
        segments: Int, qoe: Double, averageBitrateKbps: Double, rebufferSeconds: Double, rebufferEvents: Int, startupDelaySeconds: Double, switches: Int,
        downloadedBytes: Int, playedBytes: Int, playbackSeconds: Double, sessionSeconds: Double
    ) {
        self.segments = segments
        self.qoe = qoe
        self.averageBitrateKbps = averageBitrateKbps
        self.rebufferSeconds = rebufferSeconds
        self.rebufferEvents = rebufferEvents
        self.startupDelaySeconds = startupDelaySeconds
        self.switches = switches
        self.downloadedBytes = downloadedBytes
        self.playedBytes = playedBytes
        self.playbackSeconds = playbackSeconds
        self.sessionSeconds = sessionSeconds
    }
}

extension SessionMetrics {
    /// The names of the metrics that are not finite numbers: none for any session the engine
    /// plays within ``ModelLimits``; writers check it so a `nan` never reaches a results file.
    public var nonFiniteFields: [String] {
        let values: [(String, Double)] = [
            ("qoe", qoe), ("average bitrate", averageBitrateKbps), ("rebuffer seconds", rebufferSeconds),
            ("startup delay", startupDelaySeconds), ("playback seconds", playbackSeconds), ("session seconds", sessionSeconds),
            ("GB per hour", gbPerHour),
        ]
        return values.filter { !$0.1.isFinite }.map(\.0)
    }
}
