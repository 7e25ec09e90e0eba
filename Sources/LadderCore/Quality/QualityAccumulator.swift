/// Running PSNR/SSIM of a distorted YUV 4:2:0 8-bit sequence against its reference, whole and per segment.
///
/// Feed frames in presentation order; read the sequence figures at any time, and close a segment
/// with ``endSegment()`` at every segment boundary to get that segment's own figures (the ladder
/// records quality per segment and rung). Values match FFmpeg 5.1's `psnr` and `ssim` filter
/// summaries; see ``QualitySummary`` for how they average.
public struct QualityAccumulator: Sendable {
    /// Everything added so far.
    public private(set) var total = QualitySummary()
    /// Frames added since the last ``endSegment()``.
    public private(set) var currentSegment = QualitySummary()

    public init() {}

    /// Measures one frame pair and adds it.
    ///
    /// - Precondition: matching plane dimensions, every plane at least 8×8.
    /// - Complexity: O(pixels).
    public mutating func add(reference: YUVPlanes, distorted: YUVPlanes) {
        add(FrameQuality(reference: reference, distorted: distorted))
    }

    /// Adds a frame measured elsewhere (for instance on another thread).
    public mutating func add(_ frame: FrameQuality) {
        total.add(frame)
        currentSegment.add(frame)
    }

    /// Returns the figures of the frames added since the previous call, and starts a new segment.
    public mutating func endSegment() -> QualitySummary {
        defer { currentSegment = QualitySummary() }
        return currentSegment
    }

    /// FFmpeg `psnr` summary `y:`, dB.
    public var psnrYDb: Double { total.psnrYDb }
    /// FFmpeg `psnr` summary `average:`, dB (plane-size weighted MSE, 4:1:1 for 4:2:0).
    public var psnrDb: Double { total.psnrDb }
    /// FFmpeg `ssim` summary `All:`.
    public var ssim: Double { total.ssim }
    /// ``ssim`` in dB.
    public var ssimDb: Double { total.ssimDb }
    /// Frames added.
    public var frameCount: Int { total.frameCount }
}
