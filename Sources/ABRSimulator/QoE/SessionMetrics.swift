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
    /// Data used per hour of viewing: downloaded bytes ÷ playback seconds × 3600 ÷ 10⁹ (GB = 10⁹ bytes).
    public var gbPerHour: Double { playbackSeconds > 0 ? Double(downloadedBytes) / playbackSeconds * 3600 / 1e9 : 0 }
}
