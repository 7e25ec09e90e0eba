import ABRSimulator
import RealModule
import Testing

@Suite struct LoLPlusQoEEvaluatorTests {
    /// Levels 1000 … 4000 kbit/s, 4 s segments.
    static let evaluator = LoLPlusQoEEvaluator(segmentSeconds: 4, maxKbps: 4000, minKbps: 1000)

    @Test("weights from the ladder: reward d = 4, rebuffer R_max = 4000, latency 0.05·R_min = 50 to 1.1 s then 0.1·R_max = 400, speed R_min = 1000")
    func weights() {
        let e = Self.evaluator
        #expect(e.bitrateReward == 4 && e.rebufferPenalty == 4000 && e.playbackSpeedPenalty == 1000)
        #expect(e.latencyBands.map(\.thresholdSeconds) == [1.1, 100_000_000])
        #expect(e.latencyBands[0].penalty.isClose(to: 50) && e.latencyBands[1].penalty.isClose(to: 400))
        // dash.js's fallbacks when a bound is 0.
        let empty = LoLPlusQoEEvaluator(segmentSeconds: 0, maxKbps: 0, minKbps: 0)
        #expect(empty.bitrateReward == 1 && empty.rebufferPenalty == 1000 && empty.playbackSpeedPenalty == 200)
        #expect(empty.singleUseQoE(bitrate: 1000, rebufferSeconds: 0, latencySeconds: 0, playbackRate: 1) == 0)
    }

    @Test("per-segment scores by hand, accumulated over two segments")
    func perSegment() {
        var e = Self.evaluator
        // 2000 kbit/s, 0.5 s stall, 1 s latency (≤ 1.1 s), speed 1.05: 4·2000 − 4000·0.5 − 50·1 − 1000·0.05 = 8000 − 2000 − 50 − 50 = 5900.
        e.log(bitrate: 2000, rebufferSeconds: 0.5, latencySeconds: 1, playbackRate: 1.05)
        #expect(e.totalQoE.isClose(to: 5900))
        // Then 4000 kbit/s, no stall, 2 s latency (> 1.1 s: 400 per s), speed 1: bitrate 8000 + 16000 = 24000; switch |4000 − 2000| = 2000;
        // rebuffer 2000; latency 50 + 800 = 850; speed 50: 24000 − 2000 − 2000 − 850 − 50 = 19100.
        e.log(bitrate: 4000, rebufferSeconds: 0, latencySeconds: 2, playbackRate: 1)
        #expect(e.totalQoE.isClose(to: 19100))
        #expect(e.switchSum == 2000 && e.latencySum.isClose(to: 850))
        // Beyond 10⁸ s no band holds the latency: no term.
        #expect(Self.evaluator.latencyCost(2e8) == 0)
        // A single use has no switch term: 2000 kbit/s alone after any history scores 8000.
        #expect(e.singleUseQoE(bitrate: 2000, rebufferSeconds: 0, latencySeconds: 0, playbackRate: 1) == 8000)
    }
}

@Suite struct LoLPlusWeightSelectorTests {
    static let evaluator = LoLPlusQoEEvaluator(segmentSeconds: 4, maxKbps: 4000, minKbps: 1000)

    @Test("625 options of {0.2, 0.4, 0.6, 0.8, 1}⁴ in dash.js's order, the first value varying slowest")
    func options() {
        let o = LoLPlusWeightSelector.weightOptions
        #expect(o.count == 625 && Set(o).count == 625)
        #expect(o[0] == [0.2, 0.2, 0.2, 0.2] && o[1] == [0.2, 0.2, 0.2, 0.4] && o[5] == [0.2, 0.2, 0.4, 0.2] && o[624] == [1, 1, 1, 1])
    }

    @Test("the next buffer: B + d − t when the download is shorter than a segment, else B − d")
    func nextBuffer() {
        let s = LoLPlusWeightSelector(segmentSeconds: 4)
        #expect(s.nextBuffer(2, downloadSeconds: 1.6).isClose(to: 4.4))
        #expect(s.nextBuffer(2, downloadSeconds: 4) == 2)
        #expect(s.nextBuffer(2, downloadSeconds: 6.4) == -2)
        #expect(s.nextBuffer(bitsPerSecond: 2e6, bufferSeconds: 2, throughputBitsPerSecond: 2.5e6).isClose(to: 2.8))
    }

