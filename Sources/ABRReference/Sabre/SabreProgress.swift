import ABRSimulator

/// A request's state as Sabre's policies see it: sabre.py's `DownloadProgress`.
struct SabreProgress {
    /// Segment index requested.
    var segment: Int
    /// Level requested.
    var quality: Int
    /// Segment size at that level, in bits.
    var sizeBits: Double
    /// Bits received so far.
    var downloadedBits: Double
    /// Time since the request, in ms (latency included).
    var timeMs: Double
    /// Latency before the first bit, in ms.
    var timeToFirstBitMs: Double
    /// The level a policy asked to abandon to, or `nil` when the request completed.
    var abandonToQuality: Int?
}
