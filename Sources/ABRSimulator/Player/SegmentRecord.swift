/// What happened to one segment: the level played, its download and its effect on the buffer.
public struct SegmentRecord: Hashable, Sendable {
    public var index: Int
    public var level: Int
    /// Nominal bitrate of `level`, in bits per second.
    public var bitsPerSecond: Double
    /// Bytes of the segment at `level` (the request that completed).
    public var bytes: Int
    /// Bytes of abandoned requests for this segment (downloaded, never played).
    public var abandonedBytes: Int
    /// Seconds the player idled with a full buffer before requesting this segment.
    public var idleSeconds: Double
    /// When the completed request was sent, in seconds since the session start.
    public var downloadStart: Double
    /// Request to last byte of the completed request, in seconds.
    public var downloadSeconds: Double
    /// Buffer when the completed request was sent, in seconds.
    public var bufferBeforeSeconds: Double
    /// Buffer once the segment arrived, in seconds.
    public var bufferAfterSeconds: Double
    /// Stall time while fetching this segment (after playback started), in seconds.
    public var rebufferSeconds: Double
    /// QoE contribution of this segment under the session's model.
    public var reward: Double
    /// Why the policy chose `level`.
    public var reason: DecisionReason
    /// Availability, latency and playback rate of this segment in a live session; `nil` in video on demand.
    public var live: LiveSegmentInfo? = nil

    public init(
        index: Int, level: Int, bitsPerSecond: Double, bytes: Int, abandonedBytes: Int, idleSeconds: Double, downloadStart: Double, downloadSeconds: Double,
        bufferBeforeSeconds: Double, bufferAfterSeconds: Double, rebufferSeconds: Double, reward: Double, reason: DecisionReason
    ) {
        self.index = index
        self.level = level
        self.bitsPerSecond = bitsPerSecond
        self.bytes = bytes
        self.abandonedBytes = abandonedBytes
        self.idleSeconds = idleSeconds
        self.downloadStart = downloadStart
        self.downloadSeconds = downloadSeconds
        self.bufferBeforeSeconds = bufferBeforeSeconds
        self.bufferAfterSeconds = bufferAfterSeconds
        self.rebufferSeconds = rebufferSeconds
        self.reward = reward
        self.reason = reason
    }
}

/// A playback stall: the buffer ran dry after playback had started.
public struct StallEvent: Hashable, Sendable {
    /// When the buffer ran dry, in seconds since the session start.
    public var start: Double
    public var durationSeconds: Double
    /// The segment whose download the player was waiting for.
    public var segmentIndex: Int

    public init(start: Double, durationSeconds: Double, segmentIndex: Int) {
        self.start = start
        self.durationSeconds = durationSeconds
        self.segmentIndex = segmentIndex
    }
}