    @Test("its choice by hand: 2.5 Mbit/s and 2 s of buffer rule out the top level; level 1 wins with the buffer weight 1")
    func choice() {
        var s = LoLPlusWeightSelector(segmentSeconds: 4)
        // Level 0: t = 1·4/2.5 = 1.6 s, B′ = 4.4, rebuffer max(10⁻⁵, 1.6 − 4.4) = 10⁻⁵, QoE = 4·1,000,000 − 4000·10⁻⁵/w_b (bit/s as dash.js passes it).
        // Level 1: t = 3.2 s, B′ = 2.8, QoE = 8,000,000 − 0.04/w_b. Level 2: t = 6.4 > 4, B′ = 2 − 4 = −2 < 0.3: ruled out.
        // Best: level 1, w_b = 1; with no learnt latency the latency weight changes nothing, so the first such option: (0.2, 0.2, 1, 0.2).
        let levels = [(bitsPerSecond: 1e6, latency: 0.0), (bitsPerSecond: 2e6, latency: 0.0), (bitsPerSecond: 4e6, latency: 0.0)]
        let w = s.findWeights(levels: levels, latencySeconds: 0, bufferSeconds: 2, throughputBitsPerSecond: 2.5e6, playbackRate: 1, evaluator: Self.evaluator)
        #expect(w == [0.2, 0.2, 1, 0.2])
        // With level 1's learnt latency 0.5: w_l = 0.2 weighs it 2.5 s (> 1.1 s: 400·2.5 = 1000), 0.4 → 1.25 s (500), 0.6 → 0.833 s (50·0.833 = 41.7),
        // 0.8 → 31.25, 1 → 25: the best is w_l = 1, option (0.2, 1, 1, 0.2).
        var t = LoLPlusWeightSelector(segmentSeconds: 4)
        let learnt = [(bitsPerSecond: 1e6, latency: 0.0), (bitsPerSecond: 2e6, latency: 0.5), (bitsPerSecond: 4e6, latency: 0.0)]
        let u = t.findWeights(levels: learnt, latencySeconds: 0, bufferSeconds: 2, throughputBitsPerSecond: 2.5e6, playbackRate: 1, evaluator: Self.evaluator)
        #expect(u == [0.2, 1, 1, 0.2])
    }

    /// dash.js's loop as written: every level × every one of the 625 options in order, the first strictly better that meets
    /// the constraints winning; an independent reference for the selector's shortcut (25 scores per level).
    static func bruteForce(
        levels: [(bitsPerSecond: Double, latency: Double)], latency: Double, buffer: Double, throughput: Double, rate: Double, segmentSeconds: Double,
        evaluator: LoLPlusQoEEvaluator
    ) -> [Double]? {
        var maxQoE: Double?
        var winner: [Double]?
        for level in levels {
            for option in LoLPlusWeightSelector.weightOptions {
                let t = level.bitsPerSecond * segmentSeconds / throughput
                let next = t > segmentSeconds ? buffer - segmentSeconds : buffer + segmentSeconds - t
                let rebuffer = max(0.00001, t - next)
                let qoe = evaluator.singleUseQoE(
                    bitrate: level.bitsPerSecond, rebufferSeconds: (1 / option[2]) * rebuffer, latencySeconds: (1 / option[1]) * level.latency,
                    playbackRate: rate)
                if maxQoE.map({ qoe > $0 }) ?? true, !(latency > 1.5 + latency), next >= 0.3 {
                    maxQoE = qoe
                    winner = option
                }
            }
        }
        return winner
    }

