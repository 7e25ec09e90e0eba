import ABRSimulator
import RealModule
import Testing

@Suite struct L2APolicyTests {
    /// Levels 1, 2, 4 Mbit/s (1000, 2000, 4000 kbit/s), 4 s segments.
    static let video = PolicyFixtures.oneTwoFour
    /// VL = 4^0.99 = 3.944930817973437; α = max(4, VL·√4) = 2·VL, so V/(2α) = 4/(4·VL) = 1/VL for V = 4 s.
    static let vl = 3.944930817973437

    static func context(_ segment: Int, buffer: Double, history: [DownloadRecord], live: LiveContext? = nil) -> DecisionContext {
        DecisionContext(
            segmentIndex: segment, time: Double(segment) * 10, bufferSeconds: buffer, maxBufferSeconds: 60, lastLevel: history.last?.level,
            isStartup: false, video: video, history: history, live: live)
    }

    /// A completed download of `megabits` at `level` that took `seconds` (no latency): its throughput is megabits / seconds.
    static func record(_ segment: Int, level: Int, megabits: Double, seconds: Double) -> DownloadRecord {
        DownloadRecord(
            segmentIndex: segment, level: level, bytes: Int(megabits * 125_000), requestTime: Double(segment) * 10, latencySeconds: 0, durationSeconds: seconds)
    }

    @Test("the constants are dash.js L2ARule.js's: HORIZON 4, VL = 4^0.99, REACT 2, α = max(HORIZON, VL·√HORIZON), B_target 1.5 s")
    func constants() {
        #expect(L2APolicy.horizon == 4 && L2APolicy.reactiveness == 2 && L2APolicy.targetBufferSeconds == 1.5)
        // 4^0.99 = e^(0.99 · ln 4) = e^(0.99 × 1.386294361) = e^1.372431418 = 3.944930818.
        #expect(L2APolicy.cautiousness.isClose(to: Self.vl))
        #expect(L2APolicy.stepSize.isClose(to: 2 * Self.vl))  // 7.889861636 > 4
    }

    /// Scenario A: 2500 kbit/s twice, then 4000 kbit/s; the policy after each decision.
    static func scenarioA(_ arithmetic: L2APolicy.Arithmetic) -> [(L2APolicy, Decision)] {
        var p = L2APolicy(arithmetic: arithmetic)
        var out: [(L2APolicy, Decision)] = []
        var history: [DownloadRecord] = []
        let d0 = p.decide(context(0, buffer: 0, history: history))
        out.append((p, d0))
        // Segment 0 at level 0: 4 Mbit in 1.6 s = 2500 kbit/s.
        history.append(record(0, level: 0, megabits: 4, seconds: 1.6))
        let d1 = p.decide(context(1, buffer: 4, history: history))
        out.append((p, d1))
        // Segment 1 at level 1: 8 Mbit in 3.2 s = 2500 kbit/s.
        history.append(record(1, level: 1, megabits: 8, seconds: 3.2))
        let d2 = p.decide(context(2, buffer: 4.8, history: history))
        out.append((p, d2))
        // Segment 2 at level 1: 8 Mbit in 2 s = 4000 kbit/s.
        history.append(record(2, level: 1, megabits: 8, seconds: 2))
        let d3 = p.decide(context(3, buffer: 6.8, history: history))
        out.append((p, d3))
        return out
    }

    @Test("startup: no sample keeps level 0; then the level the safe EWMA fits, and steady once the buffer holds 1.5 s (Q = VL, w one-hot)")
    func startup() {
        for arithmetic in L2APolicy.Arithmetic.allCases {
            let steps = Self.scenarioA(arithmetic)
            #expect(steps[0].1 == Decision(level: 0, reason: DecisionReason("l2a.startup.no_estimate")))
            #expect(!steps[0].0.isSteady)
            // One sample of 2500 kbit/s: the bias-corrected EWMA is 2500, safe 0.9 × 2500 = 2250 kbit/s; 2000 ≤ 2250 < 4000: level 1.
            let (p, d) = steps[1]
            #expect(d == Decision(level: 1, reason: DecisionReason("l2a.startup", "safe_kbps", 2250)))
            #expect(p.isSteady && p.lagrangeMultiplier.isClose(to: Self.vl) && p.weights == [0, 1, 0])
        }
    }

