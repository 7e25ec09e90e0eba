import Testing

@testable import ABRReference
@testable import ABRSimulator

/// The fast plan search against a literal transcription of mpc.py's enumeration.
@Suite("PensieveHorizonSearch")
struct PensieveHorizonSearchTests {
    /// mpc.py's loop, statement by statement: every combination in `itertools.product` order,
    /// truncated to the horizon, kept when `reward >= max_reward` (start −100,000,000).
    static func enumerate(
        qoe: PensieveQoE, chunkSeconds: Double, downloadSeconds: [Double], horizon: Int, startBuffer: Double, lastLevel: Int
    ) -> (levels: [Int], reward: Double)? {
        let levelCount = qoe.utilities.count
        var maxReward = -100_000_000.0
        var best: [Int]?
        let fullLength = max(horizon, 1)
        var combo = [Int](repeating: 0, count: fullLength)
        while true {
            let plan = Array(combo[0..<horizon])
            var rebuffer = 0.0, buffer = startBuffer, bitrateSum = 0.0, smoothness = 0.0
            var last = lastLevel
            for (position, level) in plan.enumerated() {
                let download = downloadSeconds[position * levelCount + level]
                if buffer < download {
                    rebuffer += download - buffer
                    buffer = 0
                } else {
                    buffer -= download
                }
                buffer += chunkSeconds
                bitrateSum += qoe.utilities[level]
                smoothness += abs(qoe.utilities[level] - qoe.utilities[last])
                last = level
            }
            let reward = bitrateSum / qoe.scale - qoe.rebufferPenalty * rebuffer - qoe.smoothPenalty * smoothness / qoe.scale
            if reward >= maxReward {
                best = plan
                maxReward = reward
            }
            // Next combination in product order (the last position fastest).
            var position = fullLength - 1
            while position >= 0 && combo[position] == levelCount - 1 {
                combo[position] = 0
                position -= 1
            }
            if position < 0 { break }
            combo[position] += 1
        }
        return best.map { ($0, maxReward) }
    }

    @Test("returns exactly the enumeration's plan and reward on random cases, ties included", arguments: 0..<8)
    func matchesEnumeration(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<60 {
            let levelCount = Int.random(in: 1...6, using: &random)
            let horizon = Int.random(in: 0...(levelCount <= 4 ? 5 : 4), using: &random)
            let qoe: PensieveQoE
            switch Int.random(in: 0..<3, using: &random) {
            case 0: qoe = .linear(kbps: Array(PensieveQoE.envivioKbps.prefix(levelCount)))
            case 1: qoe = PensieveQoE(utilities: (0..<levelCount).map { Double($0) }, scale: 1, rebufferPenalty: 1, smoothPenalty: 1)
            default:
                qoe = PensieveQoE(
                    utilities: (0..<levelCount).map { _ in Double.random(in: 0...5, using: &random) }.sorted(),
                    scale: 1, rebufferPenalty: Double.random(in: 0...8, using: &random),
                    smoothPenalty: Double.random(in: 0...2, using: &random))
            }
            // Half the cases use small integers or halves, which make exact ties common.
            let coarse = Bool.random(using: &random)
            let downloads = (0..<(horizon * levelCount)).map { _ in
                coarse ? Double(Int.random(in: 0...12, using: &random)) / 2 : Double.random(in: 0...12, using: &random)
            }
            let buffer = coarse ? Double(Int.random(in: 0...8, using: &random)) : Double.random(in: 0...30, using: &random)
            let last = Int.random(in: 0..<levelCount, using: &random)
            let expected = Self.enumerate(
                qoe: qoe, chunkSeconds: 4, downloadSeconds: downloads, horizon: horizon, startBuffer: buffer, lastLevel: last)
            let plan = PensieveHorizonSearch(qoe: qoe, chunkSeconds: 4, maxHorizon: 5)
                .best(downloadSeconds: downloads, horizon: horizon, startBufferSeconds: buffer, lastLevel: last)
            #expect(plan?.levels == expected?.levels, "levels \(levelCount) horizon \(horizon) downloads \(downloads) buffer \(buffer) last \(last)")
            #expect(plan?.reward == expected?.reward)
        }
    }