    @Test("equals dash.js's 625-option loop on random ladders, buffers, throughputs, learnt latencies and rates")
    func matchesBruteForce() {
        var rng = SplitMix64(seed: 2021)
        var seen = Set<[Double]?>()
        for trial in 0..<300 {
            let count = 1 + trial % 6
            var bitrate = 200_000 + rng.nextUnit() * 500_000
            var levels: [(bitsPerSecond: Double, latency: Double)] = []
            for _ in 0..<count {
                levels.append((bitsPerSecond: bitrate, latency: rng.nextUnit() < 0.3 ? 0 : rng.nextUnit() * 0.05))
                bitrate *= 1.3 + rng.nextUnit()
            }
            let d = [0.5, 1, 2, 4][trial % 4]
            let evaluator = LoLPlusQoEEvaluator(segmentSeconds: d, maxKbps: levels[count - 1].bitsPerSecond / 1000, minKbps: levels[0].bitsPerSecond / 1000)
            let buffer = rng.nextUnit() * 6, throughput = 100_000 + rng.nextUnit() * 8_000_000, rate = 0.9 + rng.nextUnit() * 0.2
            let latency = rng.nextUnit() * 4
            var selector = LoLPlusWeightSelector(segmentSeconds: d)
            let fast = selector.findWeights(
                levels: levels, latencySeconds: latency, bufferSeconds: buffer, throughputBitsPerSecond: throughput, playbackRate: rate, evaluator: evaluator)
            let reference = Self.bruteForce(
                levels: levels, latency: latency, buffer: buffer, throughput: throughput, rate: rate, segmentSeconds: d, evaluator: evaluator)
            #expect(fast == reference, "trial \(trial)")
            seen.insert(fast)
        }
        // The trials reach both outcomes and more than one winner.
        #expect(seen.contains(nil) && seen.count >= 3)
    }

    @Test("no option when every level would leave under 0.3 s; the latency constraint binds only on a reused selector")
    func constraints() {
        let levels = [(bitsPerSecond: 1e6, latency: 0.0), (bitsPerSecond: 2e6, latency: 0.0), (bitsPerSecond: 4e6, latency: 0.0)]
        var s = LoLPlusWeightSelector(segmentSeconds: 4)
        // 0.1 Mbit/s: level 0 takes 40 s > 4, B′ = 0 − 4 < 0.3.
        let none = s.findWeights(levels: levels, latencySeconds: 0, bufferSeconds: 0, throughputBitsPerSecond: 1e5, playbackRate: 1, evaluator: Self.evaluator)
        #expect(none == nil)
        // A fresh selector: 10 s of latency ≤ 1.5 + |10 − 0|, always true (dash.js makes one per decision).
        var fresh = LoLPlusWeightSelector(segmentSeconds: 4)
        let once = fresh.findWeights(
            levels: levels, latencySeconds: 10, bufferSeconds: 8, throughputBitsPerSecond: 5e6, playbackRate: 1, evaluator: Self.evaluator)
        #expect(once != nil)
        // Reused: the previous latency is 10, so 10 > 1.5 + 0 fails every option.
        let twice = fresh.findWeights(
            levels: levels, latencySeconds: 10, bufferSeconds: 8, throughputBitsPerSecond: 5e6, playbackRate: 1, evaluator: Self.evaluator)
        #expect(twice == nil)
    }
}

@Suite struct LoLPlusLearningControllerTests {
    @Test("distance √(Σ wₖ(aₖ − bₖ)²) by hand: (0.6, 0.1, 0.2, 0) to (1, 0, 0, 0) with w = (0.2, 1, 0.5, 1) is √0.062")
    func distance() {
        // 0.2·0.16 + 1·0.01 + 0.5·0.04 + 0 = 0.032 + 0.01 + 0.02 = 0.062.
        let d = LoLPlusLearningController.distance([0.6, 0.1, 0.2, 0], [1, 0, 0, 0], weights: [0.2, 1, 0.5, 1])
        #expect(d.isClose(to: 0.062.squareRoot(), tolerance: 1e-15))
    }

