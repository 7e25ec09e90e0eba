/// Running sums over a run of frames and the sequence-level PSNR/SSIM that FFmpeg reports for them.
///
/// FFmpeg 5.1 (`vf_psnr.c`, `vf_ssim.c`) averages *MSE* over frames and converts the mean to dB
/// (so one bad frame weighs more than in a mean of per-frame dB), and averages SSIM arithmetically.
/// This type keeps exactly those sums, so a summary of a segment or of a whole rendition matches
/// what `ffmpeg -lavfi "[0][1]psnr;[0][1]ssim"` prints for the same frames.
public struct QualitySummary: Sendable, Hashable {
    /// Frames summed.
    public private(set) var frameCount = 0
    /// Σ over frames of each plane's MSE (Y, U, V).
    public private(set) var meanSquaredErrorSums = [0.0, 0.0, 0.0]
    /// Σ over frames of the plane-weighted MSE.
    public private(set) var weightedMeanSquaredErrorSum = 0.0
    /// Σ over frames of each plane's SSIM (Y, U, V).
    public private(set) var ssimSums = [0.0, 0.0, 0.0]
    /// Σ over frames of the plane-weighted SSIM.
    public private(set) var weightedSSIMSum = 0.0

    public init() {}

    /// Adds one frame's measurement.
    public mutating func add(_ frame: FrameQuality) {
        frameCount += 1
        for plane in 0..<3 {
            meanSquaredErrorSums[plane] += frame.meanSquaredError[plane]
            ssimSums[plane] += frame.ssim[plane]
        }
        weightedMeanSquaredErrorSum += frame.weightedMeanSquaredError
        weightedSSIMSum += frame.weightedSSIM
    }

    /// Luma PSNR in dB of the mean luma MSE: FFmpeg's summary `y:`. NaN with no frames; `+∞` if lossless.
    public var psnrYDb: Double { psnrDb(ofSum: meanSquaredErrorSums[0]) }
    /// Chroma PSNRs in dB: FFmpeg's `u:` and `v:`.
    public var psnrUDb: Double { psnrDb(ofSum: meanSquaredErrorSums[1]) }
    public var psnrVDb: Double { psnrDb(ofSum: meanSquaredErrorSums[2]) }
    /// PSNR in dB of the mean plane-weighted MSE: FFmpeg's summary `average:`.
    public var psnrDb: Double { psnrDb(ofSum: weightedMeanSquaredErrorSum) }

    /// Mean plane-weighted SSIM: FFmpeg's summary `All:`. NaN with no frames.
    public var ssim: Double { frameCount > 0 ? weightedSSIMSum / Double(frameCount) : .nan }
    /// Mean luma SSIM: FFmpeg's summary `Y:`.
    public var ssimY: Double { frameCount > 0 ? ssimSums[0] / Double(frameCount) : .nan }
    /// ``ssim`` in dB, `−10·log10(1 − ssim)`: the value FFmpeg prints after `All:`.
    public var ssimDb: Double { PlaneMetrics.ssimDecibels(ssim) }

    private func psnrDb(ofSum sum: Double) -> Double {
        frameCount > 0 ? PlaneMetrics.psnrDecibels(meanSquaredError: sum / Double(frameCount)) : .nan
    }
}
