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
