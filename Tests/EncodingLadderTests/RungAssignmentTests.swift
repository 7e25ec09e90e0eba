#if FFmpeg
import ABRFormats
import ABRSimulator
import Testing

@testable import EncodingLadder
@testable import LadderCore

@Suite struct RungAssignmentTests {
    /// sd-hd-4k without 2160p (a 1080p source): areas 102 240, 230 400, 409 920, 921 600, 2 073 600.
    /// Largest first: 1080p → worker 0 (load 2 073 600); 720p → worker 1 (921 600); 480p, 360p and
    /// 240p each go to worker 1, still the lighter (1 331 520, 1 561 920, 1 664 160).
    @Test func theTopRungOfAOneAndTwoKLadderGetsAWorkerOfItsOwn() throws {
        let rungs = Array(try LadderSpec.preset(named: "sd-hd-4k").rungs.dropLast())
        #expect(RungAssignment.groups(weights: rungs.map { $0.width * $0.height }, workers: 2) == [[4], [0, 1, 2, 3]])
    }

    /// Three workers, weights 5, 4, 3, 3: 5 → w0, 4 → w1, 3 → w2; loads are then 5, 4, 3, so the
    /// last 3 goes to w2 as well, the lightest — final loads 5 / 4 / 6.
    @Test func eachRungGoesToTheLightestWorker() {
        #expect(RungAssignment.groups(weights: [5, 4, 3, 3], workers: 3) == [[0], [1], [2, 3]])
    }

    /// Equal weights keep ladder order and ties go to the lowest worker, which deals them round-robin.
    @Test func equalWeightsAreDealtRoundRobin() {
        #expect(RungAssignment.groups(weights: [7, 7, 7, 7, 7], workers: 2) == [[0, 2, 4], [1, 3]])
    }

    @Test func workerCountIsClampedToOneThroughTheRungCount() {
        #expect(RungAssignment.groups(weights: [1, 2, 3], workers: 8) == [[2], [1], [0]])
        #expect(RungAssignment.groups(weights: [1, 2, 3], workers: 1) == [[0, 1, 2]])
        #expect(RungAssignment.groups(weights: [1, 2, 3], workers: 0) == [[0, 1, 2]])
        #expect(RungAssignment.groups(weights: [1, 2, 3], workers: -4) == [[0, 1, 2]])
        #expect(RungAssignment.groups(weights: [], workers: 2).isEmpty)
        #expect(RungAssignment.groups(weights: [0, 0, 0], workers: 2) == [[0, 2], [1]])
    }

    /// For any weights and worker count: every rung exactly once, no empty worker, each worker's rungs
    /// ascending, and the LPT bound — the heaviest worker carries at most the mean load plus one rung.
    @Test(arguments: 1...6)
    func everyRungIsDrivenByExactlyOneWorker(workers: Int) {
        var generator = SplitMix64(seed: UInt64(workers))
        for _ in 0..<50 {
            let weights = (0..<Int(generator.next() % 9)).map { _ in Int(generator.next() % 1000) }
            let groups = RungAssignment.groups(weights: weights, workers: workers)
            #expect(groups.flatMap { $0 }.sorted() == Array(weights.indices))
            #expect(groups.allSatisfy { !$0.isEmpty && $0 == $0.sorted() })
            guard !weights.isEmpty else { continue }
            let loads = groups.map { $0.reduce(0) { $0 + weights[$1] } }
            let mean = Double(weights.reduce(0, +)) / Double(groups.count)
            #expect(Double(loads.max()!) <= mean + Double(weights.max()!))
        }
    }
}
#endif