    @Test("neurons start at Rᵢ/‖R‖ and the update by hand moves the centre by 1 %, its neighbour by 1 % × e^(−δ²/0.02), δ to the moved centre")
    func update() {
        var rng = SplitMix64(seed: 1)
        // 3 and 4 Mbit/s: ‖R‖ = 5 Mbit/s, neurons (0.6, 0, 0, 0) and (0.8, 0, 0, 0).
        var c = LoLPlusLearningController(bitrates: [3e6, 4e6], rng: &rng)
        #expect(c.normalization == 5e6 && c.neurons.map(\.throughput) == [0.6, 0.8])
        c.updateNeurons(around: 0, towards: [1, 0.02, 0.5, 0.2])
        // Neuron 0: δ = 0, h = 1: (0.6 + 0.4·0.01, 0.02·0.01, 0.5·0.01, 0.2·0.01) = (0.604, 0.0002, 0.005, 0.002).
        let n0 = c.neurons[0]
        #expect(n0.throughput.isClose(to: 0.604) && n0.latency.isClose(to: 0.0002) && n0.rebuffer.isClose(to: 0.005) && n0.switchSize.isClose(to: 0.002))
        // Neuron 1: δ² = 0.196² + 0.0002² + 0.005² + 0.002² = 0.03844504, h = e^(−0.03844504/0.02) = e^(−1.922252) = 0.146277175;
        // throughput 0.8 + 0.2·0.01·h = 0.800292554, latency 0.0002·h, rebuffer 0.005·h, switch 0.002·h.
        let h = Double.exp(-0.03844504 / 0.02)
        let n1 = c.neurons[1]
        #expect(n1.throughput.isClose(to: 0.8 + 0.002 * h) && n1.latency.isClose(to: 0.0002 * h))
        #expect(n1.rebuffer.isClose(to: 0.005 * h) && n1.switchSize.isClose(to: 0.002 * h))
        #expect(h.isClose(to: 0.1462771747, tolerance: 1e-9))
    }

    @Test("a step by hand on 1, 2, 4 Mbit/s at 2.5 Mbit/s with 10 s of buffer: level 1 wins, the top is discouraged (weight 100)")
    func step() {
        var rng = SplitMix64(seed: 7)
        var c = LoLPlusLearningController(bitrates: [1e6, 2e6, 4e6], rng: &rng)
        var selector = LoLPlusWeightSelector(segmentSeconds: 4)
        let evaluator = LoLPlusQoEEvaluator(segmentSeconds: 4, maxKbps: 4000, minKbps: 1000)
        // ‖R‖ = √21 Mbit/s = 4.582576 Mbit/s; neurons 0.218218, 0.436436, 0.872872; target throughput 2.5/4.582576 = 0.545545.
        // Selector: level 2 takes 6.4 s > 4, B′ = 6 ≥ 0.3, rebuffer 0.4: QoE 16,000,000 − 1600/w_b beats the others: (0.2, 0.2, 1, 0.2).
        // Distances: level 0: √(0.2·0.327327²) = 0.146385; level 1: √(0.2·0.109109²) = 0.048795;
        // level 2: 4 Mbit/s > 2.5 − 0.01 Mbit/s, weight 100: √(100·0.327327²) = 3.273268. Level 1.
        let (level, downshift) = c.nextLevel(
            throughputBitsPerSecond: 2.5e6, latencySeconds: 0, bufferSeconds: 10, playbackRate: 1, currentLevel: 1, selector: &selector,
            evaluator: evaluator)
        #expect(level == 1 && !downshift)
        #expect(c.weights == [0.2, 0.2, 1, 0.2])
        // Current = winner = 1, so two updates centred on it with x = (0.545545, 0, 0, 0) (rebuffer max(0, 3.2 − 10) = 0, no switch):
        // each moves it by 1 % of the gap: 0.436436 + 0.01·0.109109 = 0.437527, then + 0.01·(0.545545 − 0.437527) = 0.438607.
        let first = 2 / 21.0.squareRoot() + 0.01 * (2.5 / 21.0.squareRoot() - 2 / 21.0.squareRoot())
        #expect(c.neurons[1].throughput.isClose(to: first + 0.01 * (2.5 / 21.0.squareRoot() - first)))
    }

