import Testing

@testable import ABRSimulator

@Suite struct MPCPlannerTests {
    /// Exhaustive enumeration in lexicographic order, keeping the first maximum: the oracle.
    static func bruteForce(_ planner: MPCPlanner, from state: MPCPlanner.State, first: Int, horizon: Int, bitsPerSecond: Double) -> MPCPlanner.Plan {
        let depth = min(horizon, planner.video.segmentCount - first)
        let levels = planner.video.levelCount
        var plan = Array(repeating: 0, count: depth)
        var best = MPCPlanner.Plan(levels: plan, reward: -.infinity)
        var total = 1
        for _ in 0..<depth { total *= levels }
        for code in 0..<total {
            var c = code
            for k in stride(from: depth - 1, through: 0, by: -1) { plan[k] = c % levels; c /= levels }
            var s = state
            var reward = 0.0
            for (k, level) in plan.enumerated() {
                let segment = first + k
                let q = planner.qoe.utility(segment: segment, level: level, video: planner.video)
                let (next, r) = planner.step(
                    s, segment: segment, utility: q,
                    downloadSeconds: planner.downloadSeconds(segment: segment, level: level, bitsPerSecond: bitsPerSecond))
                reward += r
                s = next
            }
            if reward > best.reward { best = MPCPlanner.Plan(levels: plan, reward: reward) }
        }
        return best
    }

    @Test("one step, hand-computed: a 2 Mbit/s segment at 1 Mbit/s with 3 s buffered stalls 5 s, so MPC takes the 1 Mbit/s level")
    func handComputedStep() throws {
        let levels = [Level(bitsPerSecond: 1_000_000), Level(bitsPerSecond: 2_000_000)]
        let video = try Video(constantBitrate: levels, segmentSeconds: 4, segmentCount: 3)
        let planner = MPCPlanner(video: video, qoe: .linear, maxBufferSeconds: 60, startupThresholdSeconds: 4)
        let state = MPCPlanner.State(bufferSeconds: 3, isPlaying: true, previousUtility: 1)
        // Level 1: 8 Mbit / 1 Mbit/s = 8 s, stall 5 s: 2 − 4.3·5 − |2 − 1| = −20.5; buffer 0 + 4.
        let (up, upReward) = planner.step(state, segment: 1, utility: 2, downloadSeconds: 8)
        #expect(abs(upReward - -20.5) < 1e-12)
        #expect(up.bufferSeconds == 4)
        // Level 0: 4 s, stall 1 s: 1 − 4.3 = −3.3.
        let (_, downReward) = planner.step(state, segment: 1, utility: 1, downloadSeconds: 4)
        #expect(abs(downReward - -3.3) < 1e-12)
        let plan = planner.bestPlan(from: state, first: 1, horizon: 1, bitsPerSecond: 1_000_000)
        #expect(plan.levels == [0])
    }

    @Test("a full buffer idles first: 58 s buffered with a 60 s cap leaves 56 s when the download starts")
    func idleBeforeDownload() throws {
        let video = try Video(constantBitrate: PolicyFixtures.levels(2), segmentSeconds: 4, segmentCount: 3)
        let planner = MPCPlanner(video: video, qoe: .linear, maxBufferSeconds: 60, startupThresholdSeconds: 4)
        let (next, reward) = planner.step(.init(bufferSeconds: 58, isPlaying: true, previousUtility: nil), segment: 0, utility: 0.3, downloadSeconds: 1)
        #expect(next.bufferSeconds == 59)  // 58 → idle to 56 → −1 s download → +4
        #expect(reward == 0.3)
    }

    @Test("before playback nothing drains and the wait costs only the startup penalty")
    func startupStep() throws {
        let video = try Video(constantBitrate: PolicyFixtures.levels(2), segmentSeconds: 4, segmentCount: 3)
        let qoe = QoEModel(.linear, startupPenalty: 2)
        let planner = MPCPlanner(video: video, qoe: qoe, maxBufferSeconds: 60, startupThresholdSeconds: 8)
        let (first, r1) = planner.step(.init(bufferSeconds: 0, isPlaying: false, previousUtility: nil), segment: 0, utility: 0.3, downloadSeconds: 3)
        #expect(!first.isPlaying && first.bufferSeconds == 4 && abs(r1 - (0.3 - 6)) < 1e-12)
        let (second, _) = planner.step(first, segment: 1, utility: 0.3, downloadSeconds: 3)
        #expect(second.isPlaying && second.bufferSeconds == 8)
    }

