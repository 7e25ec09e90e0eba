import Foundation
import Testing

@testable import ABRReference
@testable import ABRSimulator

/// Hand-computed oracles for sabre.py's policies (3 s segments, default configuration).
@Suite("Sabre policies")
struct SabrePolicyTests {
    static func ladder(_ bitratesKbps: [Double], segments: Int = 100) throws -> SabreLadder {
        SabreLadder(
            try SabreMovie(
                segmentDurationMs: 3000, bitratesKbps: bitratesKbps,
                segmentSizesBits: Array(repeating: bitratesKbps.map { $0 * 3000 }, count: segments)))
    }

    static func state(bufferMs: Double, throughputKbps: Double, latencyMs: Double = 0) -> SabreSessionState {
        SabreSessionState(bufferLevelMs: bufferMs, throughputKbps: throughputKbps, latencyMs: latencyMs)
    }

    @Test("throughput level: latency + segment × bitrate / throughput within one segment duration")
    func qualityFromThroughput() throws {
        let l = try Self.ladder([1000, 2000, 4000])
        // level 1 needs 300 + 3000 × 2000 / T ≤ 3000, i.e. T ≥ 2222.2
        #expect(l.qualityFromThroughput(2223, latencyMs: 300) == 1)
        #expect(l.qualityFromThroughput(2222, latencyMs: 300) == 0)
        #expect(l.qualityFromThroughput(4000, latencyMs: 0) == 2)  // exactly one segment duration
        #expect(l.qualityFromThroughput(3999, latencyMs: 0) == 1)
    }

    @Test("BOLA switches from level 0 to 1 at buffer Vp (γp − ln 2) for bitrates 1000 and 2000")
    func bolaThreshold() throws {
        let bola = SabreBola(ladder: try Self.ladder([1000, 2000]), configuration: SabreConfiguration())
        let vp = (25_000 - 3000) / (log(2.0) + 5)
        #expect(abs(bola.vp - vp) < 1e-9)
        let threshold = vp * (5 - log(2.0))  // 16 644.6 ms
        #expect(bola.qualityFromBuffer(threshold - 0.001) == 0)
        #expect(bola.qualityFromBuffer(threshold + 0.001) == 1)
    }

    @Test("BOLA shrinks its buffer near the video's start: max(min(i, N − i) / 2, 3) segments")
    func bolaFiniteVideo() throws {
        var bola = SabreBola(ladder: try Self.ladder([1000, 2000], segments: 100), configuration: SabreConfiguration())
        _ = bola.qualityDelay(segmentIndex: 1, state: Self.state(bufferMs: 0, throughputKbps: 1000))
        #expect(abs(bola.vp - (9000 - 3000) / (log(2.0) + 5)) < 1e-9)  // 3 segments = 9 s
        _ = bola.qualityDelay(segmentIndex: 20, state: Self.state(bufferMs: 0, throughputKbps: 1000))
        #expect(abs(bola.vp - (25_000 - 3000) / (log(2.0) + 5)) < 1e-9)  // 10 segments = 30 s, capped at 25 s
    }

    @Test("BOLA steps up at most one level above the throughput level")
    func bolaUpLimit() throws {
        var bola = SabreBola(ladder: try Self.ladder([1000, 2000, 4000]), configuration: SabreConfiguration())
        // at 20 s BOLA's scores favour level 2, but 1000 kbit/s sustains only level 0
        #expect(bola.qualityFromBuffer(20_000) == 2)
        let d = bola.qualityDelay(segmentIndex: 50, state: Self.state(bufferMs: 20_000, throughputKbps: 1000))
        #expect(d.quality == 1 && d.delayMs == 0)
        #expect(bola.lastQuality == 1)
    }