    @Test("the low-buffer guard: with 0.5 s of buffer the top level's 6.4 s download drops to the best level under the throughput, unlearnt")
    func downshift() {
        var rng = SplitMix64(seed: 7)
        var c = LoLPlusLearningController(bitrates: [1e6, 2e6, 4e6], rng: &rng)
        let before = c.neurons
        var selector = LoLPlusWeightSelector(segmentSeconds: 4)
        let evaluator = LoLPlusQoEEvaluator(segmentSeconds: 4, maxKbps: 4000, minKbps: 1000)
        // 0.5 − 4·4/2.5 = −5.9 < 0.3: the highest level below 4 Mbit/s and 2.5 Mbit/s is level 1.
        let r = c.nextLevel(
            throughputBitsPerSecond: 2.5e6, latencySeconds: 0, bufferSeconds: 0.5, playbackRate: 1, currentLevel: 2, selector: &selector,
            evaluator: evaluator)
        #expect(r.level == 1 && r.downshift && c.neurons == before && c.weights == nil)
        // Throughput 0: the download never ends, and no level is under 0 bit/s, so the current level stays (dash.js's guard).
        let zero = c.nextLevel(
            throughputBitsPerSecond: 0, latencySeconds: 0, bufferSeconds: 5, playbackRate: 1, currentLevel: 1, selector: &selector, evaluator: evaluator)
        #expect(zero.level == 1 && zero.downshift)
    }

    @Test("the k-means++ centres: as many as levels, drawn from the seed alone; one level gives one centre")
    func centres() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        let x = LoLPlusLearningController(bitrates: [1e6, 2e6, 4e6], rng: &a)
        let y = LoLPlusLearningController(bitrates: [1e6, 2e6, 4e6], rng: &b)
        #expect(x.sortedCenters.count == 3 && x.sortedCenters == y.sortedCenters)
        // Every centre is one of the 9 drawn points: throughput in [0, 0.872872), the rest in [0, 1).
        #expect(x.sortedCenters.allSatisfy { $0[0] >= 0 && $0[0] <= 4 / 21.0.squareRoot() && $0.dropFirst().allSatisfy { $0 >= 0 && $0 < 1 } })
        var c = SplitMix64(seed: 42)
        #expect(LoLPlusLearningController(bitrates: [1e6], rng: &c).sortedCenters.count == 1)
    }
}

@Suite struct LoLPlusPolicyTests {
    static let video = PolicyFixtures.oneTwoFour

    @Test("no estimate: keeps the level (0 at first); then decides with the safe EWMA in bit/s and scores the last segment")
    func firstDecisions() {
        var p = LoLPlusPolicy()
        let c0 = DecisionContext(
            segmentIndex: 0, time: 0, bufferSeconds: 0, maxBufferSeconds: 60, lastLevel: nil, isStartup: true, video: Self.video, history: [])
        let d0 = p.decide(c0)
        #expect(d0 == Decision(level: 0, reason: DecisionReason("lolp.no_estimate")))
        // 4 Mbit in 1.6 s = 2500 kbit/s: safe 2250 kbit/s = 2.25 Mbit/s; 10 s of buffer. The selector rules nothing out (level 2: 7.11 s,
        // B′ = 6); the top level is discouraged (4 > 2.24 Mbit/s), level 1 is nearest 2.25/4.5826 = 0.491 (0.436 vs 0.218).
        let record = DownloadRecord(segmentIndex: 0, level: 0, bytes: 500_000, requestTime: 0, latencySeconds: 0, durationSeconds: 1.6)
        let c1 = DecisionContext(
            segmentIndex: 1, time: 1.6, bufferSeconds: 10, maxBufferSeconds: 60, lastLevel: 0, isStartup: false, video: Self.video, history: [record])
        let d1 = p.decide(c1)
        #expect(d1 == Decision(level: 1, reason: DecisionReason("lolp.som", "safe_kbps", 2250)))
        // The last segment (level 0) in VOD: 4·1000 = 4000, no stall, latency 0, speed 1.
        #expect(p.lastSegmentQoE == 4000)
    }

