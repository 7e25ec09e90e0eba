/// A title as the simulator plays it: levels, segment duration, and the real (VBR) size of
/// every segment at every level.
public struct Video: Hashable, Sendable {
    /// Levels in ascending nominal bitrate.
    public let levels: [Level]
    /// Nominal duration of a segment, in seconds: what the player and policies plan with.
    public let segmentSeconds: Double
    /// Each segment's own duration, in seconds, when they are not all `segmentSeconds` (an encode
    /// whose source ends mid-segment has a shorter last one); `nil` when they are.
    public let segmentDurations: [Double]?
    /// `segmentBytes[segment][level]`: bytes of that segment at that level.
    public let segmentBytes: [[Int]]
    /// `segmentQuality[segment][level]`: a per-segment quality score (SSIM dB, PSNR dB or VMAF), when known.
    public let segmentQuality: [[Double]]?
    /// What `segmentQuality` measures, e.g. "ssim_db" or "psnr_db".
    public let qualityMetric: String?
    /// Every segment's CMAF parts, for low-latency live playback; `nil` when the encode wrote none.
    public let parts: VideoParts?

    /// Creates a video, validating the table.
    ///
    /// - Throws: `ModelError` for zero levels or segments, levels not strictly ascending or not
    ///   positive, a segment duration, bitrate or size outside ``ModelLimits``, or a ragged size,
    ///   quality or part table.
    public init(
        levels: [Level], segmentSeconds: Double, segmentBytes: [[Int]],
        segmentQuality: [[Double]]? = nil, qualityMetric: String? = nil, segmentDurations: [Double]? = nil,
        parts: (partSeconds: Double, bytes: [[[Int]]])? = nil
    ) throws(ModelError) {
        guard !levels.isEmpty else { throw ModelError(.noLevels, "video has no levels") }
        guard !segmentBytes.isEmpty else { throw ModelError(.noSegments, "video has no segments") }
        guard ModelLimits.contains(ModelLimits.minimumSegmentSeconds...ModelLimits.maximumSegmentSeconds, segmentSeconds) else {
            throw ModelError(
                .invalidDuration,
                "segment duration \(segmentSeconds) s, expected a finite number from \(NumberFormat.shortest(ModelLimits.minimumSegmentSeconds)) to \(NumberFormat.shortest(ModelLimits.maximumSegmentSeconds)) s"
            )
        }
        for (i, level) in levels.enumerated() {
            guard level.bitsPerSecond.isFinite, level.bitsPerSecond > 0, level.bitsPerSecond <= ModelLimits.maximumBitsPerSecond else {
                throw ModelError(
                    .invalidLevel,
                    "level \(i): bitrate \(level.bitsPerSecond) bit/s, expected a finite number > 0 and at most \(NumberFormat.shortest(ModelLimits.maximumBitsPerSecond))"
                )
            }
            if i > 0, level.bitsPerSecond <= levels[i - 1].bitsPerSecond {
                throw ModelError(
                    .invalidLevel,
                    "level \(i): bitrate \(level.bitsPerSecond) bit/s is not above level \(i - 1)'s \(levels[i - 1].bitsPerSecond); levels must ascend")
            }
        }
        for (s, row) in segmentBytes.enumerated() {
            guard row.count == levels.count else {
                throw ModelError(.raggedSizes, "segment \(s) has \(row.count) sizes, expected \(levels.count) (one per level)")
            }
            for (l, bytes) in row.enumerated() where bytes < 0 || bytes > ModelLimits.maximumSegmentBytes {
                throw ModelError(.invalidSize, "segment \(s) level \(l): size \(bytes) bytes, expected 0 to \(ModelLimits.maximumSegmentBytes)")
            }
        }
        if let quality = segmentQuality {
            guard quality.count == segmentBytes.count else {
                throw ModelError(.invalidQuality, "quality table has \(quality.count) segments, expected \(segmentBytes.count)")
            }
            for (s, row) in quality.enumerated() {
                guard row.count == levels.count else {
                    throw ModelError(.invalidQuality, "segment \(s) has \(row.count) quality values, expected \(levels.count)")
                }
                for (l, q) in row.enumerated() where !q.isFinite {
                    throw ModelError(.invalidQuality, "segment \(s) level \(l): quality \(q), expected a finite number")
                }
            }
        }
        if let segmentDurations {
            guard segmentDurations.count == segmentBytes.count else {
                throw ModelError(.invalidDuration, "\(segmentDurations.count) segment durations for \(segmentBytes.count) segments, expected one per segment")
            }
            let range = ModelLimits.minimumSegmentSeconds...ModelLimits.maximumSegmentSeconds
            for (s, seconds) in segmentDurations.enumerated() where !ModelLimits.contains(range, seconds) {
                throw ModelError(
                    .invalidDuration,
                    "segment \(s): duration \(seconds) s, expected a finite number from \(NumberFormat.shortest(range.lowerBound)) to \(NumberFormat.shortest(range.upperBound)) s"
                )
            }
        }
        self.parts = try parts.map { (seconds, bytes) throws(ModelError) in
            try VideoParts(
                partSeconds: seconds, bytes: bytes, segmentBytes: segmentBytes,
                segmentDurations: segmentDurations ?? Array(repeating: segmentSeconds, count: segmentBytes.count))
        }
        self.levels = levels
        self.segmentSeconds = segmentSeconds
        self.segmentDurations = segmentDurations?.allSatisfy { $0 == segmentSeconds } == true ? nil : segmentDurations
        self.segmentBytes = segmentBytes
        self.segmentQuality = segmentQuality
        self.qualityMetric = qualityMetric
    }

