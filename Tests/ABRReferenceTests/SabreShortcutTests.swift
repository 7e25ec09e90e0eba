import Testing

@testable import ABRReference
@testable import ABRSimulator

/// The model's shortcuts in the abandonment checks against sabre.py's plain loops, written out
/// here independently, on seeded random offers (including ties and values near each boundary).
@Suite("Sabre abandonment shortcuts")
struct SabreShortcutTests {
    /// SplitMix64, for reproducible cases.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func pick(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let bitrates: [Double] = [230, 331, 477, 688, 991, 1427, 2056, 2962, 5027, 6000]

    /// sabre.py's loop: every lower level, `other_size < remain and other_score > score`.
    static func plainSearch(sizeBits: Double, quality: Int, targets: [Double], bufferMs: Double, remaining: Double, score initial: Double) -> Int? {
        var score = initial
        var best: Int? = nil
        for q in 0..<quality {
            let otherSize = sizeBits * bitrates[q] / bitrates[quality]
            let otherScore = (targets[q] - bufferMs) / otherSize
            if otherSize < remaining && otherScore > score {
                score = otherScore
                best = q
            }
        }
        return best
    }

    @Test("BOLA's lower-level search returns what sabre.py's full loop returns")
    func bolaSearch() {
        var g = Generator(state: 42)
        var search = SabreAbandonSearch()
        var mismatches = 0
        var abandons = 0
        for i in 0..<50_000 {
            let quality = g.pick(10)
            let sizeBits = 3000 * Self.bitrates[quality] * (0.5 + g.unit())
            let targets = Self.bitrates.indices.map { 5000 + 2000 * Double($0) + 1000 * g.unit() }
            let bufferMs = 30_000 * g.unit()
            let remaining = sizeBits * g.unit()
            // scores drawn near the candidates' own scores, so ties and near-ties are common
            let q0 = g.pick(Swift.max(quality, 1))
            let nearby = (targets[q0] - bufferMs) / (sizeBits * Self.bitrates[q0] / Self.bitrates[quality])
            let wanted = g.pick(4) == 0 ? nearby : nearby * (1 + (g.unit() - 0.5) * 1e-9) + (g.unit() - 0.5) * 1e-3 * Double(g.pick(2))
            // the current score as the policies pass it: numerator / denominator
            let denominator = remaining
            let numerator =
                g.pick(3) == 0 ? (targets[q0] - bufferMs) * (remaining / (sizeBits * Self.bitrates[q0] / Self.bitrates[quality])) : wanted * denominator
            let score = numerator / denominator
            let progress = SabreProgress(segment: i, quality: quality, sizeBits: sizeBits, downloadedBits: 1, timeMs: 1, timeToFirstBitMs: 0)
            let fast =
                search.mayAbandon(progress, bitratesKbps: Self.bitrates, below: remaining)
                ? search.bestLowerLevel(
                    targets: targets, bufferMs: bufferMs, remainingBits: remaining,
                    scoreNumerator: numerator, scoreDenominator: denominator) : nil
            let expected = Self.plainSearch(sizeBits: sizeBits, quality: quality, targets: targets, bufferMs: bufferMs, remaining: remaining, score: score)
            if expected != nil { abandons += 1 }
            if fast != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(abandons > 1000)  // the cases exercise both answers
    }

    /// sabre.py's `ThroughputRule.check_abandon`, without the pre-check.
    static func plainThroughputCheck(_ p: SabreProgress, ladder: SabreLadder, latencyMs: Double) -> Int? {
        let dlTime = p.timeMs - p.timeToFirstBitMs
        guard p.timeMs >= 500 && dlTime > 0 else { return nil }
        let tput = p.downloadedBits / dlTime
        let sizeLeft = p.sizeBits - p.downloadedBits
        let estimateTimeLeft = sizeLeft / tput
        guard p.timeMs + estimateTimeLeft > 1.8 * ladder.segmentTimeMs else { return nil }
        let quality = ladder.qualityFromThroughput(tput * 0.9, latencyMs: latencyMs)
        let estimateSize = p.sizeBits * ladder.bitratesKbps[quality] / ladder.bitratesKbps[p.quality]
        return quality >= p.quality || estimateSize >= sizeLeft ? nil : quality
    }

    @Test("the throughput rule's pre-check never changes its answer, also at the 1.8-segment limit")
    func throughputPreCheck() throws {
        let ladder = SabreLadder(
            try SabreMovie(
                segmentDurationMs: 3000, bitratesKbps: Self.bitrates,
                segmentSizesBits: [Self.bitrates.map { $0 * 3000 }]))
        var rule = SabreThroughputRule(ladder: ladder, configuration: SabreConfiguration())
        var g = Generator(state: 7)
        let state = SabreSessionState(bufferLevelMs: 10_000, throughputKbps: 1000, latencyMs: 100)
        var mismatches = 0
        var abandons = 0
        var nearLimit = 0
        for i in 0..<50_000 {
            let quality = 3 + g.pick(7)
            let sizeBits = 3000 * Self.bitrates[quality] * (0.5 + g.unit())
            let ttfb = 200 * g.unit()
            let timeMs = 500 + 2500 * g.unit()
            var downloaded = sizeBits * g.unit()
            if i % 2 == 0 {
                // the bits at which the estimated end is exactly 5400 ms, moved a few ulps either way
                let dl = timeMs - ttfb
                downloaded = sizeBits / (1 + (5400 - timeMs) / dl) * (1 + Double(g.pick(9) - 4) * 0x1p-52)
                nearLimit += 1
            }
            let p = SabreProgress(segment: 1, quality: quality, sizeBits: sizeBits, downloadedBits: downloaded, timeMs: timeMs, timeToFirstBitMs: ttfb)
            let expected = Self.plainThroughputCheck(p, ladder: ladder, latencyMs: state.latencyMs)
            if expected != nil { abandons += 1 }
            if rule.checkAbandon(p, bufferLevelMs: 0, state: state) != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(abandons > 1000)  // the cases exercise both answers
        #expect(nearLimit == 25_000)
    }
}
