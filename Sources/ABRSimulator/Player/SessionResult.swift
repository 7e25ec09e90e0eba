/// Everything one session produced: per-segment records, stalls, every request, and the summary.
public struct SessionResult: Hashable, Sendable {
    public var traceName: String
    public var policyName: String
    public var segments: [SegmentRecord]
    public var stalls: [StallEvent]
    /// Every request in order, abandoned ones included.
    public var requests: [DownloadRecord]
    public var metrics: SessionMetrics
    /// Set when the policy failed and the session ended early (the metrics then cover the segments played).
    public var failure: PolicyFailure? = nil
    /// Latency, playback-rate and live-QoE metrics of a live session; `nil` in video on demand.
    public var live: LiveMetrics? = nil
    /// Seeks to live, in order (always empty in video on demand).
    public var seeks: [SeekEvent] = []

    public init(
        traceName: String, policyName: String, segments: [SegmentRecord], stalls: [StallEvent], requests: [DownloadRecord], metrics: SessionMetrics,
        failure: PolicyFailure? = nil
    ) {
        self.traceName = traceName
        self.policyName = policyName
        self.segments = segments
        self.stalls = stalls
        self.requests = requests
        self.metrics = metrics
        self.failure = failure
    }
}
