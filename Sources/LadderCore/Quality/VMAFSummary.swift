/// VMAF of a run of frames (a segment or a whole rung), pooled from per-frame scores.
///
/// Three poolings, because a mean hides the bad moments a viewer remembers: the arithmetic mean
/// (libvmaf's `mean`, what `ffmpeg -lavfi libvmaf` prints as "VMAF score"), libvmaf's harmonic
/// mean `n / Σ 1/(1 + sᵢ) − 1` (the `+ 1` keeps a score of 0 finite; libvmaf `src/feature/
/// feature_collector.c`), and the 5th percentile, linearly interpolated between closest ranks
/// (NumPy's default `percentile`, which Netflix's `vmaf` Python tools use).
public struct VMAFSummary: Sendable, Hashable {
    /// Frames scored (with subsampling, only every n-th frame of the run).
    public let frameCount: Int
    /// Arithmetic mean of the frame scores (0–100).
    public let mean: Double
    /// libvmaf's harmonic mean of the frame scores.
    public let harmonicMean: Double
    /// The ``lowPercentile``-th percentile of the frame scores.
    public let percentile5: Double

    /// 5: the percentile reported beside the means (the worst 5 % of frames start below it).
    public static let lowPercentile = 5.0

    /// Pools per-frame scores.
    ///
    /// - Parameter scores: one VMAF score per scored frame, in any order; not empty.
    public init(scores: [Double]) {
        precondition(!scores.isEmpty, "VMAFSummary needs at least one frame score")
        frameCount = scores.count
        let count = Double(scores.count)
        mean = scores.reduce(0, +) / count
        harmonicMean = count / scores.reduce(0) { $0 + 1 / (1 + $1) } - 1
        percentile5 = Self.percentile(scores.sorted(), Self.lowPercentile)
    }

    /// The `p`-th percentile of sorted values, interpolated linearly between closest ranks
    /// (rank `p/100 · (n − 1)`, NumPy's `linear` method).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let rank = p / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - Double(lower))
    }
}

/// A rung's VMAF: per segment and whole, from the frames libvmaf scored.
public struct VMAFMeasurement: Sendable, Hashable {
    /// The whole rung.
    public let total: VMAFSummary
    /// One summary per segment, in order.
    public let segments: [VMAFSummary]

    /// Groups frame scores into segments of `gopFrames` frames.
    ///
    /// - Parameters:
    ///   - frames: (frame number, score) for every scored frame.
    ///   - gopFrames: frames per segment (segment `k` holds frames `k·gop ..< (k+1)·gop`).
    ///   - segmentCount: how many segments the rung has.
    /// - Returns: nil when a segment has no scored frame (subsampling coarser than the segments).
    public init?(frames: [(frameNumber: Int64, score: Double)], gopFrames: Int, segmentCount: Int) {
        precondition(gopFrames > 0 && segmentCount > 0)
        var bySegment = [[Double]](repeating: [], count: segmentCount)
        for frame in frames {
            let segment = Int(frame.frameNumber / Int64(gopFrames))
            guard segment >= 0, segment < segmentCount else { return nil }
            bySegment[segment].append(frame.score)
        }
        guard bySegment.allSatisfy({ !$0.isEmpty }) else { return nil }
        total = VMAFSummary(scores: frames.map(\.score))
        segments = bySegment.map { VMAFSummary(scores: $0) }
    }
}