    @Test("BOLA abandons to the lower level with the best score when its segment is smaller than what remains")
    func bolaAbandon() throws {
        var bola = SabreBola(ladder: try Self.ladder([1000, 2000, 4000]), configuration: SabreConfiguration())
        let progress = SabreProgress(segment: 5, quality: 2, sizeBits: 12_000_000, downloadedBits: 1_000_000, timeMs: 2000, timeToFirstBitMs: 100)
        let s = Self.state(bufferMs: 10_000, throughputKbps: 1000)
        // at 10 s of buffer: remaining 11 Mbit score (Vp(γp + ln 4) − 10000) / 11e6 is below level 0's
        #expect(bola.checkAbandon(progress, bufferLevelMs: 10_000, state: s) == 0)
        #expect(bola.lastQuality == 0)  // sabre.py's Bola also resets its last level
        // nothing downloaded yet: no decision
        var fresh = progress
        fresh.downloadedBits = 0
        #expect(bola.checkAbandon(fresh, bufferLevelMs: 10_000, state: s) == nil)
    }

    @Test("BOLA-E's level-1 threshold is its minimum buffer for level 1")
    func bolaEMinBuffer() throws {
        let bolae = SabreBolaE(ladder: try Self.ladder([1000, 2000]), configuration: SabreConfiguration())
        // buffer max(10 + 2·2, 25) s = 25 s; γp = ln 2 / 1.5; Vp = 10 s / γp
        let gp = log(2.0) / 1.5
        let vp = 10_000 / gp
        let minBuffer = vp * (gp + (2000 * 1 - 1000 * (1 + log(2.0))) / 1000)
        #expect(abs(bolae.minBufferForQuality(1) - minBuffer) < 1e-6)
        #expect(bolae.minBufferForQuality(0) == 0)
        #expect(bolae.qualityFromBuffer(minBuffer - 0.001) == 0)
        #expect(bolae.qualityFromBuffer(minBuffer + 0.001) == 1)
        #expect(abs(bolae.maxBufferForQuality(0) - vp * (1 + gp)) < 1e-6)
    }

    @Test("BOLA-E's printed buffer is max(10 s + 2 s per level, 25 s)", arguments: [(10, 30_000.0), (6, 25_000.0), (8, 26_000.0)])
    func bolaEBuffer(levels: Int, bufferMs: Double) throws {
        let rates = (0..<levels).map { Double(1000 << $0) }
        let bolae = SabreBolaE(ladder: try Self.ladder(rates), configuration: SabreConfiguration())
        #expect(bolae.printedBufferMs == bufferMs)
    }

    @Test("BOLA-E starts from the throughput level with a placeholder buffer that makes BOLA agree")
    func bolaEStartup() throws {
        var bolae = SabreBolaE(ladder: try Self.ladder([1000, 2000]), configuration: SabreConfiguration())
        let d = bolae.qualityDelay(segmentIndex: 1, state: Self.state(bufferMs: 3000, throughputKbps: 5000))
        #expect(d.quality == 1 && d.delayMs == 0)
        #expect(abs(bolae.placeholderMs - (bolae.minBufferForQuality(1) - 3000)) < 1e-9)
        #expect(bolae.qualityFromBuffer(3000 + bolae.placeholderMs + 0.001) == 1)
    }

    @Test("throughput rule: 0.9 of the estimate, and the insufficient-buffer rule at low buffer")
    func throughputRule() throws {
        let l = try Self.ladder([1000, 2000, 4000])
        var rule = SabreThroughputRule(ladder: l, configuration: SabreConfiguration())
        // 0.9 × 2500 = 2250 ≥ 2000: level 1; safe size 0.9 × 19 700 × 2500 bits ≫ 6 Mbit
        #expect(rule.qualityDelay(segmentIndex: 1, state: Self.state(bufferMs: 20_000, throughputKbps: 2500, latencyMs: 300)).quality == 1)
        // 0.9 × 2200 = 1980 < 2000: level 0
        #expect(rule.qualityDelay(segmentIndex: 2, state: Self.state(bufferMs: 20_000, throughputKbps: 2200)).quality == 0)
        // 2 s of buffer: safe size 0.9 × 1700 × 2500 = 3.83 Mbit < 6 Mbit for level 1 → level 0
        var low = SabreThroughputRule(ladder: l, configuration: SabreConfiguration())
        #expect(low.qualityDelay(segmentIndex: 1, state: Self.state(bufferMs: 2000, throughputKbps: 2500, latencyMs: 300)).quality == 0)
        var noRule = SabreConfiguration()
        noRule.insufficientBufferRule = false
        var off = SabreThroughputRule(ladder: l, configuration: noRule)
        #expect(off.qualityDelay(segmentIndex: 1, state: Self.state(bufferMs: 2000, throughputKbps: 2500, latencyMs: 300)).quality == 1)
    }

