import ABRSimulator
import Testing

@testable import LadderCore

/// Where `encode --part-seconds` cuts parts: hand-worked cuts, and the count the simulator's
/// `VideoParts` expects from a segment's duration checked over a grid of rates, part durations and
/// segment lengths.
@Suite struct PartPlanTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var framesPerSecond: Double
        var partSeconds: Double
        var segmentFrames: Int
        var ends: [Int]
        var testDescription: String { "\(framesPerSecond) fps, \(partSeconds) s parts, \(segmentFrames) frames" }
    }

    static let cases: [Case] = [
        // 15 frames per part: whole parts, 15 and 30.
        Case(framesPerSecond: 30, partSeconds: 0.5, segmentFrames: 30, ends: [15, 30]),
        // 7.5 frames per part: ⌊7.5⌋ = 7, ⌊15⌋ = 15, ⌊22.5⌋ = 22, then the segment's end.
        Case(framesPerSecond: 30, partSeconds: 0.25, segmentFrames: 30, ends: [7, 15, 22, 30]),
        // 12.5 frames per part: 12, 25, 37, 50.
        Case(framesPerSecond: 25, partSeconds: 0.5, segmentFrames: 50, ends: [12, 25, 37, 50]),
        // A short last segment of 38 frames (1.52 s): ⌈1.52 ÷ 0.5⌉ = 4 parts, the last one frame
        // (nearest-frame cuts would have put the third cut at 38 and left 3).
        Case(framesPerSecond: 25, partSeconds: 0.5, segmentFrames: 38, ends: [12, 25, 37, 38]),
        // 29.97 fps, 60 frames = 2.002 s: ⌈4.004⌉ = 5 parts; 14.985 frames per part: 14, 29, 44, 59, 60.
        Case(framesPerSecond: 30000.0 / 1001, partSeconds: 0.5, segmentFrames: 60, ends: [14, 29, 44, 59, 60]),
        // One part as long as the segment.
        Case(framesPerSecond: 30, partSeconds: 1, segmentFrames: 30, ends: [30]),
        // One-frame parts.
        Case(framesPerSecond: 30, partSeconds: 1.0 / 30, segmentFrames: 3, ends: [1, 2, 3]),
    ]

    @Test(arguments: cases)
    func partsEndAtTheLastFrameBoundaryAtOrBeforeTheirNominalEnd(_ example: Case) throws {
        let plan = try #require(PartPlan(partSeconds: example.partSeconds, framesPerSecond: example.framesPerSecond))
        #expect(plan.partEnds(segmentFrames: example.segmentFrames) == example.ends)
    }

    @Test func aPartShorterThanOneFrameIsRefused() {
        #expect(PartPlan(partSeconds: 0.03, framesPerSecond: 30) == nil)  // 0.9 frames
        #expect(PartPlan(partSeconds: 1.0 / 30, framesPerSecond: 30) != nil)  // exactly one frame
        #expect(PartPlan(partSeconds: 0, framesPerSecond: 30) == nil)
        #expect(PartPlan(partSeconds: -0.5, framesPerSecond: 30) == nil)
        #expect(PartPlan(partSeconds: .infinity, framesPerSecond: 30) == nil)
        #expect(PartPlan(partSeconds: 0.5, framesPerSecond: 0) == nil)
    }

    /// LL-HLS's 85 % floor (RFC 8216bis §4.4.4.9) for parts between a segment's first and last:
    /// ⌊x⌋ ÷ ⌈x⌉ frames, broken under 6 frames a part unless the part is a whole number of frames
    /// or a segment has no middle part.
    @Test(arguments: [
        (25.0, 0.1, 25, true),  // 2.5 frames: 2 and 3, 67 %
        (30.0, 0.18, 30, true),  // 5.4 frames: 5 and 6, 83 %
        (30.0, 0.21, 30, false),  // 6.3 frames: 6 and 7, 86 %
        (30.0, 0.2, 30, false),  // 6 frames, all equal
        (25.0, 0.2, 25, false),  // 5 frames, all equal
        (30.0, 0.25, 30, false),  // 7.5 frames: 7 and 8, 87.5 %
        (25.0, 0.1, 5, false),  // 2.5 frames but 2 parts (2, 3): a first and a last, no middle one
        (30.0, 1.0 / 30, 30, false),  // one frame each
    ])
    func partsBetweenFirstAndLastMustBeAtLeast85PercentOfTheLongest(
        framesPerSecond: Double, partSeconds: Double, segmentFrames: Int, breaks: Bool
    ) throws {
        let plan = try #require(PartPlan(partSeconds: partSeconds, framesPerSecond: framesPerSecond))
        #expect(plan.breaksPartDurationFloor(segmentFrames: segmentFrames) == breaks)
    }

    /// Invariants over 24 to 60 fps, parts from one frame to two seconds and every segment length up
    /// to 120 frames: the count is `VideoParts.partCount` of the segment's duration, every part has
    /// a frame, and no part ends after its nominal end.
    @Test func theCountIsTheOneVideoPartsExpectsAndNoPartIsEmptyOrLate() throws {
        for framesPerSecond in [24.0, 25, 30, 30000.0 / 1001, 50, 60] {
            for partSeconds in [1 / framesPerSecond, 0.1, 0.2, 0.25, 1.0 / 3, 0.48, 0.5, 0.5005, 0.52, 0.9, 1, 1.001, 2] {
                let plan = try #require(PartPlan(partSeconds: partSeconds, framesPerSecond: framesPerSecond))
                for frames in 1...120 {
                    let ends = plan.partEnds(segmentFrames: frames)
                    let expected = VideoParts.partCount(segmentSeconds: Double(frames) / framesPerSecond, partSeconds: partSeconds)
                    #expect(ends.count == expected, "\(framesPerSecond) fps, \(partSeconds) s, \(frames) frames: \(ends)")
                    #expect(zip([0] + ends, ends).allSatisfy { $0 < $1 }, "\(ends)")
                    #expect(ends.last == frames)
                    for (part, end) in ends.dropLast().enumerated() {
                        #expect(Double(end) <= Double(part + 1) * partSeconds * framesPerSecond + 1e-6, "\(ends)")
                    }
                }
            }
        }
    }
}
