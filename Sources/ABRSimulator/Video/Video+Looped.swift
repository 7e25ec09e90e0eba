extension Video {
    /// The title repeated, segment by segment, until it has `segmentCount` segments.
    ///
    /// For demos and tests that encode a few seconds but need a program long enough for policies to
    /// settle: sizes and quality are the measured ones, cycled in order, so averages (kbit/s, GB/h)
    /// stay those of the encode.
    public func looped(toSegmentCount count: Int) throws(ModelError) -> Video {
        guard count > 0 else { throw ModelError(.noSegments, "a looped video needs at least one segment, got \(count)") }
        let n = segmentCount
        return try Video(
            levels: levels, segmentSeconds: segmentSeconds,
            segmentBytes: (0..<count).map { segmentBytes[$0 % n] },
            segmentQuality: segmentQuality.map { q in (0..<count).map { q[$0 % n] } }, qualityMetric: qualityMetric,
            segmentDurations: segmentDurations.map { d in (0..<count).map { d[$0 % n] } },
            parts: parts.map { p in (p.partSeconds, (0..<count).map { p.bytes[$0 % n] }) })
    }

    /// 86 400 s (one day): the longest looped program; 43 200 two-second segments per session
    /// already take hours over a trace set, and near 10¹⁸ s the segment count would overflow.
    public static let maximumLoopedSeconds = 86_400.0

    /// The title looped to about `seconds` of playback: `seconds ÷ segmentSeconds` segments,
    /// rounded, at least one (`--program-seconds`).
    ///
    /// - Throws: `ModelError` unless `0 < seconds ≤ maximumLoopedSeconds`.
    public func looped(toSeconds seconds: Double) throws(ModelError) -> Video {
        guard seconds > 0, seconds <= Self.maximumLoopedSeconds else {
            throw ModelError(
                .invalidDuration,
                "program of \(seconds) s: expected a positive number of seconds, at most \(NumberFormat.shortest(Self.maximumLoopedSeconds)) (one day)")
        }
        return try looped(toSegmentCount: max(1, Int((seconds / segmentSeconds).rounded())))
    }
}
