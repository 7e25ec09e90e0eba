#if FFmpeg
import ABRFormats
import Testing

@testable import EncodingLadder
@testable import LadderCore

@Suite struct EncoderThreadPlanTests {
    /// sd-hd-4k's picture areas: 102 240, 230 400, 409 920, 921 600, 2 073 600 and 8 294 400 pixels
    /// (total 12 032 160). Four times each share, rounded up: 0.03, 0.08, 0.14, 0.31, 0.69 → 1 thread;
    /// 2160p: 2.76 → 3 threads.
    @Test func onlyTheDominantRungOfSDHD4KGetsSlicedThreads() throws {
        let ladder = try LadderSpec.preset(named: "sd-hd-4k")
        #expect(ladder.rungs.map { EncoderThreadPlan.threads(for: $0, in: ladder.rungs) } == [1, 1, 1, 1, 1, 3])
    }

    /// Without its top rung the ladder has 3 737 760 pixels: 1080p gets ⌈2 073 600 × 4 ÷ 3 737 760⌉ = ⌈2.22⌉ = 3.
    @Test func theTopRungOfAShorterLadderGetsTheThreads() throws {
        let rungs = Array(try LadderSpec.preset(named: "sd-hd-4k").rungs.dropLast())
        #expect(rungs.map { EncoderThreadPlan.threads(for: $0, in: rungs) } == [1, 1, 1, 1, 3])
    }

    @Test func encodersOtherThanX264StayOnOneThread() {
        let rungs = [Rung(name: "a", width: 3840, height: 2160, codec: .libx265), Rung(name: "b", width: 640, height: 360, codec: .libx265)]
        #expect(rungs.map { EncoderThreadPlan.threads(for: $0, in: rungs) } == [1, 1])
    }

    @Test func aSingleRungGetsTheWholeDivisor() {
        let rung = Rung(name: "only", width: 1280, height: 720, codec: .libx264)
        #expect(EncoderThreadPlan.threads(for: rung, in: [rung]) == EncoderThreadPlan.workShareDivisor)
    }
}
#endif
