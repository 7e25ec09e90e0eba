import Foundation
import Testing

@testable import ABRReference
@testable import ABRSimulator

/// Hand-computed oracles for sabre.py's `Ewma` (3 s and 8 s half-lives, 3 s segments).
@Suite("Sabre EWMA estimator")
struct SabreThroughputEstimatorTests {
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test("after one sample the bias-corrected estimate is that sample")
    func oneSample() {
        var e = SabreThroughputEstimator(halfLivesSeconds: [3, 8], segmentDurationMs: 3000)
        e.push(timeMs: 1234, throughputKbps: 2500, latencyMs: 80)
        #expect(Self.close(e.throughputKbps, 2500))
        #expect(Self.close(e.latencyMs, 80))
    }

    @Test("after two 3 s samples: min throughput and max latency over the two half-lives")
    func twoSamples() {
        var e = SabreThroughputEstimator(halfLivesSeconds: [3, 8], segmentDurationMs: 3000)
        e.push(timeMs: 3000, throughputKbps: 1000, latencyMs: 100)
        e.push(timeMs: 3000, throughputKbps: 4000, latencyMs: 200)
        // 3 s half-life, α = 1/2: (¼·1000 + ½·4000) / (1 − ¼) = 3000; latency (100 + 2·200) / 3.
        // 8 s half-life, α = 2^(−3/8) for both (3 s of 8 s; 1 segment of 8/3): (α·x1 + x2) / (1 + α).
        let alpha = pow(0.5, 3.0 / 8.0)
        let throughput8 = (alpha * 1000 + 4000) / (1 + alpha)
        let latency8 = (alpha * 100 + 200) / (1 + alpha)
        #expect(Self.close(e.throughputKbps, min(3000, throughput8)))
        #expect(throughput8 < 3000)  // after a rise, the slower average is the conservative one
        #expect(Self.close(e.latencyMs, max(500.0 / 3, latency8)))
        #expect(500.0 / 3 > latency8)  // after a rise in latency, the faster average is
    }

    @Test("a single half-life is a plain bias-corrected EWMA")
    func singleHalfLife() {
        var e = SabreThroughputEstimator(halfLivesSeconds: [2], segmentDurationMs: 2000)
        e.push(timeMs: 2000, throughputKbps: 800, latencyMs: 0)
        e.push(timeMs: 2000, throughputKbps: 800, latencyMs: 0)
        e.push(timeMs: 4000, throughputKbps: 2000, latencyMs: 0)
        // α = ½ for 2 s samples, ¼ for the 4 s one: a1 = 400, a2 = 600, a3 = ¼·600 + ¾·2000 = 1650;
        // bias correction over 8 s of weight: 1650 / (1 − 1/16) = 1760
        let average = 0.25 * 600 + 0.75 * 2000
        let zeroFactor = 1 - pow(0.5, 8000.0 / 2000)
        #expect(Self.close(e.throughputKbps, average / zeroFactor))
        #expect(Self.close(e.throughputKbps, 1760))
    }

    @Test("bias correction skips pow from 54 half-lives on, with libm's result", arguments: [0.5, 1, 3.7, 53, 53.999, 54, 54.5, 60, 1000])
    func zeroFactor(_ halfLives: Double) {
        #expect(SabreThroughputEstimator.zeroFactor(halfLives: halfLives) == 1 - pow(0.5, halfLives))
    }
}
