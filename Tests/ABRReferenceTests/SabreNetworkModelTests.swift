import Testing

@testable import ABRReference
@testable import ABRSimulator

/// Hand-computed oracles for sabre.py's `NetworkModel` (ms, kbit/s = bit/ms, bits).
@Suite("Sabre network model")
struct SabreNetworkModelTests {
    static func movie(bitratesKbps: [Double] = [1000], segmentMs: Double = 1000) throws -> SabreMovie {
        try SabreMovie(
            segmentDurationMs: segmentMs, bitratesKbps: bitratesKbps,
            segmentSizesBits: [bitratesKbps.map { $0 * segmentMs }])
    }

    static func model(_ periods: [(durationMs: Double, kbps: Double, latencyMs: Double)], bitratesKbps: [Double] = [1000], segmentMs: Double = 1000) throws
        -> SabreNetworkModel
    {
        let network = try SabreNetwork(periods: periods.map { SabreNetwork.Period(durationMs: $0.durationMs, bandwidthKbps: $0.kbps, latencyMs: $0.latencyMs) })
        return SabreNetworkModel(network: network, movie: try movie(bitratesKbps: bitratesKbps, segmentMs: segmentMs))
    }

    @Test("a request on a constant link takes latency plus size over bandwidth")
    func constantLink() throws {
        var net = try Self.model([(10_000, 1000, 100)])
        let p = net.download(sizeBits: 500_000, segment: 0, quality: 0, bufferLevelMs: 0, abandonment: false) { _, _ in nil }
        #expect(p.timeToFirstBitMs == 100)
        #expect(p.timeMs == 600)  // 100 ms latency + 500 000 bits / 1000 bit/ms
        #expect(p.downloadedBits == 500_000)
        #expect(net.totalTimeMs == 600)
        #expect(net.timeToNextMs == 9_400)
    }

    @Test("latency is paid in units of the period it falls in: half a 100 ms latency, then half of 20 ms")
    func latencySpansPeriods() throws {
        var net = try Self.model([(50, 1000, 100), (1000, 1000, 20)])
        // 50 ms of the first period pay 50/100 of the unit; the remaining 0.5 unit costs 0.5 × 20 ms.
        #expect(net.latencyDelay(units: 1) == 60)
        #expect(net.totalTimeMs == 60)
        #expect(net.timeToNextMs == 990)
    }

    @Test("a transfer crossing a period boundary continues at the next period's rate")
    func transferAcrossPeriods() throws {
        var net = try Self.model([(100, 1000, 0), (1000, 500, 0)])
        // 100 000 bits in the first 100 ms, the other 50 000 at 500 bit/ms.
        #expect(net.transfer(sizeBits: 150_000) == 200)
        #expect(net.timeToNextMs == 900)
    }

    @Test("idle time advances the trace clock and loops the trace")
    func delayLoops() throws {
        var net = try Self.model([(100, 1000, 0), (200, 500, 0)])
        net.delay(350)  // 100 + 200, then 50 ms into the first period again
        #expect(net.totalTimeMs == 350)
        #expect(net.timeToNextMs == 50)
        #expect(net.currentPeriod.bandwidthKbps == 1000)
    }

    @Test("abandonment is offered every 50 ms of transfer when that exceeds 12 kbit")
    func abandonmentStepsByTime() throws {
        var net = try Self.model([(10_000, 1000, 0)])
        var offers: [(bits: Double, ms: Double, buffer: Double)] = []
        let p = net.download(sizeBits: 200_000, segment: 1, quality: 0, bufferLevelMs: 120, abandonment: true) { progress, buffer in
            offers.append((progress.downloadedBits, progress.timeMs, buffer))
            return nil
        }
        // 50 ms at 1000 bit/ms = 50 000 bits per step; no offer once everything has arrived.
        #expect(offers.map(\.bits) == [50_000, 100_000, 150_000])
        #expect(offers.map(\.ms) == [50, 100, 150])
        // the buffer drains while downloading, floored at 0
        #expect(offers.map(\.buffer) == [70, 20, 0])
        #expect(p.timeMs == 200 && p.abandonToQuality == nil)
    }

