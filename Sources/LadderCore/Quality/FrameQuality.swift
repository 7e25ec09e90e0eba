/// The distortion of one decoded picture against its source: per-plane MSE and SSIM.
///
/// Computing a frame's values is the expensive part and is independent per frame, so the pipeline
/// may measure frames on several threads and fold them into a ``QualityAccumulator`` in
/// presentation order (the fold is cheap and order-sensitive only in floating-point rounding).
public struct FrameQuality: Sendable, Hashable {
    /// Mean squared error per plane (Y, U, V).
    public var meanSquaredError: [Double]
    /// SSIM per plane (Y, U, V).
    public var ssim: [Double]
    /// Each plane's share of the picture's samples; FFmpeg weights its "average" PSNR and "All"
    /// SSIM this way (4:1:1 for 4:2:0 with even dimensions).
    public var planeWeights: [Double]

    /// Measures `distorted` against `reference`, plane by plane.
    ///
    /// - Precondition: matching plane dimensions, every plane at least 8×8 (SSIM's window).
    public init(reference: YUVPlanes, distorted: YUVPlanes) {
        let pairs = [(reference.y, distorted.y), (reference.u, distorted.u), (reference.v, distorted.v)]
        let samples = pairs.map { Double($0.0.sampleCount) }
        let totalSamples = samples.reduce(0, +)
        meanSquaredError = pairs.map { Double(PlaneMetrics.sumOfSquaredErrors($0.0, $0.1)) / Double($0.0.sampleCount) }
        ssim = pairs.map { PlaneMetrics.ssim($0.0, $0.1) }
        planeWeights = samples.map { $0 / totalSamples }
    }

    /// Creates a measurement from known values (for tests and for values computed elsewhere).
    public init(meanSquaredError: [Double], ssim: [Double], planeWeights: [Double]) {
        precondition(meanSquaredError.count == 3 && ssim.count == 3 && planeWeights.count == 3, "three planes expected")
        self.meanSquaredError = meanSquaredError
        self.ssim = ssim
        self.planeWeights = planeWeights
    }

    /// Plane-weighted MSE, FFmpeg's per-frame `mse_avg`.
    public var weightedMeanSquaredError: Double {
        zip(meanSquaredError, planeWeights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Plane-weighted SSIM, FFmpeg's per-frame `All`.
    public var weightedSSIM: Double {
        zip(ssim, planeWeights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// This frame's luma PSNR in dB (`+∞` when identical).
    public var psnrYDb: Double { PlaneMetrics.psnrDecibels(meanSquaredError: meanSquaredError[0]) }
    /// This frame's plane-weighted PSNR in dB, FFmpeg's per-frame `psnr_avg`.
    public var psnrDb: Double { PlaneMetrics.psnrDecibels(meanSquaredError: weightedMeanSquaredError) }
}