    @Test("startup waits for B_target: 1.4 s of buffer stays in startup, 1.5 s turns steady")
    func startupThreshold() {
        for (buffer, steady) in [(1.4, false), (1.5, true)] {
            var p = L2APolicy()
            let history = [Self.record(0, level: 0, megabits: 4, seconds: 1.6)]
            _ = p.decide(Self.context(1, buffer: buffer, history: history))
            #expect(p.isSteady == steady)
        }
    }

    @Test("dash.js 5 arithmetic, scenario A by hand: w, its projection, Q and the level for two steady steps")
    func steadyDashJS5() {
        let steps = Self.scenarioA(.dashJS5)
        // Step 2: c = 2500 kbit/s, V = 4 s, r = 1, w′ = (0, 1, 0), Q = VL. The step is (V/2α)(Q + VL) = (1/VL)(2VL) = 2.
        // w = (0 + 2·1000/2500, 1 + 2·2000/2500, 0 − 2·4000/2500) = (0.8, 2.6, −3.2) (4000 > 2500: sign −1).
        // Projection: sorted (2.6, 0.8, −3.2); k = 1: t = (2.6 − 1)/1 = 1.6 ≥ 0.8, so w = (0, 1, 0), and w − w′ = 0.
        // Q = max(0, VL − 4 + 4·(b·w + 0)/c) with b in bit/s: VL − 4 + 4·2,000,000/2500 = VL + 3196 = 3199.944930817973.
        // Nearest b to b·w = 2,000,000: level 1; 2000 < 2500, so no re-calibration.
        let (p2, d2) = steps[2]
        #expect(d2.level == 1 && d2.reason.rule == "l2a.steady" && d2.reason.quantity == "lagrange_q")
        #expect(p2.weights == [0, 1, 0])
        #expect(p2.lagrangeMultiplier.isClose(to: Self.vl + 3196) && d2.reason.value.isClose(to: Self.vl + 3196))
        // Step 3: c = 4000, Q + VL = 2VL + 3196, step k = (2VL + 3196)/VL = 2 + 3196/VL = 812.15; no level exceeds 4000, so all +.
        // w = (0 + k/4, 1 + k/2, 0 + k) = (203.04, 407.07, 812.15); sorted, k = 1: t = 811.15 ≥ 407.07, so w = (0, 0, 1).
        // w − w′ = (0, −1, 1); Q = (VL + 3196) − 4 + 4·(4,000,000 + 2,000,000)/4000 = VL + 9192.
        // Nearest b to 4,000,000: level 2 > 1; the one-step test b₁ = 2,000,000 bit/s ≤ 4000 fails, so level 2 stays;
        // 4000 kbit/s ≥ c: Q = REACT·max(VL, Q) = 2VL + 18384 = 18391.889861635947.
        let (p3, d3) = steps[3]
        #expect(d3.level == 2 && d3.reason.rule == "l2a.overestimate")
        #expect(p3.weights == [0, 0, 1])
        #expect(p3.lagrangeMultiplier.isClose(to: 2 * Self.vl + 18384))
    }

