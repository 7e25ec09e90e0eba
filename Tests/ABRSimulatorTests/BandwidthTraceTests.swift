import Testing

@testable import ABRSimulator

@Suite("BandwidthTrace")
struct BandwidthTraceTests {
    /// 8 Mbit/s for 1 s, an outage for 1 s, 4 Mbit/s for 2 s: 16 Mbit per 4 s loop.
    let stepped: BandwidthTrace

    init() throws {
        stepped = try BandwidthTrace(
            name: "step",
            periods: [
                TracePeriod(durationSeconds: 1, bitsPerSecond: 8e6, latencySeconds: 0.05),
                TracePeriod(durationSeconds: 1, bitsPerSecond: 0, latencySeconds: 0.1),
                TracePeriod(durationSeconds: 2, bitsPerSecond: 4e6, latencySeconds: 0.2),
            ])
    }

    @Test("constant bandwidth: n bits take n / rate seconds from any start")
    func constant() throws {
        let trace = try constantTrace(mbps: 1, seconds: 10)
        #expect(trace.transferEnd(startingAt: 0, bits: 1e6) == 1)
        #expect(trace.transferEnd(startingAt: 2.5, bits: 3e6) == 5.5)
        #expect(trace.transferEnd(startingAt: 3, bits: 0) == 3)
    }

    @Test("a transfer spans a period boundary and waits out an outage")
    func acrossOutage() {
        // 8 Mbit in the first second, nothing in the second, 4 Mbit in the third: 12 Mbit end at 3 s.
        #expect(stepped.transferEnd(startingAt: 0, bits: 12e6) == 3)
        // Starting inside the outage, the first bit flows at 2 s.
        #expect(stepped.transferEnd(startingAt: 1.5, bits: 2e6) == 2.5)
        // Exactly the first period's bits end at its end, not after the outage.
        #expect(stepped.transferEnd(startingAt: 0, bits: 8e6) == 1)
    }

    @Test("a transfer wraps around the loop, several times")
    func wraps() {
        // From 3.5 s: 2 Mbit to the loop end, then 16 Mbit per loop, then 2 Mbit at 8 Mbit/s.
        #expect(stepped.transferEnd(startingAt: 3.5, bits: 20e6).isClose(to: 8.25))
        // Three whole loops and a bit: 48 Mbit + 4 Mbit from 0 → 12 s + 0.5 s.
        #expect(stepped.transferEnd(startingAt: 0, bits: 52e6).isClose(to: 12.5))
        // Ending exactly at a loop end.
        #expect(stepped.transferEnd(startingAt: 0, bits: 16e6).isClose(to: 4))
        #expect(stepped.transferEnd(startingAt: 0, bits: 32e6).isClose(to: 8))
    }

    @Test("bits delivered integrates the rate, across loops")
    func delivered() {
        #expect(stepped.bitsDelivered(until: 0) == 0)
        #expect(stepped.bitsDelivered(until: 0.5) == 4e6)
        #expect(stepped.bitsDelivered(until: 1.7) == 8e6)
        #expect(stepped.bitsDelivered(until: 4) == 16e6)
        #expect(stepped.bitsDelivered(until: 9) == 32e6 + 8e6)
        #expect(stepped.meanBitsPerSecond == 4e6)
    }

    @Test("latency and bandwidth are those of the period in force, looping")
    func lookups() {
        #expect(stepped.latencySeconds(at: 0) == 0.05)
        #expect(stepped.latencySeconds(at: 1) == 0.1)
        #expect(stepped.latencySeconds(at: 3.99) == 0.2)
        #expect(stepped.latencySeconds(at: 4) == 0.05)
        #expect(stepped.bitsPerSecond(at: 5.5) == 0)
    }

    @Test("transferEnd inverts bitsDelivered on random traces")
    func inverse() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let periods = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                TracePeriod(
                    durationSeconds: Double.random(in: 0.1...3, using: &rng),
                    bitsPerSecond: Bool.random(using: &rng) ? 0 : Double.random(in: 1e5...1e7, using: &rng))
            }
            guard periods.contains(where: { $0.bitsPerSecond > 0 }) else { continue }
            let trace = try BandwidthTrace(periods: periods)
            let start = Double.random(in: 0...20, using: &rng)
            let bits = Double.random(in: 0...5e7, using: &rng)
            let end = trace.transferEnd(startingAt: start, bits: bits)
            #expect(end >= start)
            let got = trace.bitsDelivered(until: end) - trace.bitsDelivered(until: start)
            #expect(abs(got - bits) <= 1e-6 * max(1, bits))
            // Earliest: a moment before the end, fewer bits have arrived (unless the end is in an outage, impossible by construction).
            if bits > 0, end - start > 1e-6 {
                #expect(trace.bitsDelivered(until: end - 1e-6) - trace.bitsDelivered(until: start) < bits)
            }
        }
    }

    @Test(
        "invalid periods are rejected with the period and value named",
        arguments: [
            (TracePeriod(durationSeconds: 0, bitsPerSecond: 1), ModelError.Code.invalidPeriod),
            (TracePeriod(durationSeconds: -1, bitsPerSecond: 1), .invalidPeriod),
            (TracePeriod(durationSeconds: .nan, bitsPerSecond: 1), .invalidPeriod),
            (TracePeriod(durationSeconds: 1, bitsPerSecond: -5), .invalidPeriod),
            (TracePeriod(durationSeconds: 1, bitsPerSecond: .infinity), .invalidPeriod),
            (TracePeriod(durationSeconds: 1, bitsPerSecond: 1, latencySeconds: -0.1), .invalidPeriod),
            (TracePeriod(durationSeconds: 1, bitsPerSecond: 0), .zeroBandwidthTrace),
        ])
    func rejects(period: TracePeriod, code: ModelError.Code) {
        #expect(throws: ModelError.self) { try BandwidthTrace(name: "bad", periods: [period]) }
        do { _ = try BandwidthTrace(name: "bad", periods: [period]) } catch {
            #expect(error.code == code)
            #expect(error.message.contains("bad"))
        }
    }

    @Test("an empty trace is rejected")
    func empty() {
        #expect(throws: ModelError(.emptyTrace, "trace 'e' has no periods")) { try BandwidthTrace(name: "e", periods: []) }
    }
}
