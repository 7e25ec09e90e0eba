import ABRSimulator
import Testing

@testable import LadderCore
@testable import Reporting

/// The table `abrkit encode` prints, from a hand-made report.
@Suite struct SummaryTableTests {
    static func report(durations: [Double]) -> EncodeReport {
        let rung = Rung(name: "180p", width: 320, height: 180, codec: .libx264, bitrateKbps: 400)
        let bytes = durations.map { Int($0 * 50_000) }  // 400 kbit/s
        let measured = RungReport(
            rung: rung, codecName: "libx264", codecString: "avc1.64000d", frameRate: FrameRate(30), initSegmentBytes: 800,
            segmentBytes: bytes, segmentDurationsSeconds: durations, keyFrameNumbers: [], quality: nil, segmentQuality: [])
        let source = SourceDescription(name: "sample", width: 320, height: 180, frameRateNumerator: 30, frameRateDenominator: 1)
        return EncodeReport(
            ladder: LadderSpec(name: "t", segmentSeconds: 1, rungs: [rung]), source: source, segmentSeconds: 1,
            totalFrames: Int(durations.reduce(0, +) * 30), rungs: [measured], audio: nil)
    }

    @Test func aShortLastSegmentIsSaidWithItsDuration() {
        #expect(SummaryTable.render(Self.report(durations: [1, 1, 0.5])).hasSuffix("75 frames, 2.50 s, 1 s segments, the last 0.5 s\n"))
        #expect(SummaryTable.render(Self.report(durations: [1, 1])).hasSuffix("60 frames, 2.00 s, 1 s segments\n"))
    }

    @Test func segmentsWrittenInPartsSaySo() {
        var report = Self.report(durations: [1, 1, 0.5])
        report.partSeconds = 0.25
        #expect(SummaryTable.render(report).hasSuffix("75 frames, 2.50 s, 1 s segments in 0.25 s parts, the last 0.5 s\n"))
    }

    @Test func averageRateAndGBPerHourCountTheRealDuration() {
        // 400 kbit/s over 2.5 s: 125 000 bytes; 0.18 GB/h.
        let rung = Self.report(durations: [1, 1, 0.5]).rungs[0]
        #expect(rung.averageKbps == 400)
        #expect(abs(rung.gigabytesPerHour - 0.18) < 1e-12)
    }
}
