import RealModule
import Testing

@testable import ABRSimulator

/// Pensieve's ladder, kbit/s.
let pensieveKbps: [Double] = [300, 750, 1200, 1850, 2850, 4300]

func context(buffer: Double, lastLevel: Int?, video: Video, history: [DownloadRecord] = [], maxBuffer: Double = 60) -> DecisionContext {
    DecisionContext(
        segmentIndex: history.count, time: 0, bufferSeconds: buffer, maxBufferSeconds: maxBuffer, lastLevel: lastLevel, isStartup: false, video: video,
        history: history)
}

@Suite("BBAPolicy")
struct BBAPolicyTests {
    let video: Video
    init() throws { video = try cbrVideo(mbps: pensieveKbps.map { $0 / 1000 }, segmentSeconds: 4, segments: 10) }

    @Test(
        "at and below the reservoir: lowest; at and above reservoir + cushion: highest",
        arguments: [
            (0.0, 3, 0), (5.0, 5, 0), (15.0, 0, 5), (40.0, 2, 5),
        ])
    func edges(buffer: Double, last: Int, expected: Int) {
        var bba = BBAPolicy()
        #expect(bba.decide(context(buffer: buffer, lastLevel: last, video: video)).level == expected)
    }

    @Test("in the cushion the rate moves only when f(B) passes a neighbour of the previous rate")
    func cushion() {
        var bba = BBAPolicy()
        // B = 10 s: f = 300 + 4000 × 0.5 = 2300 kbit/s.
        #expect(bba.mappedBitsPerSecond(bufferSeconds: 10, levels: video.levels) == 2_300_000)
        // From 300: R₊ = 750 ≤ f → the highest rate below f, 1850.
        #expect(bba.decide(context(buffer: 10, lastLevel: 0, video: video)).level == 3)
        // From 1850: R₊ = 2850 > f and R₋ = 1200 < f → hold.
        #expect(bba.decide(context(buffer: 10, lastLevel: 3, video: video)).level == 3)
        // From 4300: R₋ = 2850 ≥ f → the lowest rate above f, 2850.
        #expect(bba.decide(context(buffer: 10, lastLevel: 5, video: video)).level == 4)
    }

    @Test("f(B) exactly at R₊ holds; a hair above moves up")
    func exactBoundary() {
        var bba = BBAPolicy()
        // f(B) = 750 at B = 5 + 10 × 450 / 4000 = 6.125 s.
        #expect(bba.decide(context(buffer: 6.125, lastLevel: 0, video: video)).level == 0)
        #expect(bba.decide(context(buffer: 6.126, lastLevel: 0, video: video)).level == 1)
    }
}

@Suite("BOLAPolicy")
struct BOLAPolicyTests {
    @Test("below Q* = V·(5 − ln 2) segments BOLA takes level 0, above it level 1")
    func threshold() throws {
        // R = 1 and 2 Mbit/s, 1 s segments, 10 s buffer: V = 9 / (ln 2 + 5).
        let video = try cbrVideo(mbps: [1, 2], segments: 10)
        let v = 9 / (Double.log(2) + 5)
        let qStar = v * (5 - Double.log(2))
        var bola = BOLAPolicy()
        #expect(bola.decide(context(buffer: qStar - 1e-6, lastLevel: nil, video: video, maxBuffer: 10)).level == 0)
        #expect(bola.decide(context(buffer: qStar + 1e-6, lastLevel: nil, video: video, maxBuffer: 10)).level == 1)
    }
}

@Suite("ThroughputPolicy")
struct ThroughputPolicyTests {
    @Test("lowest level before any download; then the top level under 0.9 × the harmonic mean")
    func picks() throws {
        let video = try cbrVideo(mbps: [0.5, 1, 1.5, 2], segments: 10)
        var policy = ThroughputPolicy()
        #expect(policy.decide(context(buffer: 0, lastLevel: nil, video: video)).level == 0)
        // Downloads at 1, 2 and 4 Mbit/s: harmonic mean 3 / 1.75 = 1.714 Mbit/s; × 0.9 = 1.543 → 1.5 Mbit/s.
        for (i, seconds) in [1.0, 0.5, 0.25].enumerated() {
            let record = DownloadRecord(segmentIndex: i, level: 1, bytes: 125_000, requestTime: Double(i), latencySeconds: 0, durationSeconds: seconds)
            policy.didDownload(record, context: context(buffer: 1, lastLevel: 1, video: video))
        }
        let decision = policy.decide(context(buffer: 1, lastLevel: 1, video: video))
        #expect(decision.level == 2)
        #expect(decision.reason.value.isClose(to: 0.9 * 3 / 1.75 * 1000))
    }

    @Test("only the last five downloads count")
    func window() throws {
        var estimator = SlidingWindowEstimator(window: 5, mean: .harmonic)
        for rate in [1e9, 1e6, 1e6, 1e6, 1e6, 1e6] { estimator.observe(bitsPerSecond: rate) }
        #expect((estimator.bitsPerSecond ?? 0).isClose(to: 1e6))
        var arithmetic = SlidingWindowEstimator(window: 2, mean: .arithmetic)
        for rate in [5.0, 1, 3] { arithmetic.observe(bitsPerSecond: rate) }
        #expect(arithmetic.bitsPerSecond == 2)
    }
}

@Suite("EWMAEstimator")
struct EWMAEstimatorTests {
    @Test("a constant rate is estimated exactly (bias correction), and a drop shows first in the fast average")
    func estimates() {
        var ewma = EWMAEstimator()
        #expect(ewma.bitsPerSecond == nil)
        ewma.observe(bits: 4e6, seconds: 1)
        #expect(ewma.bitsPerSecond!.isClose(to: 4e6))
        ewma.observe(bits: 4e6, seconds: 2)
        let estimate = ewma.bitsPerSecond ?? 0
        #expect(estimate.isClose(to: Self.expected(samples: [(4e6, 1), (2e6, 2)])))
        #expect(estimate > 2e6 && estimate < 4e6)
    }

    /// min(fast, slow) computed directly from the definition, as an independent oracle.
    static func expected(samples: [(Double, Double)]) -> Double {
        func average(_ halfLife: Double) -> Double {
            var num = 0.0, den = 0.0
            for (rate, seconds) in samples {
                let a = Double.pow(0.5, seconds / halfLife)
                num = a * num + (1 - a) * rate
                den = a * den + (1 - a)
            }
            return num / den
        }
        return min(average(3), average(8))
    }
}

@Suite("QoEModel")
struct QoEModelTests {
    @Test(
        "HD scores follow Pensieve's table and interpolate between its points",
        arguments: [
            (300.0, 1.0), (750, 2), (1850, 12), (4300, 20), (100, 1), (10_000, 20), (1525, 7.5),
        ])
    func hd(kbps: Double, score: Double) {
        #expect(QoEModel.hdScore(kbps: kbps).isClose(to: score))
    }

    @Test("published stall penalties per utility")
    func penalties() {
        #expect(QoEModel(.linear).rebufferPenalty == 4.3)
        #expect(QoEModel(.log).rebufferPenalty == 2.66)
        #expect(QoEModel(.hd).rebufferPenalty == 8)
        #expect(QoEModel(.quality).rebufferPenalty == 100)
    }
}