    @Test("dash.js 4.7.4 arithmetic (kbit/s throughout), scenario A by hand")
    func steadyDashJS4() {
        let steps = Self.scenarioA(.dashJS4)
        // Step 2: w as in dash.js 5, (0, 1, 0); Q = VL − 4 + 4·2000/2500 = VL − 0.8 = 3.144930817973437.
        let (p2, d2) = steps[2]
        #expect(d2.level == 1 && p2.weights == [0, 1, 0] && p2.lagrangeMultiplier.isClose(to: Self.vl - 0.8))
        // Step 3: k = (Q + VL)/VL = (2VL − 0.8)/VL = 2 − 0.8/VL = 1.797211; w = (k/4, 1 + k/2, k) = (0.4493, 1.8986, 1.7972).
        // Sorted (1.8986, 1.7972, 0.4493): k = 1: t = 0.8986 < 1.7972; k = 2: t = (3.6958 − 1)/2 = 1.3479 ≥ 0.4493.
        // w = (0, 1 − k/4, k/4) = (0, 0.5 + 0.2/VL, 0.5 − 0.2/VL) = (0, 0.550698, 0.449302).
        // b·w = 2000 + 500k, b·(w − w′) = 500k: Q = (VL − 0.8) − 4 + 4·(2000 + 1000k)/4000 = VL − 0.8 − 0.8/VL = 2.942139.
        // b·w = 2898.6: |2000 − 2898.6| = 898.6 < |4000 − 2898.6| = 1101.4: level 1.
        let (p3, d3) = steps[3]
        #expect(d3.level == 1 && d3.reason.rule == "l2a.steady")
        #expect(p3.weights[0] == 0 && p3.weights[1].isClose(to: 0.5 + 0.2 / Self.vl) && p3.weights[2].isClose(to: 0.5 - 0.2 / Self.vl))
        #expect(p3.lagrangeMultiplier.isClose(to: Self.vl - 0.8 - 0.8 / Self.vl))
    }

    @Test("the one-step climb, by hand: from level 0 at 4000 kbit/s the nearest level is 2; dash.js 4 climbs to 1, dash.js 5 jumps to 2")
    func oneStepClimb() {
        for (arithmetic, level, rule, q) in [
            (L2APolicy.Arithmetic.dashJS4, 1, "l2a.climb", Self.vl + 1.5), (.dashJS5, 2, "l2a.overestimate", 2 * Self.vl + 10992),
        ] {
            var p = L2APolicy(arithmetic: arithmetic)
            // 4 Mbit in 2 s = 2000 kbit/s: safe 1800 < 2000, level 0; steady with w′ = (1, 0, 0).
            var history = [Self.record(0, level: 0, megabits: 4, seconds: 2)]
            let startup = p.decide(Self.context(1, buffer: 4, history: history))
            #expect(startup.level == 0 && p.isSteady)
            // 4 Mbit in 1 s = 4000 kbit/s; step 2: w = (1 + 2·0.25, 2·0.5, 2·1) = (1.5, 1, 2); sorted (2, 1.5, 1): k = 1: t = 1 < 1.5;
            // k = 2: t = (3.5 − 1)/2 = 1.25 ≥ 1: w = (0.25, 0, 0.75). b·w = 3250 kbit/s, nearest level 2.
            // b·(w − w′) = −750 + 3000 = 2250 kbit/s. dash.js 4: Q = VL − 4 + 4·(3250 + 2250)/4000 = VL + 1.5; b₁ = 2000 ≤ 4000: level 1.
            // dash.js 5: Q = VL − 4 + 4·5,500,000/4000 = VL + 5496; 2,000,000 > 4000: level 2, and 4000 ≥ 4000: Q = 2(VL + 5496).
            history.append(Self.record(1, level: 0, megabits: 4, seconds: 1))
            let d = p.decide(Self.context(2, buffer: 7, history: history))
            #expect(d.level == level && d.reason.rule == rule)
            #expect(p.weights[0].isClose(to: 0.25) && p.weights[1] == 0 && p.weights[2].isClose(to: 0.75))
            #expect(p.lagrangeMultiplier.isClose(to: q))
        }
    }

