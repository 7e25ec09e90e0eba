import Testing

@testable import ABRReference
@testable import ABRSimulator

/// fixed_env.py's download, buffer and sleep rules on traces small enough to work out by hand.
@Suite("PensieveLink")
struct PensieveLinkTests {
    /// 8 Mbit/s = 1,000,000 B/s, of which 0.95 carries video: 950,000 B/s.
    static func constant(mbps: Double = 8, lines: Int = 11, spacingSeconds: Double = 1) throws -> PensieveTrace {
        try PensieveTrace(
            times: (0..<lines).map { Double($0) * spacingSeconds }, mbps: Array(repeating: mbps, count: lines))
    }

    @Test("delay = bytes / (rate × 0.95) + 80 ms RTT")
    func constantBandwidthDelay() throws {
        var link = PensieveLink(trace: try Self.constant(), configuration: PensieveConfiguration())
        let first = link.download(bytes: 190_000)  // 0.2 s
        #expect(abs(first.delayMs - 280) < 1e-9)
        let second = link.download(bytes: 1_425_000)  // 1.5 s, crossing a line
        #expect(abs(second.delayMs - 1_580) < 1e-9)
        // The RTT does not move the trace clock: 0.2 + 1.5 s of transfer.
        #expect(abs(link.clockSeconds - 1.7) < 1e-12)
        #expect(link.pointer == 2)
    }

    @Test("line i's bandwidth holds over (times[i-1], times[i]]; line 0's is never used")
    func intervalEndsAtTimestamp() throws {
        // Line 1: (0, 1] at 8 Mbit/s; line 2: (1, 2] at 16 Mbit/s (1,900,000 B/s of video).
        for lineZero in [0.0, 99.0] {
            var link = PensieveLink(trace: try PensieveTrace(times: [0, 1, 2], mbps: [lineZero, 8, 16]), configuration: PensieveConfiguration())
            // 950,000 B in line 1, then 950,000 B at 1,900,000 B/s: 1.5 s.
            let step = link.download(bytes: 1_900_000)
            #expect(abs(step.delayMs - 1_580) < 1e-9)
        }
    }

    @Test("the wrap returns to line 1 with the clock at 0, not at times[0]")
    func wrapResetsClockToZero() throws {
        let trace = try PensieveTrace(times: [0.5, 1, 2], mbps: [99, 8, 16])
        var link = PensieveLink(trace: trace, configuration: PensieveConfiguration())
        // (0.5, 1]: 475,000 B; (1, 2]: 1,900,000 B; wrap, (0, 1] at 950,000 B/s: 475,000 B in 0.5 s.
        let first = link.download(bytes: 2_850_000)
        #expect(abs(first.delayMs - 2_080) < 1e-9)
        #expect(link.pointer == 1)
        #expect(abs(link.clockSeconds - 0.5) < 1e-12)
        // Rest of line 1 (0.5 s, 475,000 B), then 1,525,000 B at 1,900,000 B/s.
        let second = link.download(bytes: 2_000_000)
        #expect(abs(second.delayMs - (500 + 1_525_000.0 / 1_900_000 * 1000 + 80)) < 1e-9)
    }

    @Test("the first chunk's whole download, RTT included, is rebuffering")
    func firstChunkRebuffers() throws {
        var link = PensieveLink(trace: try Self.constant(), configuration: PensieveConfiguration())
        let first = link.download(bytes: 190_000)
        #expect(first.rebufferSeconds == first.delayMs / 1000)
        #expect(first.bufferSeconds == 4)
        let second = link.download(bytes: 190_000)  // 280 ms out of a 4 s buffer
        #expect(second.rebufferSeconds == 0)
        #expect(abs(second.bufferSeconds - 7.72) < 1e-12)
    }

    @Test("a download longer than the buffer stalls for the difference and empties it")
    func stallEmptiesBuffer() throws {
        var link = PensieveLink(trace: try Self.constant(lines: 30), configuration: PensieveConfiguration())
        _ = link.download(bytes: 190_000)  // buffer 4 s
        let slow = link.download(bytes: 4_750_000)  // 5 s + 80 ms
        #expect(abs(slow.rebufferSeconds - 1.08) < 1e-9)
        #expect(slow.bufferSeconds == 4)
    }

    @Test("above 60 s the player sleeps whole 500 ms quanta; exactly 60 s does not sleep")
    func sleepThresholdBothSides() throws {
        var configuration = PensieveConfiguration()
        configuration.roundTripMs = 0
        var link = PensieveLink(trace: try Self.constant(lines: 101, spacingSeconds: 2), configuration: configuration)
        // Zero-byte chunks take no time, so each adds exactly 4 s.
        for _ in 0..<14 { _ = link.download(bytes: 0) }
        let fifteenth = link.download(bytes: 0)
        #expect(fifteenth.bufferSeconds == 60)
        #expect(fifteenth.sleepMs == 0)
        let sixteenth = link.download(bytes: 0)  // 64 s: drain 4 s, exactly 8 quanta
        #expect(sixteenth.bufferSeconds == 60)
        #expect(abs(link.clockSeconds - 4) < 1e-12)
    }

    @Test("sleeps round up to 500 ms and the reported sleep is what remains after crossed lines")
    func sleepRoundsUpAndReportsRemainder() throws {
        var link = PensieveLink(trace: try Self.constant(lines: 101, spacingSeconds: 2), configuration: PensieveConfiguration())
        // Zero-byte chunks: 80 ms each, buffer 4000 + (k − 1)·3920 ms after chunk k.
        for _ in 0..<14 { _ = link.download(bytes: 0) }
        let fifteenth = link.download(bytes: 0)
        #expect(fifteenth.bufferSeconds == 58.88)
        #expect(fifteenth.sleepMs == 0)
        // 62,800 ms: 2,800 ms over, rounded up to 3,000 ms of sleep. The clock sits at 0 (the
        // downloads took no trace time); the sleep crosses line 1 at 2 s and reports the last 1,000 ms.
        let sixteenth = link.download(bytes: 0)
        #expect(sixteenth.bufferSeconds == 59.8)
        #expect(sixteenth.sleepMs == 1_000)
        #expect(abs(link.clockSeconds - 3) < 1e-12)
        // 63,720 ms: 3,720 over, 4,000 ms of sleep from 3 s to 7 s, crossing 4 s and 6 s.
        let seventeenth = link.download(bytes: 0)
        #expect(seventeenth.bufferSeconds == 59.72)
        #expect(seventeenth.sleepMs == 1_000)
        #expect(abs(link.clockSeconds - 7) < 1e-12)
    }
}