    @Test("full-size case: 6 levels, horizon 5, Pensieve's QoE, matches the 7776-plan enumeration", arguments: 0..<4)
    func matchesEnumerationFullSize(seed: UInt64) {
        var random = SplitMix64(seed: 1_000 + seed)
        for _ in 0..<10 {
            let bandwidth = Double.random(in: 0.05...3, using: &random)  // MB/s
            let downloads = (0..<5).flatMap { _ in
                let jitter = Double.random(in: 0.8...1.2, using: &random)
                return PensieveQoE.envivioKbps.map { $0 * 4 / 8 / 1000 * jitter / bandwidth }
            }
            let buffer = Double.random(in: 0...60, using: &random)
            let last = Int.random(in: 0..<6, using: &random)
            let expected = Self.enumerate(
                qoe: .linear, chunkSeconds: 4, downloadSeconds: downloads, horizon: 5, startBuffer: buffer, lastLevel: last)
            let plan = PensieveHorizonSearch(qoe: .linear, chunkSeconds: 4, maxHorizon: 5)
                .best(downloadSeconds: downloads, horizon: 5, startBufferSeconds: buffer, lastLevel: last)
            #expect(plan?.levels == expected?.levels)
            #expect(plan?.reward == expected?.reward)
            #expect((plan?.nodes ?? .max) < 3_000)
        }
    }

    /// Utilities 1 and 3, rebuffer penalty 2, buffer 1 s, downloads 0.5 s (level 0) and 2 s
    /// (level 1), last level 0. By hand: (0,0) = 2; (0,1) = 4 − 2 = 2; (1,0) = 4 − 2·1 − 4 = −2;
    /// (1,1) = 6 − 2·1 − 2 = 2. Three plans tie at 2; mpc.py keeps the last, (1,1).
    @Test("ties go to the lexicographically greatest plan, as mpc.py's `>=` over product order")
    func tieBreaking() {
        let downloads = [0.5, 2, 0.5, 2]
        let tied = PensieveQoE(utilities: [1, 3], scale: 1, rebufferPenalty: 2, smoothPenalty: 1)
        let plan = PensieveHorizonSearch(qoe: tied, chunkSeconds: 4, maxHorizon: 5)
            .best(downloadSeconds: downloads, horizon: 2, startBufferSeconds: 1, lastLevel: 0)
        #expect(plan?.levels == [1, 1])
        #expect(plan?.reward == 2)
        // With a penalty of 2.5, (1,1) scores 1.5 and (0,1) ties (0,0) at 2: (0,1) wins.
        let dearer = PensieveQoE(utilities: [1, 3], scale: 1, rebufferPenalty: 2.5, smoothPenalty: 1)
        let other = PensieveHorizonSearch(qoe: dearer, chunkSeconds: 4, maxHorizon: 5)
            .best(downloadSeconds: downloads, horizon: 2, startBufferSeconds: 1, lastLevel: 0)
        #expect(other?.levels == [0, 1])
        #expect(other?.reward == 2)
    }

    @Test("a zero horizon gives mpc.py's empty plan, whose first level is sent as 0")
    func zeroHorizon() {
        let plan = PensieveHorizonSearch(qoe: .linear, chunkSeconds: 4, maxHorizon: 5)
            .best(downloadSeconds: [], horizon: 0, startBufferSeconds: 3, lastLevel: 4)
        #expect(plan?.levels == [])
        #expect(plan?.reward == 0)
    }

    @Test("no plan below mpc.py's −100,000,000 floor is chosen")
    func rewardFloor() {
        let search = PensieveHorizonSearch(qoe: .linear, chunkSeconds: 4, maxHorizon: 5)
        // 4.3 × 3·10^7 s of stall: every plan scores about −1.3·10^8.
        let hopeless = [Double](repeating: 30_000_000, count: 12)
        #expect(search.best(downloadSeconds: hopeless, horizon: 2, startBufferSeconds: 0, lastLevel: 0) == nil)
        // 4.3 × 2·10^7 s: about −0.86·10^8, above the floor; equal downloads favour the top level.
        let bad = [Double](repeating: 10_000_000, count: 12)
        #expect(search.best(downloadSeconds: bad, horizon: 2, startBufferSeconds: 0, lastLevel: 0)?.levels == [5, 5])
    }
}