    @Test("a live context's latency, rate and stall enter the segment's score: 4000 − 4000·0.25 − 400·2 − 1000·0.1 = 2100")
    func liveScore() {
        var p = LoLPlusPolicy()
        let record = DownloadRecord(segmentIndex: 0, level: 0, bytes: 500_000, requestTime: 0, latencySeconds: 0, durationSeconds: 1.6)
        let live = LiveContext(
            latencySeconds: 2, targetLatencySeconds: 1.5, playbackRate: 0.9, liveEdgeSeconds: 10, throughputBitsPerSecond: 2.5e6,
            lastSegmentRebufferSeconds: 0.25)
        let c = DecisionContext(
            segmentIndex: 1, time: 1.6, bufferSeconds: 10, maxBufferSeconds: 60, lastLevel: 0, isStartup: false, video: Self.video, history: [record],
            live: live)
        _ = p.decide(c)
        #expect(p.lastSegmentQoE!.isClose(to: 2100))
    }

    @Test("played through a session over a constant trace: ample bandwidth reaches the top and stays; 3 Mbit/s never takes the top")
    func session() throws {
        let video = try cbrVideo(mbps: [1, 2, 4], segmentSeconds: 4, segments: 60)
        var ample = try PlaybackSession(video: video, trace: try constantTrace(mbps: 50, latency: 0.02), policy: LoLPlusPolicy())
        let top = runChecked(&ample)
        #expect(top.segments.dropFirst(2).allSatisfy { $0.level == 2 })
        #expect(top.metrics.rebufferSeconds == 0)
        var between = try PlaybackSession(video: video, trace: try constantTrace(mbps: 3, latency: 0.02), policy: LoLPlusPolicy())
        let middle = runChecked(&between)
        // 3 Mbit/s: safe 2.7 Mbit/s; 4 Mbit/s exceeds it and takes the throughput weight 100, so the map settles on 2 Mbit/s.
        #expect(middle.segments.dropFirst(2).allSatisfy { $0.level == 1 })
        #expect(middle.metrics.rebufferSeconds == 0)
        // Deterministic: the same seed, the same session.
        var again = try PlaybackSession(video: video, trace: try constantTrace(mbps: 3, latency: 0.02), policy: LoLPlusPolicy())
        #expect(runChecked(&again).segments == middle.segments)
    }

    @Test("boundaries: a huge throughput saturates at the largest neuron and takes the top; a zero one keeps the level")
    func throughputBoundaries() {
        for (bytes, seconds, expected) in [(500_000, 1e-6, 2), (100, 10.0, 1)] {
            var p = LoLPlusPolicy()
            // First decision at level 1 by hand-set history: 4 Mbit in 1 µs (4·10¹² bit/s: normalised 8.7·10⁵ > 1, so the largest
            // neuron throughput, the top level's, which is then nearest); or 100 bytes in 10 s (0.08 kbit/s, rounded 0: the
            // download never ends, no level is under 0 bit/s, and the guard keeps level 1).
            let record = DownloadRecord(segmentIndex: 0, level: 1, bytes: bytes, requestTime: 0, latencySeconds: 0, durationSeconds: seconds)
            let c = DecisionContext(
                segmentIndex: 1, time: 1, bufferSeconds: 8, maxBufferSeconds: 60, lastLevel: 1, isStartup: false, video: Self.video, history: [record])
            let d = p.decide(c)
            #expect(d.level == expected)
            #expect(d.reason.rule == (expected == 2 ? "lolp.som" : "lolp.downshift"))
        }
    }

    @Test("one level: every decision is level 0")
    func oneLevel() throws {
        let video = try Video(constantBitrate: [Level(bitsPerSecond: 1e6)], segmentSeconds: 4, segmentCount: 30)
        for mbps in [0.5, 50] {
            var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: mbps), policy: LoLPlusPolicy())
            #expect(runChecked(&session).segments.allSatisfy { $0.level == 0 })
        }
    }

    @Test("the catalog builds it as lolp, and its aliases find it")
    func catalog() throws {
        let setup = PolicySetup(video: Self.video, trace: try constantTrace(mbps: 3))
        #expect(PolicyCatalog.entry(named: "lolp")?.make(setup).name == "lolp")
        #expect(PolicyCatalog.entry(named: "LoL+")?.name == "lolp")
    }
}