    @Test("the first step's 50 ms count from the request, so latency shortens it")
    func firstStepIncludesLatency() throws {
        var net = try Self.model([(10_000, 1000, 20)])
        var bits: [Double] = []
        _ = net.download(sizeBits: 200_000, segment: 1, quality: 0, bufferLevelMs: 0, abandonment: true) { progress, _ in
            bits.append(progress.downloadedBits)
            return nil
        }
        // first step: 50 − 20 = 30 ms → 30 000 bits; then 50 000 bits per step
        #expect(bits == [30_000, 80_000, 130_000, 180_000])
    }

    @Test(
        "on a slow link the 12 kbit minimum sets the step",
        arguments: [
            (kbps: 100.0, stepBits: 12_000.0, stepMs: 120.0),  // 50 ms would be 5 kbit < 12 kbit
            (kbps: 240.0, stepBits: 12_000.0, stepMs: 50.0),  // exactly 12 kbit in 50 ms
            (kbps: 250.0, stepBits: 12_500.0, stepMs: 50.0),  // 50 ms is more than 12 kbit
        ])
    func abandonmentStepsBySize(kbps: Double, stepBits: Double, stepMs: Double) throws {
        var net = try Self.model([(100_000, kbps, 0)])
        var first: (bits: Double, ms: Double)? = nil
        _ = net.download(sizeBits: 100_000, segment: 1, quality: 0, bufferLevelMs: 0, abandonment: true) { progress, _ in
            if first == nil { first = (progress.downloadedBits, progress.timeMs) }
            return nil
        }
        #expect(first?.bits == stepBits)
        #expect(first?.ms == stepMs)
    }

    @Test("an abandon answer stops the request with the bits received so far")
    func abandonStops() throws {
        var net = try Self.model([(10_000, 1000, 0)])
        let p = net.download(sizeBits: 200_000, segment: 3, quality: 1, bufferLevelMs: 0, abandonment: true) { progress, _ in
            progress.downloadedBits >= 100_000 ? 0 : nil
        }
        #expect(p.abandonToQuality == 0)
        #expect(p.downloadedBits == 100_000 && p.timeMs == 100)
    }

    @Test("during an outage only time passes; bits resume after it")
    func outage() throws {
        var net = try Self.model([(30, 1000, 0), (100, 0, 0), (10_000, 1000, 0)])
        var offers: [(bits: Double, ms: Double)] = []
        let p = net.download(sizeBits: 100_000, segment: 1, quality: 0, bufferLevelMs: 0, abandonment: true) { progress, _ in
            offers.append((progress.downloadedBits, progress.timeMs))
            return nil
        }
        // step 1: 30 000 bits in 30 ms, then the outage consumes the remaining 20 ms of the step
        #expect(offers.first?.bits == 30_000 && offers.first?.ms == 50)
        #expect(p.timeMs == 30 + 100 + 70)  // the outage delays the last 70 000 bits by 100 ms
    }

    @Test("sustainable quality: the highest bitrate within bandwidth × (1 − latency / segment)")
    func sustainableQuality() throws {
        // 500 × (1 − 200/1000) = 400 → level 2 (400 kbit/s); 300 × 0.8 = 240 → level 1
        var net = try Self.model([(100, 500, 200), (100, 300, 200), (100, 50, 0)], bitratesKbps: [100, 200, 400])
        #expect(net.sustainableQuality == 2)
        net.delay(150)
        #expect(net.sustainableQuality == 1)
        #expect(net.qualityChanges.count == 1)
        #expect(net.qualityChanges.first?.networkTimeMs == 100)
        #expect(net.qualityChanges.first?.previousQuality == 2)
        net.delay(100)
        #expect(net.sustainableQuality == 0)  // below every bitrate: level 0
    }
}
