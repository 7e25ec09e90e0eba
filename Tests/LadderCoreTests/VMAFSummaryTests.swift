import Testing

@testable import LadderCore

/// VMAF pooling: hand-computed means, libvmaf's harmonic mean, the interpolated 5th percentile, and segments.
@Suite struct VMAFSummaryTests {
    @Test func poolsHandComputedScores() {
        let summary = VMAFSummary(scores: [50, 10, 40, 20, 30])
        #expect(summary.frameCount == 5)
        #expect(summary.mean == 30)
        // libvmaf: n / Σ 1/(1 + s) − 1.
        let expected = 5 / (1.0 / 51 + 1.0 / 11 + 1.0 / 41 + 1.0 / 21 + 1.0 / 31) - 1
        #expect(abs(summary.harmonicMean - expected) < 1e-12)
        // Sorted 10…50, rank 0.05 · 4 = 0.2: 10 + 0.2 · 10.
        #expect(abs(summary.percentile5 - 12) < 1e-12)
    }

    @Test func aScoreOfZeroKeepsTheHarmonicMeanFinite() {
        let summary = VMAFSummary(scores: [0, 100])
        #expect(abs(summary.harmonicMean - (2 / (1 + 1.0 / 101) - 1)) < 1e-12)
        #expect(abs(summary.percentile5 - 5) < 1e-12)
    }

    @Test func oneFrameIsItsOwnSummary() {
        let summary = VMAFSummary(scores: [87.5])
        #expect(summary.mean == 87.5 && summary.harmonicMean == 87.5 && summary.percentile5 == 87.5)
    }

    @Test func groupsScoredFramesIntoSegments() throws {
        // 5 frames per segment, every 2nd frame scored: 0, 2, 4 | 6, 8 | 10.
        let frames: [(frameNumber: Int64, score: Double)] = [(0, 90), (2, 80), (4, 70), (6, 60), (8, 40), (10, 100)]
        let measurement = try #require(VMAFMeasurement(frames: frames, gopFrames: 5, segmentCount: 3))
        #expect(measurement.segments.map(\.mean) == [80, 50, 100])
        #expect(measurement.segments.map(\.frameCount) == [3, 2, 1])
        #expect(measurement.total.mean == 440.0 / 6)
    }

    @Test func aSegmentWithoutAScoredFrameIsRefused() {
        #expect(VMAFMeasurement(frames: [(0, 90), (10, 80)], gopFrames: 5, segmentCount: 3) == nil)
        #expect(VMAFMeasurement(frames: [(0, 90), (15, 80)], gopFrames: 5, segmentCount: 3) == nil)
    }
}
