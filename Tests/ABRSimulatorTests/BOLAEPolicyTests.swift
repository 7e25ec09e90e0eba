import ABRSimulator
import RealModule
import Testing

@Suite struct BOLAEPolicyTests {
    /// Levels 1, 2, 4 Mbit/s, 4 s segments, 10 segments, constant bitrate.
    static let video = PolicyFixtures.oneTwoFour
    /// γp = ln 4 / (25 s / 10 s − 1) for a 25 s buffer; V = 10 s / γp, so V·γp = 10 and V(vₘ + γp) = 10 + V·vₘ.
    static let gammaP = Double.log(4) / 1.5
    static let v = 10 / gammaP

    static func context(_ segment: Int, buffer: Double, time: Double, maxBuffer: Double = 25, video: Video = video) -> DecisionContext {
        DecisionContext(
            segmentIndex: segment, time: time, bufferSeconds: buffer, maxBufferSeconds: maxBuffer, lastLevel: nil, isStartup: false, video: video, history: [])
    }

    /// A policy past its startup decision: segment 0 (level 0, 500,000 bytes) arrived in `seconds` from t = 0,
    /// then segment 1 was decided with `buffer` seconds buffered.
    static func started(_ policy: BOLAEPolicy, firstDownloadSeconds seconds: Double, buffer: Double, maxBuffer: Double = 25) -> (BOLAEPolicy, Decision) {
        var p = policy
        _ = p.decide(context(0, buffer: 0, time: 0, maxBuffer: maxBuffer))
        p.didDownload(
            DownloadRecord(segmentIndex: 0, level: 0, bytes: 500_000, requestTime: 0, latencySeconds: 0, durationSeconds: seconds),
            context: context(1, buffer: 4, time: seconds, maxBuffer: maxBuffer))
        let decision = p.decide(context(1, buffer: buffer, time: seconds, maxBuffer: maxBuffer))
        return (p, decision)
    }

    @Test("parameters: utilities ln(R/R₀) + 1, γp and V from the 10 s minimum and a 25 s target (Sabre BolaEnh)")
    func parameters() {
        let p = BOLAEPolicy.parameters(video: Self.video, maxBufferSeconds: 25)
        #expect(abs(p.utilities[0] - 1) < 1e-12 && abs(p.utilities[2] - (1 + Double.log(4))) < 1e-12)
        #expect(abs(p.gammaP - Self.gammaP) < 1e-12 && abs(p.v - Self.v) < 1e-9)
        // A short buffer is raised to 10 s + 2 s per level: 16 s for 3 levels.
        let short = BOLAEPolicy.parameters(video: Self.video, maxBufferSeconds: 8)
        #expect(abs(short.gammaP - Double.log(4) / 0.6) < 1e-12)
    }

    @Test("startup: no estimate keeps level 0; then the throughput's level, with a placeholder so BOLA agrees")
    func startupPlaceholder() {
        var fresh = BOLAEPolicy()
        #expect(fresh.decide(Self.context(0, buffer: 0, time: 0)).reason.rule == "bolae.no_estimate")
        // 4 Mbit in 0.4 s: 10 Mbit/s sustains 4 Mbit/s (4 s × 4 / 10 = 1.6 s ≤ 4 s).
        let (policy, decision) = Self.started(BOLAEPolicy(), firstDownloadSeconds: 0.4, buffer: 4)
        #expect(decision.level == 2 && decision.reason.rule == "bolae.startup")
        // Least buffer for level 2 = V(γp + max((4·1 − 1·v₂)/3, (4·v₁ − 2·v₂)/2)) = V(γp + 1) = 10 + V; minus the 4 s held.
        #expect(abs(policy.placeholderSeconds - (10 + Self.v - 4)) < 1e-9)
        #expect(abs(policy.placeholderSeconds - 16.8202) < 1e-4)
    }

