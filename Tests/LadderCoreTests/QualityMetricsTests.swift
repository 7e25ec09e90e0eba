import Foundation
import Testing

@testable import LadderCore

/// Hand-computable cases for the per-plane kernels and the accumulator's averaging.
@Suite struct QualityMetricsTests {
    /// A deterministic textured plane (a ramp plus a checkerboard) so windows have variance.
    static func texture(width: Int, height: Int, phase: Int = 0) -> Plane {
        var bytes = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                bytes[y * width + x] = UInt8((x * 3 + y * 5 + phase + ((x / 2 + y / 2) % 2) * 40) % 200)
            }
        }
        return Plane(width: width, height: height, bytes: bytes)
    }

    static func picture(width: Int, height: Int, phase: Int = 0) -> YUVPlanes {
        (
            texture(width: width, height: height, phase: phase),
            texture(width: width / 2, height: height / 2, phase: phase + 7),
            texture(width: width / 2, height: height / 2, phase: phase + 13)
        )
    }

    static func offset(_ plane: Plane, by delta: Int) -> Plane {
        Plane(width: plane.width, height: plane.height, bytes: plane.bytes.map { UInt8(Int($0) + delta) })
    }

    @Test func identicalPicturesHaveInfinitePSNRAndUnitSSIM() {
        let p = Self.picture(width: 64, height: 32)
        var acc = QualityAccumulator()
        acc.add(reference: p, distorted: p)
        #expect(acc.psnrYDb == .infinity)
        #expect(acc.psnrDb == .infinity)
        // Every plane's SSIM is exactly 1; the 4/6 + 1/6 + 1/6 weighting may round to 1 − ulp.
        #expect(acc.total.ssimSums == [1, 1, 1])
        #expect(abs(acc.ssim - 1) < 1e-12)
        #expect(acc.ssimDb > 150)
        #expect(acc.frameCount == 1)
    }

    @Test func constantOffsetGivesExactMSE() {
        let p = Self.picture(width: 64, height: 32)
        let d = (Self.offset(p.y, by: 4), Self.offset(p.u, by: 2), Self.offset(p.v, by: 1))
        let frame = FrameQuality(reference: p, distorted: d)
        #expect(frame.meanSquaredError == [16, 4, 1])
        let weights: [Double] = [4.0 / 6, 1.0 / 6, 1.0 / 6]
        #expect(frame.planeWeights == weights)
        // (4·16 + 4 + 1) / 6 = 11.5
        #expect(abs(frame.weightedMeanSquaredError - 11.5) < 1e-12)
        #expect(abs(frame.psnrYDb - 10 * log10(65025.0 / 16)) < 1e-12)
        #expect(abs(frame.psnrDb - 10 * log10(65025.0 / 11.5)) < 1e-12)
    }

    @Test func sequencePSNRAveragesMSENotDecibels() {
        let weights: [Double] = [4.0 / 6, 1.0 / 6, 1.0 / 6]
        // Two frames with MSE 1 and 100: the mean MSE is 50.5, not the mean of 48.13 and 28.13 dB.
        var summary = QualitySummary()
        summary.add(FrameQuality(meanSquaredError: [1, 1, 1], ssim: [1, 1, 1], planeWeights: weights))
        summary.add(FrameQuality(meanSquaredError: [100, 100, 100], ssim: [0.5, 0.5, 0.5], planeWeights: weights))
        #expect(abs(summary.psnrYDb - 10 * log10(65025 / 50.5)) < 1e-12)
        #expect(abs(summary.psnrDb - 10 * log10(65025 / 50.5)) < 1e-9)
        #expect(abs(summary.ssim - 0.75) < 1e-12)
        #expect(abs(summary.ssimDb - 10 * log10(4.0)) < 1e-9)
    }

    @Test func emptySummaryIsNaN() {
        let summary = QualitySummary()
        #expect(summary.psnrDb.isNaN)
        #expect(summary.ssim.isNaN)
    }

    @Test func ssimOfWindowMatchesHandComputedValue() {
        // One 8×8 window: a is all 100, b is 100 with one sample at 108.
        // s1 = 6400, s2 = 6408, ss = 64·10000 + 63·10000 + 11664 = 1 281 664, s12 = 63·10000 + 10800 = 640 800.
        let a = Plane(width: 8, height: 8, repeating: 100)
        var bBytes = [UInt8](repeating: 100, count: 64)
        bBytes[27] = 108
        let b = Plane(width: 8, height: 8, bytes: bBytes)
        let vars = 1_281_664 * 64 - 6400 * 6400 - 6408 * 6408  // 3 584
        let covar = 640_800 * 64 - 6400 * 6408  // 0
        let expected =
            Double(2 * 6400 * 6408 + 416) * Double(2 * covar + 235_963)
            / (Double(6400 * 6400 + 6408 * 6408 + 416) * Double(vars + 235_963))
        #expect(PlaneMetrics.c1 == 416 && PlaneMetrics.c2 == 235_963)
        #expect(abs(PlaneMetrics.ssim(a, b) - expected) < 1e-6)
    }

    @Test func ssimIgnoresSamplesPastTheLastWholeBlock() {
        // 11 columns: x264's 4×4 grid covers columns 0..7 only, so changing column 10 changes nothing.
        let a = Self.texture(width: 11, height: 8)
        var bytes = a.bytes
        for row in 0..<8 { bytes[row * 11 + 10] &+= 50 }
        #expect(PlaneMetrics.ssim(a, Plane(width: 11, height: 8, bytes: bytes)) == 1)
    }

    @Test func segmentsPartitionTheSequence() {
        var acc = QualityAccumulator()
        var segments: [QualitySummary] = []
        for frame in 0..<7 {
            let p = Self.picture(width: 32, height: 16, phase: frame)
            acc.add(reference: p, distorted: (Self.offset(p.y, by: frame % 3), p.u, p.v))
            if frame % 3 == 2 { segments.append(acc.endSegment()) }
        }
        segments.append(acc.endSegment())
        #expect(segments.map(\.frameCount) == [3, 3, 1])
        #expect(acc.frameCount == 7)
        let msePerFrame = (0..<7).map { Double(($0 % 3) * ($0 % 3)) }
        #expect(segments[0].meanSquaredErrorSums[0] == msePerFrame[0..<3].reduce(0, +))
        #expect(segments.map { $0.meanSquaredErrorSums[0] }.reduce(0, +) == acc.total.meanSquaredErrorSums[0])
        #expect(abs(segments.map(\.weightedSSIMSum).reduce(0, +) - acc.total.weightedSSIMSum) < 1e-12)
        #expect(acc.currentSegment.frameCount == 0)
    }

    @Test func splitsPackedYUV420pWithCeilingChromaSize() throws {
        let size = Plane.yuv420pPictureBytes(width: 5, height: 3)  // 15 + 2·(3·2)
        #expect(size == 27)
        let planes = try #require(Plane.yuv420p(ArraySlice((0..<27).map { UInt8($0) }), width: 5, height: 3))
        #expect(planes.u.width == 3 && planes.u.height == 2)
        #expect(planes.v.bytes == [21, 22, 23, 24, 25, 26])
        #expect(Plane.yuv420p(ArraySlice([UInt8](repeating: 0, count: 26)), width: 5, height: 3) == nil)
    }
}