    /// Creates a constant-bitrate video: every segment of level `l` is `bitrate × duration / 8` bytes.
    public init(constantBitrate levels: [Level], segmentSeconds: Double, segmentCount: Int) throws(ModelError) {
        guard segmentCount > 0 else { throw ModelError(.noSegments, "video has no segments") }
        let row = levels.map { Int(($0.bitsPerSecond * segmentSeconds / 8).rounded()) }
        try self.init(levels: levels, segmentSeconds: segmentSeconds, segmentBytes: Array(repeating: row, count: segmentCount))
    }

    public var levelCount: Int { levels.count }
    public var segmentCount: Int { segmentBytes.count }
    /// Playback duration in seconds.
    public var durationSeconds: Double { playbackSeconds(ofFirst: segmentCount) }

    /// The duration of segment `index`, in seconds.
    public func duration(ofSegment index: Int) -> Double { segmentDurations?[index] ?? segmentSeconds }

    /// Media seconds in the first `count` segments: `count × segmentSeconds` when all segments last
    /// that long (computed so, for bit-identical results), else their sum.
    public func playbackSeconds(ofFirst count: Int) -> Double {
        guard let segmentDurations else { return Double(count) * segmentSeconds }
        return segmentDurations.prefix(count).reduce(0, +)
    }
}

extension Video {
    /// A stable hash of everything the simulator plays (levels, durations, sizes, quality), as
    /// 16 hex digits: two runs with equal fingerprints played the same title, whatever file it came from.
    public var fingerprint: String {
        var hash = FNV1a()
        for level in levels { hash.add(word: level.bitsPerSecond.bitPattern) }
        hash.add(word: segmentSeconds.bitPattern)
        for seconds in segmentDurations ?? [] { hash.add(word: seconds.bitPattern) }
        for row in segmentBytes { for bytes in row { hash.add(word: UInt64(bitPattern: Int64(bytes))) } }
        for row in segmentQuality ?? [] { for score in row { hash.add(word: score.bitPattern) } }
        hash.add(field: qualityMetric ?? "")
        if let parts {  // only when present, so that fingerprints of part-less videos stay as they were
            hash.add(word: parts.partSeconds.bitPattern)
            for row in parts.bytes { for level in row { for bytes in level { hash.add(word: UInt64(bitPattern: Int64(bytes))) } } }
        }
        return hash.hex
    }
}