    @Test("insufficient-buffer rule: 0.9 × 0.5 s × 10 Mbit/s = 4.5 Mbit cannot fetch an 8 Mbit segment, 0.9 × 1 s × 10 can")
    func insufficientBuffer() {
        func second(buffer: Double) -> (BOLAEPolicy, Decision) {
            var (p, _) = Self.started(BOLAEPolicy(), firstDownloadSeconds: 0.4, buffer: 4)
            // Segment 1 at level 2: 2,000,000 bytes in 1.6 s (10 Mbit/s), leaving 4 − 1.6 + 4 = 6.4 s.
            p.didDownload(
                DownloadRecord(segmentIndex: 1, level: 2, bytes: 2_000_000, requestTime: 0.4, latencySeconds: 0, durationSeconds: 1.6),
                context: Self.context(2, buffer: 6.4, time: 2.0))
            let d = p.decide(Self.context(2, buffer: buffer, time: 2.0))
            return (p, d)
        }
        // Placeholder 16.82 s stays within level 2's band; effective buffer 17.32 s → BOLA picks level 1
        // (its band starts at V(γp + 1 − ln 2) = 13.32 s); 4.5 Mbit < 8 Mbit: down to level 0, placeholder cleared.
        let (low, cut) = second(buffer: 0.5)
        #expect(cut.level == 0 && cut.reason.rule == "bolae.insufficient_buffer")
        #expect(abs(cut.reason.value - 4500) < 1e-6)
        #expect(low.placeholderSeconds == 0)
        let (_, kept) = second(buffer: 1.0)
        #expect(kept.level == 1 && kept.reason.rule == "bolae.buffer")
    }

    @Test("oscillation: BOLA wants the top level on a 1 Mbit/s link; BOLA-O holds max(previous, throughput) = 0, BOLA-E steps to 1")
    func oscillation() {
        for (avoids, level, rule) in [(true, 0, "bolao.oscillation_cap"), (false, 1, "bolae.step_cap")] {
            // 4 Mbit in 4 s: 1 Mbit/s sustains only level 0, so startup takes 0 with no placeholder.
            var (p, startup) = Self.started(BOLAEPolicy(avoidsOscillation: avoids), firstDownloadSeconds: 4, buffer: 4)
            #expect(startup.level == 0 && p.placeholderSeconds == 0)
            // 24 s buffered: above level 2's least buffer (20.82 s), so BOLA alone would jump to the top.
            let d = p.decide(Self.context(2, buffer: 24, time: 4))
            #expect(d.level == level && d.reason.rule == rule)
        }
    }

    @Test("abandonment: BOLA's objective per remaining byte, hand-computed (V(γp + vₘ) = 10 + V·vₘ)")
    func abandonment() {
        var (p, _) = Self.started(BOLAEPolicy(), firstDownloadSeconds: 0.4, buffer: 4)  // placeholder 6 + V
        let ctx = Self.context(1, buffer: 1, time: 2.4)
        // 100,000 of 2,000,000 bytes after 2 s, 1 s buffered: effective buffer 1 + 6 + V = 17.82 s, 1,900,000 bytes left.
        // Keep: (35.82 − 17.82) / 1.9e6 = 9.47e-6; level 1 (1e6 bytes): (28.32 − 17.82) / 1e6 = 1.05e-5 (better);
        // level 0 (5e5 bytes): (20.82 − 17.82) / 5e5 = 6e-6.
        let slow = DownloadProgress(segmentIndex: 1, level: 2, bytesReceived: 100_000, bytesTotal: 2_000_000, elapsedSeconds: 2, bufferSeconds: 1)
        #expect(p.abandon(slow, context: ctx) == 1)
        // 1,500,000 received: 500,000 left, no smaller than level 0's whole segment, so no switch pays.
        var (q, _) = Self.started(BOLAEPolicy(), firstDownloadSeconds: 0.4, buffer: 4)
        let nearlyDone = DownloadProgress(segmentIndex: 1, level: 2, bytesReceived: 1_500_000, bytesTotal: 2_000_000, elapsedSeconds: 2, bufferSeconds: 1)
        #expect(q.abandon(nearlyDone, context: ctx) == nil)
    }

    @Test("whole sessions with abandonment on keep the player's invariants, are deterministic, and abandon on collapsing links")
    func sessions() throws {
        var rng = SplitMix64(seed: 2018)
        var abandoned = 0
        for _ in 0..<10 {
            let video = try PolicyFixtures.randomVideo(levels: 6, segments: 30, using: &rng)
            let trace = try PolicyFixtures.randomTrace(periods: 40, using: &rng)
            let configuration = PlayerConfiguration(maxBufferSeconds: 25, abandonmentCheckSeconds: 0.05)
            for policy in [BOLAEPolicy(), BOLAEPolicy(avoidsOscillation: true)] {
                var a = try PlaybackSession(video: video, trace: trace, policy: policy, configuration: configuration)
                var b = try PlaybackSession(video: video, trace: trace, policy: policy, configuration: configuration)
                let result = a.run()
                #expect(result == b.run())
                a.checkInvariants()
                abandoned += result.requests.filter(\.abandoned).count
            }
        }
        #expect(abandoned > 0)
    }
}
