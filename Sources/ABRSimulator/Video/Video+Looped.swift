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
            segmentDurations: segmentDurations.map { d in (0..<count).map { d[$0 % n] } })
    }
}