    @Test("throughput rule abandons only after 500 ms and when the request would exceed 1.8 segments")
    func throughputAbandon() throws {
        var rule = SabreThroughputRule(ladder: try Self.ladder([1000, 2000, 4000]), configuration: SabreConfiguration())
        let s = Self.state(bufferMs: 10_000, throughputKbps: 3000, latencyMs: 100)
        // 1 Mbit in 500 ms after 100 ms latency: 2000 bit/ms, 11 Mbit left → 600 + 5500 ms > 5400 ms
        var slow = SabreProgress(segment: 4, quality: 2, sizeBits: 12_000_000, downloadedBits: 1_000_000, timeMs: 600, timeToFirstBitMs: 100)
        #expect(rule.checkAbandon(slow, bufferLevelMs: 10_000, state: s) == 0)  // 0.9 × 2000 sustains level 0 only
        slow.timeMs = 499
        #expect(rule.checkAbandon(slow, bufferLevelMs: 10_000, state: s) == nil)  // grace time
        let fast = SabreProgress(segment: 4, quality: 2, sizeBits: 12_000_000, downloadedBits: 5_000_000, timeMs: 600, timeToFirstBitMs: 100)
        #expect(rule.checkAbandon(fast, bufferLevelMs: 10_000, state: s) == nil)  // 600 + 700 ms
    }

    @Test("dynamic moves to BOLA above 10 s when BOLA's level is at least throughput's, and back below")
    func dynamicSwitch() throws {
        var dynamic = SabreDynamic(ladder: try Self.ladder([1000, 2000, 4000]), configuration: SabreConfiguration())
        _ = dynamic.qualityDelay(segmentIndex: 50, state: Self.state(bufferMs: 12_000, throughputKbps: 10_000))
        #expect(!dynamic.isBola)  // BOLA says 0 at 12 s, throughput says 2
        _ = dynamic.qualityDelay(segmentIndex: 51, state: Self.state(bufferMs: 12_000, throughputKbps: 1000))
        #expect(dynamic.isBola)  // both say 0
        _ = dynamic.qualityDelay(segmentIndex: 52, state: Self.state(bufferMs: 10_000, throughputKbps: 10_000))
        #expect(dynamic.isBola)  // not below 10 s
        _ = dynamic.qualityDelay(segmentIndex: 53, state: Self.state(bufferMs: 9_999, throughputKbps: 10_000))
        #expect(!dynamic.isBola)
    }

    @Test("dynamicdash: BOLA-E above 10 s, throughput below 5 s, no change in between")
    func dynamicDashHysteresis() throws {
        var dash = SabreDynamicDash(ladder: try Self.ladder([1000, 2000, 4000]), configuration: SabreConfiguration())
        let steps: [(bufferMs: Double, isBola: Bool)] = [(8000, false), (10_000, false), (10_001, true), (5000, true), (4999, false), (9000, false)]
        for (i, step) in steps.enumerated() {
            _ = dash.qualityDelay(segmentIndex: i + 1, state: Self.state(bufferMs: step.bufferMs, throughputKbps: 3000))
            #expect(dash.isBola == step.isBola, "buffer \(step.bufferMs) ms")
        }
    }
}