    @Test("the playback rate scales the gradient: at rate 2, 2000 kbit/s counts as 4000 against c = 3000 and takes the − sign")
    func playbackRate() {
        var p = L2APolicy(arithmetic: .dashJS4)
        let live = LiveContext(latencySeconds: 2, targetLatencySeconds: 1.5, playbackRate: 2, liveEdgeSeconds: 20)
        // Startup as in scenario A (level 1, w′ = (0, 1, 0), Q = VL). Then 12 Mbit in 4 s = 3000 kbit/s, r = 2:
        // w = (0 + 2·2·1000/3000, 1 − 2·2·2000/3000, 0 − 2·2·4000/3000) = (1.3333, −1.6667, −5.3333): projection (1, 0, 0).
        var history = [Self.record(0, level: 0, megabits: 4, seconds: 1.6)]
        _ = p.decide(Self.context(1, buffer: 4, history: history))
        history.append(Self.record(1, level: 1, megabits: 12, seconds: 4))
        let d = p.decide(Self.context(2, buffer: 4, history: history, live: live))
        #expect(d.level == 0 && p.weights == [1, 0, 0])
        // w − w′ = (1, −1, 0); Q = max(0, VL − 4 + 4·2·(1000 + (1000 − 2000))/3000) = max(0, VL − 4 = −0.055) = 0.
        #expect(p.lagrangeMultiplier == 0)
    }

    @Test("a live context's throughput is the sample, not the record's: 8 Mbit measured at 4000 kbit/s over 2 s of data")
    func liveThroughput() {
        var p = L2APolicy()
        // The record took 8 s (the encoder's pace), but the engine measured 4 Mbit/s over the intervals that carried data:
        // safe = 0.9 × 4000 = 3600 kbit/s, level 1 (the record's own 1000 kbit/s would give level 0).
        let history = [Self.record(0, level: 0, megabits: 8, seconds: 8)]
        let live = LiveContext(latencySeconds: 3, targetLatencySeconds: 3, playbackRate: 1, liveEdgeSeconds: 8, throughputBitsPerSecond: 4e6)
        let d = p.decide(Self.context(1, buffer: 1, history: history, live: live))
        #expect(d == Decision(level: 1, reason: DecisionReason("l2a.startup", "safe_kbps", 3600)))
    }

    @Test("boundaries: throughput that rounds to 0 kbit/s picks level 0 with c = 1; huge throughput picks the top and stays")
    func throughputBoundaries() {
        var p = L2APolicy()
        // 100 bytes in 10 s = 80 bit/s = 0.08 kbit/s, rounded 0: safe 0, the lowest level.
        var history = [DownloadRecord(segmentIndex: 0, level: 0, bytes: 100, requestTime: 0, latencySeconds: 0, durationSeconds: 10)]
        let first = p.decide(Self.context(1, buffer: 4, history: history))
        #expect(first.level == 0)
        history.append(DownloadRecord(segmentIndex: 1, level: 0, bytes: 100, requestTime: 10, latencySeconds: 0, durationSeconds: 10))
        let d = p.decide(Self.context(2, buffer: 4, history: history))
        #expect(d.level == 0 && p.weights == [1, 0, 0] && p.lagrangeMultiplier.isFinite)
        var fast = L2APolicy()
        // 4 Mbit in 1 µs: 4·10¹² bit/s.
        var quick = [Self.record(0, level: 0, megabits: 4, seconds: 1e-6)]
        var levels = [fast.decide(Self.context(1, buffer: 4, history: quick)).level]
        for s in 1...5 {
            quick.append(Self.record(s, level: 2, megabits: 16, seconds: 4e-6))
            levels.append(fast.decide(Self.context(s + 1, buffer: 4, history: quick)).level)
        }
        #expect(levels == [2, 2, 2, 2, 2, 2])
    }

