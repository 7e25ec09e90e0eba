import Testing

@testable import ABRSimulator

/// Comyco's VMAF QoE (`--qoe comyco`): its per-segment reward by hand, the older models' rewards
/// unchanged, the guard on the quality table, and MPC's search with a model that rewards rises.
@Suite struct ComycoQoETests {
    let comyco = QoEModel.comyco

    @Test("rewards by hand: first segment, a rise with a stall, a drop")
    func handComputedRewards() {
        // 0.8469011·80 − 2.661618558192494 = 67.752088 − 2.661618558… = 65.0904694418075
        #expect(abs(comyco.reward(utility: 80, previousUtility: nil, rebufferSeconds: 0) - 65.0904694418075) < 1e-12)
        // 0.8469011·90 − 28.79591348·0.5 + 0.29797156·10 − 2.661618558… = 76.221099 − 14.39795674
        //   + 2.9797156 − 2.661618558… = 62.14123930180751: a rise earns, it does not cost.
        #expect(abs(comyco.reward(utility: 90, previousUtility: 80, rebufferSeconds: 0.5) - 62.14123930180751) < 1e-12)
        // 0.8469011·60 − 1.06099887·30 − 2.661618558… = 50.814066 − 31.8299661 − 2.661618558… = 16.322481341807507
        #expect(abs(comyco.reward(utility: 60, previousUtility: 90, rebufferSeconds: 0) - 16.322481341807507) < 1e-12)
        // No change: neither bonus nor penalty.
        #expect(comyco.reward(utility: 70, previousUtility: 70, rebufferSeconds: 0) == comyco.reward(utility: 70, previousUtility: nil, rebufferSeconds: 0))
    }

    @Test("the symmetric models' reward is bit for bit the old formula q − λ·stall − μ·|Δq|")
    func symmetricModelsAreUnchanged() {
        var rng = SplitMix64(seed: 14)
        for model in [QoEModel.linear, QoEModel(.log), QoEModel(.hd), QoEModel(.quality), QoEModel(.linear, switchPenalty: 2.5, startupPenalty: 1)] {
            for _ in 0..<1000 {
                let q = Double.random(in: -5...100, using: &rng), p = Bool.random(using: &rng) ? nil : Optional(Double.random(in: -5...100, using: &rng))
                let stall = Bool.random(using: &rng) ? 0 : Double.random(in: 0...10, using: &rng)
                let old = q - model.rebufferPenalty * stall - model.switchPenalty * abs(q - (p ?? q))
                #expect(model.reward(utility: q, previousUtility: p, rebufferSeconds: stall).bitPattern == old.bitPattern)
            }
        }
    }

    /// A video of `levels` levels whose per-segment quality table is named `metric`.
    static func video(metric: String?, levels: Int = 2) throws -> Video {
        try Video(
            levels: PolicyFixtures.levels(levels), segmentSeconds: 4, segmentBytes: Array(repeating: Array(repeating: 500_000, count: levels), count: 3),
            segmentQuality: Array(repeating: (0..<levels).map { 60 + 10 * Double($0) }, count: 3), qualityMetric: metric)
    }

    @Test("needs a VMAF table: vmaf and its poolings pass, SSIM dB and no table are refused naming VMAF")
    func needsVMAF() throws {
        for metric in ["vmaf", "vmaf_harmonic_mean", "vmaf_p5"] {
            #expect(throws: Never.self) { try comyco.validate(for: try Self.video(metric: metric)) }
        }
        for metric in ["ssim_db", nil] {
            let error = try #require(throws: ModelError.self) { try comyco.validate(for: try Self.video(metric: metric)) }
            #expect(error.message.contains("VMAF") && error.message.contains("--quality-metric vmaf"), "\(error.message)")
        }
        #expect(throws: Never.self) { try QoEModel(.quality).validate(for: try Self.video(metric: "ssim_db")) }
    }

    /// A random video whose quality rises with the level, VMAF-like (20 … 100).
    static func randomVMAFVideo(levels count: Int, segments: Int, using rng: inout SplitMix64) throws -> Video {
        let base = try PolicyFixtures.randomVideo(levels: count, segments: segments, using: &rng)
        let quality = (0..<segments).map { _ in
            var row = (0..<count).map { _ in Double.random(in: 20...100, using: &rng) }
            row.sort()
            return row
        }
        return try Video(
            levels: base.levels, segmentSeconds: base.segmentSeconds, segmentBytes: base.segmentBytes, segmentQuality: quality, qualityMetric: "vmaf")
    }

    @Test("MPC's branch and bound with Comyco's QoE returns what exhaustive enumeration returns")
    func mpcMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 2019)
        for _ in 0..<200 {
            let levelCount = Int.random(in: 2...6, using: &rng)
            let horizon = Int.random(in: 1...5, using: &rng)
            let video = try Self.randomVMAFVideo(levels: levelCount, segments: 8, using: &rng)
            let maxBuffer = [8.0, 20, 60].randomElement(using: &rng)!
            let planner = MPCPlanner(video: video, qoe: comyco, maxBufferSeconds: maxBuffer, startupThresholdSeconds: [4.0, 8].randomElement(using: &rng)!)
            let first = Int.random(in: 0..<video.segmentCount, using: &rng)
            let previous = Bool.random(using: &rng) ? nil : Optional(Double.random(in: 20...100, using: &rng))
            let state = MPCPlanner.State(
                bufferSeconds: Double.random(in: 0...(maxBuffer - 4), using: &rng), isPlaying: Int.random(in: 0..<5, using: &rng) > 0, previousUtility: previous
            )
            let rate = Double.random(in: 200_000...8_000_000, using: &rng)
            let fast = planner.bestPlan(from: state, first: first, horizon: horizon, bitsPerSecond: rate)
            let oracle = MPCPlannerTests.bruteForce(planner, from: state, first: first, horizon: horizon, bitsPerSecond: rate)
            #expect(fast == oracle, "levels \(levelCount) horizon \(horizon) rate \(rate)")
        }
    }
}
