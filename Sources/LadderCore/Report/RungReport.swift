import ABRSimulator

/// What one rung cost and how good it looks, measured from the files written.
public struct RungReport: Sendable {
    public init(
        rung: Rung, codecName: String, codecString: String, frameRate: FrameRate, initSegmentBytes: Int, segmentBytes: [Int],
        segmentDurationsSeconds: [Double], keyFrameNumbers: [Int64], quality: QualitySummary?, segmentQuality: [QualitySummary],
        segmentParts: [[PackagedPart]] = [], vmaf: VMAFMeasurement? = nil, vmafModel: String? = nil
    ) {
        self.vmaf = vmaf; self.vmafModel = vmafModel
        self.segmentParts = segmentParts
        self.rung = rung; self.codecName = codecName; self.codecString = codecString; self.frameRate = frameRate
        self.initSegmentBytes = initSegmentBytes; self.segmentBytes = segmentBytes; self.segmentDurationsSeconds = segmentDurationsSeconds
        self.keyFrameNumbers = keyFrameNumbers; self.quality = quality; self.segmentQuality = segmentQuality
    }

    public var rung: Rung
    /// The encoder used (the rung's codec or the `--codec` override).
    public var codecName: String
    /// RFC 6381 codec string, e.g. "avc1.64001E".
    public var codecString: String
    public var frameRate: FrameRate
    public var initSegmentBytes: Int
    /// Bytes of each media segment file (moof + mdat), in order.
    public var segmentBytes: [Int]
    /// Duration of each segment, seconds (frames ÷ frame rate).
    public var segmentDurationsSeconds: [Double]
    /// Each segment's CMAF parts, same order as `segmentBytes`, when the encode wrote parts
    /// (`--part-seconds`); empty otherwise.
    public var segmentParts: [[PackagedPart]]
    /// Frame numbers of the IDR frames, in order (one per segment when alignment holds).
    public var keyFrameNumbers: [Int64]
    /// Whole-rung quality against the source at the source's size (nil when not measured).
    public var quality: QualitySummary?
    /// Per-segment quality, same order as `segmentBytes` (empty when not measured).
    public var segmentQuality: [QualitySummary]
    /// VMAF at the source's size, whole and per segment (nil when not measured).
    public var vmaf: VMAFMeasurement?
    /// The libvmaf model that scored ``vmaf`` (nil when not measured).
    public var vmafModel: String?

    /// Σ segment bytes (the init segment is excluded: it is fetched once, not per hour of viewing).
    public var mediaBytes: Int { segmentBytes.reduce(0, +) }
    public var durationSeconds: Double { segmentDurationsSeconds.reduce(0, +) }
    /// Average bitrate over the whole rung, kbit/s (1 kbit = 1000 bit).
    public var averageKbps: Double { durationSeconds > 0 ? Double(mediaBytes) * 8 / durationSeconds / 1000 : 0 }
    /// Peak segment bitrate, kbit/s, as the master playlist's `BANDWIDTH` states it (RFC 8216 §4.3.4.2,
    /// see ``PackagedRendition/peakBitsPerSecond``).
    public var peakKbps: Double { Double(packaged.peakBitsPerSecond) / 1000 }

    /// The rung as the packaging layer (manifest writers) describes it.
    public var packaged: PackagedRendition {
        PackagedRendition(
            id: rung.name, directory: rung.name, codecString: codecString,
            media: .video(width: rung.width, height: rung.height, frameRate: frameRate),
            segments: segmentDurationsSeconds.indices.map { index in
                PackagedSegment(
                    durationSeconds: segmentDurationsSeconds[index], bytes: segmentBytes[index],
                    parts: segmentParts.isEmpty ? [] : segmentParts[index])
            })
    }
    /// GB per hour of viewing (`DataRate`).
    public var gigabytesPerHour: Double { DataRate.gbPerHour(bytes: mediaBytes, seconds: durationSeconds) }
}
