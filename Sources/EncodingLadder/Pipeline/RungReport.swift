/// What one rung cost and how good it looks, measured from the files written.
public struct RungReport: Sendable {
    public var rung: Rung
    /// The encoder used (the rung's codec or the `--codec` override).
    public var codecName: String
    /// RFC 6381 codec string, e.g. "avc1.64001E".
    public var codecString: String
    public var initSegmentBytes: Int
    /// Bytes of each media segment file (moof + mdat), in order.
    public var segmentBytes: [Int]
    /// Duration of each segment, seconds (frames ÷ frame rate).
    public var segmentDurationsSeconds: [Double]
    /// Frame numbers of the IDR frames, in order (one per segment when alignment holds).
    public var keyFrameNumbers: [Int64]
    /// Whole-rung quality against the source at the source's size (nil when not measured).
    public var quality: QualitySummary?
    /// Per-segment quality, same order as `segmentBytes` (empty when not measured).
    public var segmentQuality: [QualitySummary]

    /// Σ segment bytes (the init segment is excluded: it is fetched once, not per hour of viewing).
    public var mediaBytes: Int { segmentBytes.reduce(0, +) }
    public var durationSeconds: Double { segmentDurationsSeconds.reduce(0, +) }
    /// Average bitrate over the whole rung, kbit/s (1 kbit = 1000 bit).
    public var averageKbps: Double { durationSeconds > 0 ? Double(mediaBytes) * 8 / durationSeconds / 1000 : 0 }
    /// Highest single-segment bitrate, kbit/s: what HLS `BANDWIDTH` must state (Apple HLS Authoring Spec).
    public var peakKbps: Double {
        zip(segmentBytes, segmentDurationsSeconds).map { $1 > 0 ? Double($0) * 8 / $1 / 1000 : 0 }.max() ?? 0
    }
    /// GB per hour of viewing: bytes ÷ seconds × 3600 ÷ 10⁹.
    public var gigabytesPerHour: Double { durationSeconds > 0 ? Double(mediaBytes) / durationSeconds * 3600 / 1e9 : 0 }
}