    @Test("branch and bound returns exactly what exhaustive enumeration returns (plan and reward), linear/log/hd QoE", arguments: 0..<3)
    func matchesBruteForce(qoeIndex: Int) throws {
        let qoe = PolicyFixtures.qoeModels[qoeIndex]
        var rng = SplitMix64(seed: 2015 + UInt64(qoeIndex))
        for _ in 0..<200 {
            let levelCount = Int.random(in: 2...7, using: &rng)
            let horizon = Int.random(in: 1...5, using: &rng)
            let video = try PolicyFixtures.randomVideo(levels: levelCount, segments: 8, using: &rng)
            let maxBuffer = [8.0, 20, 60].randomElement(using: &rng)!
            let planner = MPCPlanner(video: video, qoe: qoe, maxBufferSeconds: maxBuffer, startupThresholdSeconds: [4.0, 8].randomElement(using: &rng)!)
            let first = Int.random(in: 0..<video.segmentCount, using: &rng)
            let previous = Bool.random(using: &rng) ? nil : Optional(qoe.utility(segment: 0, level: Int.random(in: 0..<levelCount, using: &rng), video: video))
            let state = MPCPlanner.State(
                bufferSeconds: Double.random(in: 0...(maxBuffer - 4), using: &rng), isPlaying: Int.random(in: 0..<5, using: &rng) > 0, previousUtility: previous
            )
            let rate = Double.random(in: 200_000...8_000_000, using: &rng)
            let fast = planner.bestPlan(from: state, first: first, horizon: horizon, bitsPerSecond: rate)
            let oracle = Self.bruteForce(planner, from: state, first: first, horizon: horizon, bitsPerSecond: rate)
            #expect(fast == oracle, "levels \(levelCount) horizon \(horizon) rate \(rate)")
        }
    }

    @Test("ties go to the lexicographically smallest plan: identical levels' sizes give equal rewards")
    func tieBreaking() throws {
        // Two levels whose utilities are equal under `hd` (both below 300 kbit/s score 1): every plan ties
        // when nothing stalls, so the answer must be all zeros.
        let levels = [Level(bitsPerSecond: 100_000), Level(bitsPerSecond: 200_000)]
        let video = try Video(constantBitrate: levels, segmentSeconds: 4, segmentCount: 5)
        let planner = MPCPlanner(video: video, qoe: QoEModel(.hd), maxBufferSeconds: 60, startupThresholdSeconds: 4)
        let plan = planner.bestPlan(from: .init(bufferSeconds: 20, isPlaying: true, previousUtility: 1), first: 0, horizon: 5, bitsPerSecond: 10_000_000)
        #expect(plan.levels == [0, 0, 0, 0, 0])
        #expect(plan.reward == 5)
    }
}

@Suite struct MPCPolicyTests {
    static func record(_ segment: Int, bytes: Int, seconds: Double, at time: Double) -> DownloadRecord {
        DownloadRecord(segmentIndex: segment, level: 0, bytes: bytes, requestTime: time, latencySeconds: 0, durationSeconds: seconds)
    }

    @Test("RobustMPC divides the harmonic mean by 1 + the largest recent prediction error (hand-computed)")
    func robustDiscount() throws {
        let video = try Video(constantBitrate: PolicyFixtures.levels(6), segmentSeconds: 4, segmentCount: 10)
        var policy = MPCPolicy(robust: true)
        func context(_ i: Int) -> DecisionContext {
            DecisionContext(segmentIndex: i, time: 0, bufferSeconds: 10, maxBufferSeconds: 60, lastLevel: 0, isStartup: false, video: video, history: [])
        }
        #expect(policy.decide(context(0)).reason.rule == "robustmpc.no_estimate")
        // 1 Mbit in 1 s: 1 Mbit/s. No prediction was pending, so no error yet.
        policy.didDownload(Self.record(0, bytes: 125_000, seconds: 1, at: 0), context: context(1))
        let first = policy.decide(context(1))  // predicts 1 Mbit/s, discount 1
        #expect(abs(first.reason.value - 1000) < 1e-9)
        // Actual 0.5 Mbit/s: error |1 − 0.5| / 0.5 = 1. Harmonic mean of 1 and 0.5 = 2 / (1 + 2) = 2/3 Mbit/s.
        policy.didDownload(Self.record(1, bytes: 62_500, seconds: 1, at: 1), context: context(2))
        #expect(policy.maxRecentError == 1)
        let second = policy.decide(context(2))
        #expect(abs(second.reason.value - 2000.0 / 3 / 2) < 1e-9)  // (2/3 Mbit/s) / (1 + 1), in kbit/s
    }

    @Test("MPC plays a whole session without breaking the player's invariants, and is deterministic")
    func session() throws {
        var rng = SplitMix64(seed: 7)
        let video = try PolicyFixtures.randomVideo(levels: 6, segments: 48, using: &rng)
        let trace = try PolicyFixtures.randomTrace(periods: 60, using: &rng)
        for robust in [false, true] {
            var a = try PlaybackSession(video: video, trace: trace, policy: MPCPolicy(robust: robust))
            var b = try PlaybackSession(video: video, trace: trace, policy: MPCPolicy(robust: robust))
            let ra = a.run(), rb = b.run()
            a.checkInvariants()
            #expect(ra == rb)
            #expect(ra.segments.allSatisfy { $0.reason.rule.hasPrefix(robust ? "robustmpc." : "mpc.") })
        }
    }
}
