/// What a policy may know about a live stream when it picks the next segment's level: the
/// latency it is steering, the playback rate the catch-up controller set, and the throughput as a
/// low-latency player measures it.
///
/// `DecisionContext.live` carries it in a live session and is `nil` in video on demand, so the
/// VOD policies (throughput, BOLA, DYNAMIC, MPC) run unchanged in both, and the live policies
/// (L2A-LL, LoL+) read it.
public struct LiveContext: Hashable, Sendable {
    /// Live latency now: wall clock minus the presentation time of the playhead, in seconds.
    public var latencySeconds: Double
    /// The latency the player steers towards (`--target-latency`), in seconds.
    public var targetLatencySeconds: Double
    /// The playback rate the catch-up controller set (1 = real time).
    public var playbackRate: Double
    /// Media time of the newest available media at the live edge, in seconds of the presentation.
    public var liveEdgeSeconds: Double
    /// The duration of a CMAF part when the stream is delivered in parts (chunked transfer), in
    /// seconds; `nil` when whole segments are requested.
    public var partSeconds: Double?
    /// The last segment's throughput measured over the intervals that carried data (idle waits for
    /// the encoder excluded, as dash.js measures chunked downloads), in bits per second; `nil`
    /// before the first download.
    public var throughputBitsPerSecond: Double?
    /// Seconds the player stalled while fetching the previous segment (LoL+'s QoE evaluator
    /// scores it per segment).
    public var lastSegmentRebufferSeconds: Double

    public init(
        latencySeconds: Double, targetLatencySeconds: Double, playbackRate: Double, liveEdgeSeconds: Double,
        partSeconds: Double? = nil, throughputBitsPerSecond: Double? = nil, lastSegmentRebufferSeconds: Double = 0
    ) {
        self.latencySeconds = latencySeconds
        self.targetLatencySeconds = targetLatencySeconds
        self.playbackRate = playbackRate
        self.liveEdgeSeconds = liveEdgeSeconds
        self.partSeconds = partSeconds
        self.throughputBitsPerSecond = throughputBitsPerSecond
        self.lastSegmentRebufferSeconds = lastSegmentRebufferSeconds
    }
}
