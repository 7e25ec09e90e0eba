import ABRSimulator
import Testing

@Suite struct DashThroughputModelTests {
    @Test("the EWMA by hand: 2000 kbit/s over 2 s, then 4000 kbit/s over 1 s")
    func ewma() {
        var m = DashThroughputModel()
        #expect(m.averageKbps == nil && m.safeAverageKbps == nil && m.lastKbps == nil)
        m.observe(bitsPerSecond: 2e6, downloadSeconds: 2)
        // One sample: the bias correction makes it exact.
        #expect(m.averageKbps == 2000 && m.lastKbps == 2000)
        m.observe(bitsPerSecond: 4e6, downloadSeconds: 1)
        // Weights 0.0015 × 2000 ms = 3 and 0.0015 × 1000 ms = 1.5; total 4.5.
        // Fast (half-life 3): α₁ = 0.5^(3/3) = 0.5, f = 0.5·2000 = 1000; α₂ = 0.5^0.5 = 0.707107, f = 0.292893·4000 + 0.707107·1000 = 1878.68;
        // corrected f / (1 − 0.5^(4.5/3) = 0.646447) = 2906.16.
        // Slow (half-life 8): α₁ = 0.5^0.375 = 0.771105, s = 457.79; α₂ = 0.5^0.1875 = 0.878126, s = 487.50 + 401.99 = 889.49;
        // corrected s / (1 − 0.5^0.5625 = 0.322878) = 2754.94. The lower, rounded: 2755 kbit/s; safe 0.9 × 2755 = 2479.5.
        #expect(m.averageKbps == 2755 && m.lastKbps == 4000)
        #expect(m.safeAverageKbps!.isClose(to: 2479.5))
    }

    @Test("samples are rounded kbit/s (Math.round: 2.5 → 3); non-finite ones and zero durations are ignored")
    func rounding() {
        var m = DashThroughputModel()
        m.observe(bitsPerSecond: 2500, downloadSeconds: 1)
        #expect(m.lastKbps == 3)
        m.observe(bitsPerSecond: .infinity, downloadSeconds: 1)
        m.observe(bitsPerSecond: 1e6, downloadSeconds: 0)
        #expect(m.lastKbps == 3)
    }

    @Test("update takes each completed request once, leaves out its latency, and skips abandoned ones")
    func update() throws {
        let video = PolicyFixtures.oneTwoFour
        var m = DashThroughputModel()
        // 500,000 bytes = 4 Mbit, 0.5 s to first byte, 2.5 s in all: 4 Mbit / 2 s = 2000 kbit/s.
        let first = DownloadRecord(segmentIndex: 0, level: 0, bytes: 500_000, requestTime: 0, latencySeconds: 0.5, durationSeconds: 2.5)
        let abandoned = DownloadRecord(segmentIndex: 1, level: 2, bytes: 10, requestTime: 2.5, latencySeconds: 0, durationSeconds: 1, abandoned: true)
        func context(_ history: [DownloadRecord]) -> DecisionContext {
            DecisionContext(segmentIndex: 1, time: 3, bufferSeconds: 4, maxBufferSeconds: 60, lastLevel: 0, isStartup: false, video: video, history: history)
        }
        let taken = [context([]), context([first]), context([first]), context([first, abandoned])].map { m.update(from: $0) }
        #expect(taken == [false, true, false, false])
        #expect(m.lastKbps == 2000 && m.averageKbps == 2000)
    }
}
