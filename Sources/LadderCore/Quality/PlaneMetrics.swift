import Foundation

/// Per-plane distortion kernels: sum of squared errors (for PSNR) and SSIM.
///
/// Both follow FFmpeg 5.1's `libavfilter/vf_psnr.c` and `vf_ssim.c` so abrkit's numbers agree with
/// `ffmpeg -lavfi psnr,ssim` on the same pair (the acceptance: 0.05 dB and 0.001). The code
/// is written from the published algorithm, not copied.
public enum PlaneMetrics {
    /// Largest 8-bit sample value, the PSNR peak and the scale of the SSIM constants.
    public static let peak8Bit = 255

    /// Sum over all samples of `(a − b)²`, in exact integer arithmetic.
    ///
    /// - Precondition: both planes have the same dimensions.
    /// - Complexity: O(width × height).
    public static func sumOfSquaredErrors(_ a: Plane, _ b: Plane) -> UInt64 {
        precondition(a.width == b.width && a.height == b.height, "planes differ in size")
        return a.bytes.withUnsafeBufferPointer { pa in
            b.bytes.withUnsafeBufferPointer { pb in
                var total: UInt64 = 0
                var row = 0
                // One row's sum fits easily in Int (≤ 65 025 per sample); fold rows into UInt64.
                while row < a.height {
                    var rowSum = 0
                    let base = row * a.width
                    for x in base..<base + a.width {
                        let d = Int(pa[x]) &- Int(pb[x])
                        rowSum &+= d &* d
                    }
                    total &+= UInt64(rowSum)
                    row += 1
                }
                return total
            }
        }
    }

    /// PSNR in dB for a mean squared error: `10·log10(peak² / mse)`; `+∞` when `mse == 0`
    /// (identical pictures), as FFmpeg reports `inf`.
    public static func psnrDecibels(meanSquaredError mse: Double, peak: Int = peak8Bit) -> Double {
        mse > 0 ? 10 * log10(Double(peak * peak) / mse) : .infinity
    }

    /// SSIM expressed in dB, `−10·log10(1 − ssim)`, as FFmpeg's `ssim` filter prints in parentheses;
    /// `+∞` for `ssim == 1`.
    public static func ssimDecibels(_ ssim: Double) -> Double {
        ssim < 1 ? -10 * log10(1 - ssim) : .infinity
    }

    /// x264-style SSIM of one plane: the mean over 8×8 windows on a 4-pixel grid of the SSIM index
    /// of Wang, Bovik, Sheikh & Simoncelli, "Image quality assessment: from error visibility to
    /// structural similarity", IEEE TIP 13(4), 2004, doi:10.1109/TIP.2003.819861.
    ///
    /// As in FFmpeg's `vf_ssim.c` (after x264), the image is cut into 4×4 blocks (pixels beyond the
    /// last whole block are ignored), and each window is 2×2 neighbouring blocks, with uniform
    /// weights instead of the paper's Gaussian. The per-window formula uses integer sums and the
    /// constants `C1 = (0.01·255)²·64` and `C2 = (0.03·255)²·64·63`, rounded, as x264 does.
    ///
    /// - Precondition: equal dimensions, each at least 8 (one window).
    /// - Complexity: O(width × height), two rows of block sums of extra memory.
    public static func ssim(_ a: Plane, _ b: Plane) -> Double {
        precondition(a.width == b.width && a.height == b.height, "planes differ in size")
        precondition(a.width >= 8 && a.height >= 8, "SSIM needs planes of at least 8x8, got \(a.width)x\(a.height)")
        let blocksWide = a.width >> 2, blocksHigh = a.height >> 2
        // Block sums per block column: s1 (Σa), s2 (Σb), ss (Σa² + Σb²), s12 (Σab), interleaved.
        var previous = [Int](repeating: 0, count: 4 * blocksWide)
        var current = previous
        var total = 0.0
        a.bytes.withUnsafeBufferPointer { pa in
            b.bytes.withUnsafeBufferPointer { pb in
                blockSums(pa, pb, stride: a.width, blockRow: 0, blocksWide: blocksWide, into: &previous)
                for blockRow in 1..<blocksHigh {
                    blockSums(pa, pb, stride: a.width, blockRow: blockRow, blocksWide: blocksWide, into: &current)
                    total += windowRow(previous, current, blocksWide: blocksWide)
                    swap(&previous, &current)
                }
            }
        }
        return total / Double((blocksHigh - 1) * (blocksWide - 1))
    }

    /// Fills `sums` with the four sums of every 4×4 block of one block row.
    ///
    /// Each block is summed in 32-bit locals and stored once (at most 16 · 2 · 255² per sum).
    private static func blockSums(
        _ pa: UnsafeBufferPointer<UInt8>,
        _ pb: UnsafeBufferPointer<UInt8>,
        stride: Int,
        blockRow: Int,
        blocksWide: Int,
        into sums: inout [Int]
    ) {
        sums.withUnsafeMutableBufferPointer { out in
            let top = 4 * blockRow * stride
            for block in 0..<blocksWide {
                var s1: UInt32 = 0, s2: UInt32 = 0, ss: UInt32 = 0, s12: UInt32 = 0
                for line in 0..<4 {
                    let start = top + line * stride + 4 * block
                    for x in start..<start + 4 {
                        let va = UInt32(pa[x]), vb = UInt32(pb[x])
                        s1 &+= va
                        s2 &+= vb
                        ss &+= va &* va &+ vb &* vb
                        s12 &+= va &* vb
                    }
                }
                let o = 4 * block
                out[o] = Int(s1)
                out[o + 1] = Int(s2)
                out[o + 2] = Int(ss)
                out[o + 3] = Int(s12)
            }
        }
    }

    /// Sum of the SSIM of the windows spanning two adjacent block rows.
    private static func windowRow(_ upper: [Int], _ lower: [Int], blocksWide: Int) -> Double {
        upper.withUnsafeBufferPointer { u in
            lower.withUnsafeBufferPointer { l in
                var rowTotal: Float = 0
                for block in 0..<blocksWide - 1 {
                    let o = 4 * block, n = o + 4
                    rowTotal += windowSSIM(
                        s1: u[o] + u[n] + l[o] + l[n],
                        s2: u[o + 1] + u[n + 1] + l[o + 1] + l[n + 1],
                        ss: u[o + 2] + u[n + 2] + l[o + 2] + l[n + 2],
                        s12: u[o + 3] + u[n + 3] + l[o + 3] + l[n + 3]
                    )
                }
                return Double(rowTotal)
            }
        }
    }

    /// x264's constants for 8-bit samples and 64-sample windows (see `ssim(_:_:)`).
    static let c1 = Int(0.01 * 0.01 * 255 * 255 * 64 + 0.5)
    static let c2 = Int(0.03 * 0.03 * 255 * 255 * 64 * 63 + 0.5)

    /// SSIM of one 64-sample window from its sums, in single precision as FFmpeg's C reference does.
    @inline(__always)
    static func windowSSIM(s1: Int, s2: Int, ss: Int, s12: Int) -> Float {
        let variances = ss * 64 - s1 * s1 - s2 * s2
        let covariance = s12 * 64 - s1 * s2
        return Float(2 * s1 * s2 + c1) * Float(2 * covariance + c2)
            / (Float(s1 * s1 + s2 * s2 + c1) * Float(variances + c2))
    }
}
