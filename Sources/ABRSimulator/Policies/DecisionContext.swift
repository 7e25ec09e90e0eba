/// What a policy may know when it picks the next segment's level.
///
/// Built by the session for each decision; it shares storage with the session (no copies).
public struct DecisionContext: Sendable {
    /// Index of the segment about to be requested.
    public var segmentIndex: Int
    /// Session clock, in seconds since the first request.
    public var time: Double
    /// Seconds of media in the buffer now.
    public var bufferSeconds: Double
    /// The buffer's capacity, in seconds.
    public var maxBufferSeconds: Double
    /// Level of the previous segment, or `nil` before the first.
    public var lastLevel: Int?
    /// True until playback has started.
    public var isStartup: Bool
    /// The title: levels, segment duration and every segment's size (future ones included, as
    /// a DASH/HLS player with byte ranges or a Sabre/Pensieve policy knows them).
    public var video: Video
    /// Every request so far, oldest first (abandoned ones included, flagged).
    public var history: [DownloadRecord]
    /// The session's QoE model, so that planning policies (MPC, optimal) maximise what is scored.
    public var qoe: QoEModel
    /// Seconds of media the player buffers before playback starts (the session's startup threshold).
    public var startupThresholdSeconds: Double
    /// The live stream's latency, playback rate and measured throughput; `nil` in video on demand.
    public var live: LiveContext?

    public init(
        segmentIndex: Int, time: Double, bufferSeconds: Double, maxBufferSeconds: Double, lastLevel: Int?, isStartup: Bool,
        video: Video, history: [DownloadRecord], qoe: QoEModel = .linear, startupThresholdSeconds: Double? = nil, live: LiveContext? = nil
    ) {
        self.segmentIndex = segmentIndex
        self.time = time
        self.bufferSeconds = bufferSeconds
        self.maxBufferSeconds = maxBufferSeconds
        self.lastLevel = lastLevel
        self.isStartup = isStartup
        self.video = video
        self.history = history
        self.qoe = qoe
        self.startupThresholdSeconds = startupThresholdSeconds ?? video.segmentSeconds
        self.live = live
    }

    /// Segments not yet requested, this one included.
    public var segmentsLeft: Int { video.segmentCount - segmentIndex }
}

/// Progress of a download in flight, offered to a policy that may abandon it.
public struct DownloadProgress: Hashable, Sendable {
    public var segmentIndex: Int
    public var level: Int
    /// Bytes received so far.
    public var bytesReceived: Double
    /// Size of the whole segment at this level, in bytes.
    public var bytesTotal: Int
    /// Seconds since the request was sent (latency included).
    public var elapsedSeconds: Double
    /// Seconds of media in the buffer now.
    public var bufferSeconds: Double
    /// The request's latency (time to first byte), included in `elapsedSeconds`.
    public var latencySeconds: Double

    public init(
        segmentIndex: Int, level: Int, bytesReceived: Double, bytesTotal: Int, elapsedSeconds: Double, bufferSeconds: Double, latencySeconds: Double = 0
    ) {
        self.segmentIndex = segmentIndex
        self.level = level
        self.bytesReceived = bytesReceived
        self.bytesTotal = bytesTotal
        self.elapsedSeconds = elapsedSeconds
        self.bufferSeconds = bufferSeconds
        self.latencySeconds = latencySeconds
    }
}
