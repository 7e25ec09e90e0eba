import ABRSimulator
import Testing

@Suite struct DynamicPolicyTests {
    /// Levels 1, 2, 4 Mbit/s, 4 s segments; a 60 s buffer.
    static let video = PolicyFixtures.oneTwoFour

    static func context(_ segment: Int, buffer: Double, time: Double) -> DecisionContext {
        DecisionContext(
            segmentIndex: segment, time: time, bufferSeconds: buffer, maxBufferSeconds: 60, lastLevel: nil, isStartup: false, video: video, history: [])
    }

    /// Segment 0 decided with nothing known, then 500,000 bytes in 0.4 s (10 Mbit/s), then segment 1 at `buffer`.
    static func afterFirstDownload(buffer: Double) -> (DynamicPolicy, Decision) {
        var p = DynamicPolicy()
        let first = p.decide(context(0, buffer: 0, time: 0))
        #expect(first.level == 0 && !p.usesBOLA)
        p.didDownload(
            DownloadRecord(segmentIndex: 0, level: 0, bytes: 500_000, requestTime: 0, latencySeconds: 0, durationSeconds: 0.4),
            context: context(1, buffer: 4, time: 0.4))
        let d = p.decide(context(1, buffer: buffer, time: 0.4))
        return (p, d)
    }

    @Test("switches to BOLA only above 10 s of buffer: 10.5 s switches, exactly 10 s stays with the throughput rule")
    func switchOn() {
        // Both rules pick level 2 (BOLA-E's startup: 10 Mbit/s sustains 4 Mbit/s; throughput: 0.9 × 10 = 9 Mbit/s).
        let (above, a) = Self.afterFirstDownload(buffer: 10.5)
        #expect(above.usesBOLA && a.level == 2 && a.reason.rule == "bolae.startup")
        let (at, b) = Self.afterFirstDownload(buffer: 10)
        #expect(!at.usesBOLA && b.level == 2 && b.reason.rule == "dynamic.throughput")
    }

    @Test("switches back below 10 s when BOLA picks lower: 9.5 s switches, exactly 10 s stays with BOLA")
    func switchOff() {
        // In BOLA mode after startup at 10.5 s: placeholder = V(γp + 1) − 10.5 with γp = ln 4 / 5, V = 10/γp,
        // i.e. 46.07 − 10.5 = 35.57 s. At 9.5 s the effective 45.07 s is below level 2's 46.07 s: BOLA says 1,
        // the throughput rule 2.
        var (low, _) = Self.afterFirstDownload(buffer: 10.5)
        let d = low.decide(Self.context(2, buffer: 9.5, time: 0.4))
        #expect(!low.usesBOLA && d.level == 2 && d.reason.rule == "dynamic.throughput")
        var (stay, _) = Self.afterFirstDownload(buffer: 10.5)
        let e = stay.decide(Self.context(2, buffer: 10, time: 0.4))
        #expect(stay.usesBOLA && e.level == 1 && e.reason.rule == "bolae.buffer")
    }

    @Test("abandons when the link collapses mid-download, hand-computed (dash.js AbandonRequestsRule: 1.8 × 4 s = 7.2 s)")
    func abandonmentOnCollapse() throws {
        // Levels 0.5, 1, 2 Mbit/s; 8 Mbit/s for 1.5 s, then 0.25 Mbit/s; checks every 0.5 s.
        let video = try Video(constantBitrate: [5e5, 1e6, 2e6].map { Level(bitsPerSecond: $0) }, segmentSeconds: 4, segmentCount: 3)
        let trace = try BandwidthTrace(periods: [
            TracePeriod(durationSeconds: 1.5, bitsPerSecond: 8e6), TracePeriod(durationSeconds: 1000, bitsPerSecond: 2.5e5),
        ])
        var session = try PlaybackSession(video: video, trace: trace, policy: DynamicPolicy(), configuration: PlayerConfiguration(abandonmentCheckSeconds: 0.5))
        let result = session.run()
        session.checkInvariants()
        // Segment 0: level 0, 2 Mbit in 0.25 s. Segment 1: level 2 (0.9 × 8 Mbit/s), 8 Mbit in 1 s; buffer 7 s at t = 1.25.
        #expect(result.segments.map(\.level) == [0, 2, 0])
        // Segment 2 at level 2 from t = 1.25: 2 Mbit by 1.5 s, then 0.25 Mbit/s. After e s, r = 2 + 0.25(e − 0.25) Mbit, and the
        // projected total is 8e / r s: 6.56 s at e = 2 (carry on), 7.80 s at e = 2.5 (> 7.2: abandon). Its rate 1.025 Mbit/s × 0.9
        // sustains only level 0, whose 250,000 bytes are less than the 679,687.5 left.
        let abandoned = try #require(result.requests.first { $0.abandoned })
        #expect(abandoned.segmentIndex == 2 && abandoned.level == 2)
        #expect(abs(abandoned.durationSeconds - 2.5) < 1e-9)
        #expect(abandoned.bytes == 320_312)  // 2.5625 Mbit
        #expect(result.segments[2].abandonedBytes == 320_312 && result.segments[2].reason.rule == "abandon")
        // Level 0 from t = 3.75 with 4.5 s buffered: 2 Mbit at 0.25 Mbit/s = 8 s, so a 3.5 s stall.
        #expect(abs(result.segments[2].rebufferSeconds - 3.5) < 1e-9)
        #expect(abs(result.segments[2].downloadStart - 3.75) < 1e-9)
    }
}
