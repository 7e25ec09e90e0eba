import ABRSimulator
import Testing

@Suite struct OptimalPolicyTests {
    /// Exact QoE of every level sequence, each simulated by the real session: the oracle.
    static func bruteForceBest(video: Video, trace: BandwidthTrace, configuration: PlayerConfiguration, qoe: QoEModel) throws -> Double {
        let n = video.segmentCount, l = video.levelCount
        var total = 1
        for _ in 0..<n { total *= l }
        var best = -Double.infinity
        for code in 0..<total {
            var levels = Array(repeating: 0, count: n), c = code
            for k in stride(from: n - 1, through: 0, by: -1) { levels[k] = c % l; c /= l }
            var session = try PlaybackSession(video: video, trace: trace, policy: ReplayPolicy(levels: levels), configuration: configuration, qoe: qoe)
            best = max(best, session.run().metrics.qoe)
        }
        return best
    }

    @Test("equals exhaustive enumeration of all 81 sequences (4 segments × 3 levels) on random traces, the buffer cap binding or not", arguments: 0..<3)
    func matchesBruteForce(qoeIndex: Int) throws {
        let qoe = PolicyFixtures.qoeModels[qoeIndex]
        var rng = SplitMix64(seed: 17 + UInt64(qoeIndex))
        for _ in 0..<40 {
            let video = try PolicyFixtures.randomVideo(levels: 3, segments: 4, using: &rng)
            let trace = try PolicyFixtures.randomTrace(periods: 6, using: &rng)
            // 60 s never fills with 4 × 4 s: dominance is exact there; smaller caps bind, and the DP runs without it.
            let maxBuffer = [4.0, 8, 12, 60, 60, 60].randomElement(using: &rng)!
            let configuration = PlayerConfiguration(maxBufferSeconds: maxBuffer)
            let oracle = try Self.bruteForceBest(video: video, trace: trace, configuration: configuration, qoe: qoe)
            // Tiny bins: no two distinct states share one.
            let setup = PolicySetup(video: video, trace: trace, configuration: configuration, qoe: qoe)
            let optimal = OptimalPolicy(setup: setup, binSeconds: 1e-9, prunesDominated: maxBuffer == 60)
            #expect(abs(optimal.plannedQoE - oracle) < 1e-9, "planned \(optimal.plannedQoE), enumeration \(oracle)")
            // The plan, replayed by the session, scores what the planner computed.
            var session = try PlaybackSession(video: video, trace: trace, policy: optimal, configuration: configuration, qoe: qoe)
            #expect(abs(session.run().metrics.qoe - optimal.plannedQoE) < 1e-9)
        }
    }

    @Test("with the default 50 ms bins, at least every catalog policy's QoE on random small traces", arguments: 0..<3)
    func upperBound(qoeIndex: Int) throws {
        let qoe = PolicyFixtures.qoeModels[qoeIndex]
        var rng = SplitMix64(seed: 99 + UInt64(qoeIndex))
        for _ in 0..<12 {
            let video = try PolicyFixtures.randomVideo(levels: 4, segments: 10, using: &rng)
            let trace = try PolicyFixtures.randomTrace(periods: 12, using: &rng)
            let configuration = PlayerConfiguration(maxBufferSeconds: [12.0, 20, 60].randomElement(using: &rng)!)
            let batch = SimulationBatch(video: video, traces: [trace], policies: PolicyCatalog.entries, configuration: configuration, qoe: qoe)
            let results = try batch.run(jobs: 1)
            let optimal = try #require(results.first { $0.policyName == "optimal" })
            #expect(optimal.metrics.qoe.isFinite)
            for result in results {
                #expect(optimal.metrics.qoe >= result.metrics.qoe - 1e-9, "\(result.policyName) \(result.metrics.qoe) > optimal \(optimal.metrics.qoe)")
            }
        }
    }

    @Test("at least every catalog policy's QoE at Pensieve's scale: 48 segments × 6 levels")
    func upperBoundPensieveScale() throws {
        var rng = SplitMix64(seed: 48)
        for _ in 0..<4 {
            let video = try PolicyFixtures.randomVideo(levels: 6, segments: 48, using: &rng)
            let trace = try PolicyFixtures.randomTrace(periods: 80, using: &rng)
            let results = try SimulationBatch(video: video, traces: [trace], policies: PolicyCatalog.entries).run(jobs: 2)
            let optimal = try #require(results.first { $0.policyName == "optimal" })
            for result in results {
                #expect(optimal.metrics.qoe >= result.metrics.qoe - 1e-9, "\(result.policyName) \(result.metrics.qoe) > optimal \(optimal.metrics.qoe)")
            }
        }
    }

    @Test("hand-computed: on a 1 Mbit/s link with 4 s segments and a 60 s buffer, the optimum never stalls after startup")
    func handComputed() throws {
        // Levels 0.5 and 2 Mbit/s, 3 segments. Level 1 takes 8 s per segment: after the 2 s startup at level 0
        // (4 s buffered), any level-1 segment stalls 4 s (−17.2), far worse than its +1.5 gain, while level 0
        // downloads in 2 s and never stalls. So the optimum is [0, 0, 0] with QoE 3 × 0.5 = 1.5.
        let video = try Video(constantBitrate: [Level(bitsPerSecond: 500_000), Level(bitsPerSecond: 2_000_000)], segmentSeconds: 4, segmentCount: 3)
        let trace = try BandwidthTrace(periods: [TracePeriod(durationSeconds: 100, bitsPerSecond: 1_000_000)])
        let optimal = OptimalPolicy(setup: PolicySetup(video: video, trace: trace))
        #expect(optimal.plan == [0, 0, 0])
        #expect(abs(optimal.plannedQoE - 1.5) < 1e-12)
    }
}
