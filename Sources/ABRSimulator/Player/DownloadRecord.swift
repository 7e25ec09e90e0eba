/// One finished (or abandoned) segment request, as policies and reports see it.
public struct DownloadRecord: Hashable, Sendable {
    /// Segment index, from 0.
    public var segmentIndex: Int
    /// Level requested.
    public var level: Int
    /// Bytes received: the whole segment, or the part received before abandonment.
    public var bytes: Int
    /// When the request was sent, in seconds since the session start.
    public var requestTime: Double
    /// Request latency charged before the first byte, in seconds.
    public var latencySeconds: Double
    /// Request to last byte, in seconds (latency included).
    public var durationSeconds: Double
    /// True when the player abandoned this request before it finished.
    public var abandoned: Bool

    public init(segmentIndex: Int, level: Int, bytes: Int, requestTime: Double, latencySeconds: Double, durationSeconds: Double, abandoned: Bool = false) {
        self.segmentIndex = segmentIndex
        self.level = level
        self.bytes = bytes
        self.requestTime = requestTime
        self.latencySeconds = latencySeconds
        self.durationSeconds = durationSeconds
        self.abandoned = abandoned
    }

    /// When the last byte arrived, in seconds since the session start.
    public var endTime: Double { requestTime + durationSeconds }

    /// Measured throughput of this request, latency included, in bits per second.
    public var throughputBitsPerSecond: Double {
        durationSeconds > 0 ? Double(bytes) * 8 / durationSeconds : .infinity
    }
}