    @Test("one level: every decision is level 0 and w = (1)")
    func oneLevel() throws {
        let video = try Video(constantBitrate: [Level(bitsPerSecond: 1e6)], segmentSeconds: 4, segmentCount: 30)
        for mbps in [0.5, 50] {
            var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: mbps), policy: L2APolicy())
            let result = runChecked(&session)
            #expect(result.segments.allSatisfy { $0.level == 0 })
            #expect(session.policy.weights == [1])
        }
    }

    @Test("played through a session over a constant trace: ample bandwidth climbs to the top and stays; 3 Mbit/s settles at 2 Mbit/s")
    func session() throws {
        let video = try cbrVideo(mbps: [1, 2, 4], segmentSeconds: 4, segments: 60)
        for arithmetic in L2APolicy.Arithmetic.allCases {
            var ample = try PlaybackSession(video: video, trace: try constantTrace(mbps: 50, latency: 0.02), policy: L2APolicy(arithmetic: arithmetic))
            let top = runChecked(&ample)
            // Segment 0 at level 0 (no sample); then safe ≈ 0.9 × 50 Mbit/s fits the top, and every steady step keeps w = (0, 0, 1).
            #expect(top.segments.dropFirst().allSatisfy { $0.level == 2 })
            #expect(top.metrics.rebufferSeconds == 0)
            var between = try PlaybackSession(video: video, trace: try constantTrace(mbps: 3, latency: 0.02), policy: L2APolicy(arithmetic: arithmetic))
            let middle = runChecked(&between)
            // 3 Mbit/s: safe 2700 kbit/s, level 1; steady, the top level takes the − sign and w stays (0, 1, 0).
            #expect(middle.segments.dropFirst().allSatisfy { $0.level == 1 })
            #expect(middle.metrics.rebufferSeconds == 0)
        }
    }

    @Test("the catalog builds it as l2a, and its aliases find it")
    func catalog() throws {
        let setup = PolicySetup(video: Self.video, trace: try constantTrace(mbps: 3))
        #expect(PolicyCatalog.entry(named: "l2a")?.make(setup).name == "l2a")
        #expect(PolicyCatalog.entry(named: "L2A-LL")?.name == "l2a")
        #expect(!PolicyCatalog.names.contains("l2a") && PolicyCatalog.allNames.contains("l2a"))
    }
}

@Suite struct SimplexProjectionTests {
    /// The projection by bisection on the threshold t of Σ max(yᵢ − t, 0) = 1, a decreasing function of t: an independent reference.
    static func reference(_ y: [Double]) -> [Double] {
        var lo = y.min()! - 1, hi = y.max()!
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if y.reduce(0, { $0 + max($1 - mid, 0) }) > 1 { lo = mid } else { hi = mid }
        }
        return y.map { max($0 - (lo + hi) / 2, 0) }
    }

    @Test("hand cases: (0.8, 2.6, −3.2) → (0, 1, 0); (1.5, 1, 2) → (0.25, 0, 0.75); (0.2, 0.3, 0.5) unchanged; (5) → (1); ties share")
    func handCases() {
        #expect(L2APolicy.simplexProjection([0.8, 2.6, -3.2]) == [0, 1, 0])
        #expect(L2APolicy.simplexProjection([1.5, 1, 2]) == [0.25, 0, 0.75])
        let inside = L2APolicy.simplexProjection([0.2, 0.3, 0.5])
        #expect(zip(inside, [0.2, 0.3, 0.5]).allSatisfy { $0.isClose(to: $1) })
        #expect(L2APolicy.simplexProjection([5]) == [1])
        #expect(L2APolicy.simplexProjection([-7]) == [1])
        // (3, 3, 0): t = (6 − 1)/2 = 2.5 ≥ 0, so (0.5, 0.5, 0).
        #expect(L2APolicy.simplexProjection([3, 3, 0]) == [0.5, 0.5, 0])
    }

    @Test("on random vectors: sums to 1, non-negative, idempotent, and equals the bisection reference")
    func invariants() {
        var rng = SplitMix64(seed: 13)
        for trial in 0..<2000 {
            let m = 1 + trial % 8
            let scale = [0.1, 1, 10, 1000][trial % 4]
            let y = (0..<m).map { _ in (rng.nextUnit() * 2 - 1) * scale }
            let x = L2APolicy.simplexProjection(y)
            #expect(x.allSatisfy { $0 >= 0 })
            #expect(abs(x.reduce(0, +) - 1) < 1e-9)
            let again = L2APolicy.simplexProjection(x)
            #expect(zip(again, x).allSatisfy { abs($0 - $1) < 1e-12 })
            let r = Self.reference(y)
            #expect(zip(x, r).allSatisfy { abs($0 - $1) < 1e-9 * max(1, scale) }, "y = \(y)")
        }
    }
}
