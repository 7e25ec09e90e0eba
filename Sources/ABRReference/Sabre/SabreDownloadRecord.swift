import ABRSimulator

/// One request of a Sabre session, for per-segment logs (sabre.py's `--verbose` line).
public struct SabreDownloadRecord: Hashable, Sendable {
    /// Segment requested.
    public var segmentIndex: Int
    /// Level requested.
    public var quality: Int
    /// Segment size at that level, bits.
    public var sizeBits: Double
    /// Bits received (less than `sizeBits` when abandoned).
    public var downloadedBits: Double
    /// Request duration including latency, ms.
    public var timeMs: Double
    /// Latency before the first bit, ms.
    public var timeToFirstBitMs: Double
    /// The lower level the policy abandoned to; the model then re-asks the policy (sabre.py's
    /// unused abandon target, see `SabreSession`).
    public var abandonedToQuality: Int?
    /// Idle time before the request (full buffer plus the policy's delay), ms.
    public var delayMs: Double
    /// Buffer level after the request, ms.
    public var bufferLevelMs: Double
    /// Rebuffer time sabre.py's playback clock accrued from the start of this request's idle to
    /// its end, ms (the per-request share of its total rebuffer time).
    public var rebufferMs: Double
}

/// A finished Sabre session: sabre.py's printed metrics and the request log.
public struct SabreRun: Hashable, Sendable {
    public var metrics: SabreMetrics
    /// Every request in order, the first segment's included.
    public var downloads: [SabreDownloadRecord]
}
