import RealModule
import Testing

@testable import ABRSimulator

/// Runs a live session step by step, checking invariants after every step.
func runChecked<P: ABRPolicy>(_ session: inout LiveSession<P>) -> SessionResult {
    while !session.isFinished {
        session.step()
        let problems = session.invariantViolations()
        precondition(problems.isEmpty, problems.joined(separator: "; "))
    }
    return session.result
}

/// A trace of constant `mbps` with an outage of `outage` seconds at `at`.
func outageTrace(mbps: Double, at: Double, outage: Double) throws -> BandwidthTrace {
    try BandwidthTrace(
        name: "outage",
        periods: [
            TracePeriod(durationSeconds: at, bitsPerSecond: mbps * 1e6), TracePeriod(durationSeconds: outage, bitsPerSecond: 0),
            TracePeriod(durationSeconds: 1000, bitsPerSecond: mbps * 1e6),
        ])
}

@Suite("LiveSession")
struct LiveSessionTests {
    @Test("catch-up off: latency stays at the target plus the startup delay, every segment waits for the live edge")
    func steadyWithoutCatchup() throws {
        // 1 s segments of 1 Mbit over 10 Mbit/s: 0.1 s each. Target 4 s (dash.js: 4 × 1 s), so
        // segment k is available at −4 + (k + 1) = k − 3; segments 0…3 at once. Playback starts
        // when segment 0 arrives (0.1 s), at media 0: latency 4.1 s, and at rate 1 it stays so.
        let video = try cbrVideo(mbps: [1], segments: 30)
        var session = try LiveSession(
            video: video, trace: try constantTrace(mbps: 10), policy: FixedPolicy(level: 0), live: LiveConfiguration(catchup: .off))
        session.step()
        // At 0.1 s the encoder has produced media to 4.1 s; the newest complete segment ends at 4.
        #expect(session.liveEdgeSeconds == 4)
        let result = runChecked(&session)
        #expect(result.metrics.startupDelaySeconds.isClose(to: 0.1))
        #expect(result.metrics.rebufferSeconds == 0)
        #expect(result.segments.map { $0.live!.availabilitySeconds } == (0..<30).map { Double($0) - 3 })
        // Segments 4… are requested when they become available.
        #expect(result.segments[4...].allSatisfy { $0.downloadStart.isClose(to: $0.live!.availabilitySeconds) })
        let live = try #require(result.live)
        #expect(live.meanLatencySeconds.isClose(to: 4.1, tolerance: 1e-9))
        #expect(live.p95LatencySeconds.isClose(to: 4.1, tolerance: 1e-9))
        #expect(live.secondsAboveRealTime == 0 && live.secondsBelowRealTime == 0)
        #expect(live.seeks == 0)
        // Live QoE per segment (R = R_min = R_max = 1000 kbit/s, d = 1, latency 4.1 s, rate 1):
        // LoL+ 1000 − 0.1 × 1000 × 4.1 − 1000 × 0 = 590; NQoE 1000 − 0.01 × 4.1 − 1000 × 1 = −0.041.
        #expect(live.qoeLoLP.isClose(to: 30 * 590))
        #expect(live.qoeNQoE.isClose(to: 30 * -0.041))
    }

    @Test("default catch-up: latency settles at the target")
    func settlesAtTarget() throws {
        // As above, but the controller removes the 0.1 s excess: Δ = 0.1 gives
        // 1 + 0.5·tanh(0.25) = 1.1224 > 1 + 0.02, so it speeds up; the latency then stays within
        // the band the 0.02 minimum change allows: the sigmoid's slope at 0 is 0.5 × 2.5 = 1.25/s,
        // so the rate holds until Δ moves by 0.02 ÷ 1.25 = 0.016 s, plus one 0.25 s check at ≤ 2 %
        // → |Δ| ≤ 0.016 + 0.005 ≈ 0.021 s.
        let video = try cbrVideo(mbps: [1], segments: 60)
        var session = try LiveSession(video: video, trace: try constantTrace(mbps: 10), policy: FixedPolicy(level: 0))
        let result = runChecked(&session)
        let late = session.latencySamples.suffix(100)
        #expect(late.allSatisfy { abs($0 - 4) <= 0.025 }, "\(late)")
        #expect(result.metrics.rebufferSeconds == 0)
        #expect(try #require(result.live).secondsAboveRealTime > 0)
    }

    @Test("a 5 s outage: a stall, then catch-up at the sigmoid's rate, reaching the target as computed")
    func outageThenCatchup() throws {
        // 1 s segments of 1 Mbit over 1000 Mbit/s (1 ms each), out from 20 s to 25 s. Target 4 s.
        // Before: playback from 0.001 s at latency 4.001 (Δ = 0.001 proposes 1.00125, under the
        // 0.02 minimum change: rate 1). Segment 22 (available at 19 s) ends media 23; segment 23,
        // requested at 20 s, arrives at 25.001 s. The buffer, 23 − 19.999 = 3.001 s, runs out at
        // 23.001 s: a stall of 2 s; latency 4.001 + 2 = 6.001, Δ0 = 2.001. The rate stays 1 until the buffer exceeds 4 ÷ 2 (the
        // backlog, segments 24…28, arrives by 25.006 s); the check at 25.25 s sets
        // 1 + 0.5·tanh(2.5 × 2.001) = 1.49991. From then dΔ/dt = −0.5·tanh(2.5Δ), whose solution
        // is sinh(2.5Δ) = sinh(2.5Δ0)·e^(−1.25t): Δ falls to 0.05 in
        // ln(sinh(5.0025) ÷ sinh(0.125)) ÷ 1.25 = ln(74.39 ÷ 0.12533) ÷ 1.25 = 5.11 s, i.e. at about
        // 30.36 s. The session holds each rate for a 0.25 s check and changes it only by ≥ 0.02,
        // so it reaches 0.05 within a check or two of that; the exact recurrence
        // Δ' = Δ − (r − 1) × 0.25 is checked sample by sample.
        let video = try cbrVideo(mbps: [1], segments: 60)
        var session = try LiveSession(video: video, trace: try outageTrace(mbps: 1000, at: 20, outage: 5), policy: FixedPolicy(level: 0))
        let result = runChecked(&session)
        #expect(result.stalls.count == 1)
        let stall = try #require(result.stalls.first)
        #expect(stall.start.isClose(to: 23.001, tolerance: 1e-6))
        #expect(stall.durationSeconds.isClose(to: 2, tolerance: 1e-6))
        #expect(stall.segmentIndex == 23)
        // Samples are taken at checks k × 0.25 s from the first check after playback started (0.25 s).
        let samples = session.latencySamples
        let at = { (t: Double) in samples[Int((t / 0.25).rounded()) - 1] }
        #expect(at(25.25).isClose(to: 6.001, tolerance: 1e-6))
        // The recurrence on paper, with dash.js's hold rule.
        var latency = 6.001, rate = 1.0, t = 25.25
        var reached: Double?
        while t < 40 {
            #expect(at(t).isClose(to: latency, tolerance: 1e-6), "latency at \(t) s")
            let delta = latency - 4
            let cpr = 0.5  // |min| = max = 0.5 by default
            let proposed = 1 - cpr + 2 * cpr / (1 + Double.exp(-5 * delta))
            if proposed == 1 || abs(proposed - rate) >= 0.02 { rate = proposed }
            latency -= (rate - 1) * 0.25
            t += 0.25
            if reached == nil, latency - 4 <= 0.05 { reached = t }
        }
        let when = try #require(reached)
        #expect(abs(when - 30.36) <= 0.5, "reached 4.05 s at \(when) s")
    }

    @Test("drifting past 12 s seeks to live and skips the media in between")
    func seekToLive() throws {
        // As the outage test, out from 20 s to 40 s: the stall runs from 23.001 s to 40.001 s, when
        // segment 23 arrives and latency is 40.001 + 4 − 23 = 21.001 s, 17.001 s over the target
        // (> 12 s). Before the next request the player seeks to 40.001: 17.001 s skipped, and the
        // next request is for segment 40.
        let video = try cbrVideo(mbps: [1], segments: 60)
        var session = try LiveSession(video: video, trace: try outageTrace(mbps: 1000, at: 20, outage: 20), policy: FixedPolicy(level: 0))
        let result = runChecked(&session)
        let live = try #require(result.live)
        #expect(live.seeks == 1)
        #expect(live.skippedSeconds.isClose(to: 17.001, tolerance: 1e-6))
        #expect(result.seeks.first?.fromSeconds.isClose(to: 23, tolerance: 1e-9) == true)
        let indices = result.segments.map(\.index)
        #expect(indices == Array(0...23) + Array(40..<60))
        #expect(result.metrics.playbackSeconds.isClose(to: 60 - 17.001, tolerance: 1e-6))
    }

    @Test("parts: bytes wait for the encoder, throughput is measured over the data-bearing intervals")
    func partsWaitForTheEncoder() throws {
        // 2 s segments in 0.5 s parts of 0.5 Mbit (1 Mbit/s), over 10 Mbit/s: 0.05 s per part.
        // Target 1.5 s: segment 0 may be requested at −1.5 + 0.5 = −1 (its first part exists), so
        // at 0; its parts exist from −1, −0.5, 0 and 0.5 s. Parts 0…2 arrive at 0.05, 0.10, 0.15;
        // part 3 flows from 0.5 to 0.55. Measured: parts 0…2 give 0.5 Mbit ÷ 0.05 s = 10 Mbit/s
        // each, so the policy's record lasts 2 Mbit ÷ 10 Mbit/s = 0.2 s (ending at 0.55 s), not the
        // 0.55 s the request took. Playback
        // starts with the first part (0.05 s) at latency 1.55 s.
        let segments = 10
        let parts = Array(repeating: [Array(repeating: 62_500, count: 4)], count: segments)
        let video = try Video(
            levels: [Level(bitsPerSecond: 1e6)], segmentSeconds: 2, segmentBytes: Array(repeating: [250_000], count: segments), parts: (0.5, parts))
        var session = try LiveSession(
            video: video, trace: try constantTrace(mbps: 10), policy: FixedPolicy(level: 0),
            live: LiveConfiguration(targetLatencySeconds: 1.5, partSeconds: 0.5, catchup: .off))
        let result = runChecked(&session)
        let first = result.segments[0]
        #expect(first.live!.availabilitySeconds == -1)
        #expect(first.downloadSeconds.isClose(to: 0.55))
        #expect(result.requests[0].durationSeconds.isClose(to: 0.2))
        #expect(result.requests[0].endTime.isClose(to: 0.55), "the policy's record ends with the last byte")
        #expect(first.live!.throughputBitsPerSecond.isClose(to: 10e6))
        #expect(result.metrics.startupDelaySeconds.isClose(to: 0.05))
        #expect(try #require(result.live).meanLatencySeconds.isClose(to: 1.55))
        #expect(result.metrics.rebufferSeconds == 0)
    }

    @Test("every decision gets the live context, worked by hand")
    func liveContext() throws {
        // The parts setup above. Decision 0 at 0 s: latency 0 + 1.5 − 0 = 1.5, live edge 1.5, no
        // throughput yet. Segment 1 is available at −1.5 + 2 + 0.5 = 1 s; playback runs from
        // 0.05 s at rate 1, so at 1 s the playhead is at 0.95: latency 1.55, live edge 2.5,
        // throughput 10 Mbit/s (segment 0's parts).
        struct Recorder: ABRPolicy {
            var seen: [LiveContext?] = []
            var name: String { "recorder" }
            mutating func decide(_ context: DecisionContext) -> Decision {
                seen.append(context.live)
                return Decision(level: 0, reason: DecisionReason("record"))
            }
        }
        let parts = Array(repeating: [Array(repeating: 62_500, count: 4)], count: 3)
        let video = try Video(
            levels: [Level(bitsPerSecond: 1e6)], segmentSeconds: 2, segmentBytes: Array(repeating: [250_000], count: 3), parts: (0.5, parts))
        var session = try LiveSession(
            video: video, trace: try constantTrace(mbps: 10), policy: Recorder(),
            live: LiveConfiguration(targetLatencySeconds: 1.5, partSeconds: 0.5, catchup: .off))
        _ = runChecked(&session)
        let first = try #require(session.policy.seen[0]), second = try #require(session.policy.seen[1])
        #expect(first == LiveContext(latencySeconds: 1.5, targetLatencySeconds: 1.5, playbackRate: 1, liveEdgeSeconds: 1.5, partSeconds: 0.5))
        #expect(second.latencySeconds.isClose(to: 1.55) && second.liveEdgeSeconds.isClose(to: 2.5))
        #expect(second.throughputBitsPerSecond?.isClose(to: 10e6) == true)
        #expect(second.lastSegmentRebufferSeconds == 0 && second.partSeconds == 0.5)
    }

    @Test("existing policies run unchanged in live mode", arguments: ["throughput", "bola", "dynamic", "mpc", "bba"])
    func existingPoliciesRunUnchanged(name: String) throws {
        let entry = try #require(PolicyCatalog.entry(named: name))
        let trace = try BandwidthTrace(
            name: "steps",
            periods: [
                TracePeriod(durationSeconds: 7, bitsPerSecond: 3e6, latencySeconds: 0.04), TracePeriod(durationSeconds: 3, bitsPerSecond: 0.4e6),
                TracePeriod(durationSeconds: 4, bitsPerSecond: 0), TracePeriod(durationSeconds: 9, bitsPerSecond: 6e6, latencySeconds: 0.02),
            ])
        let video = try cbrVideo(mbps: [0.3, 0.75, 1.2, 2.85], segmentSeconds: 2, segments: 40)
        var session = try LiveSession(video: video, trace: trace, policy: AnyPolicy(entry.make(PolicySetup(video: video, trace: trace))))
        let result = runChecked(&session)
        #expect(result.segments.count + Int((result.live!.skippedSeconds / 2).rounded(.down)) <= 40)
        #expect(result.failure == nil)
        #expect(result.metrics.nonFiniteFields.isEmpty && result.live!.nonFiniteFields.isEmpty)
    }

    @Test("bad live settings are refused before any work")
    func validation() throws {
        let video = try cbrVideo(mbps: [1], segmentSeconds: 2, segments: 3)
        let player = PlayerConfiguration()
        #expect(throws: ModelError.self) { try LiveConfiguration(partSeconds: 0.5).validate(for: video, player: player) }
        #expect(throws: ModelError.self) { try LiveConfiguration(partSeconds: 3).validate(for: video, player: player) }
        #expect(throws: ModelError.self) { try LiveConfiguration(targetLatencySeconds: 0).validate(for: video, player: player) }
        #expect(throws: ModelError.self) { try LiveConfiguration(maxPlaybackRate: 2.5).validate(for: video, player: player) }
        #expect(throws: ModelError.self) { try LiveConfiguration().validate(for: video, player: PlayerConfiguration(abandonmentCheckSeconds: 0.05)) }
        let parts = Array(repeating: [Array(repeating: 62_500, count: 4)], count: 3)
        let chunked = try Video(
            levels: [Level(bitsPerSecond: 1e6)], segmentSeconds: 2, segmentBytes: Array(repeating: [250_000], count: 3), parts: (0.5, parts))
        #expect(throws: ModelError.self) { try LiveConfiguration(targetLatencySeconds: 0.4, partSeconds: 0.5).validate(for: chunked, player: player) }
        #expect(throws: ModelError.self) { try LiveConfiguration(partSeconds: 1).validate(for: chunked, player: player) }
        try LiveConfiguration(targetLatencySeconds: 0.5, partSeconds: 0.5).validate(for: chunked, player: player)
        // dash.js's default: 4 × the segment duration.
        #expect(LiveConfiguration().targetLatency(for: video) == 8)
    }
}

@Suite("CatchupController")
struct CatchupControllerTests {
    let target = 4.0

    @Test("the default sigmoid by hand: rate = 1 + cpr·tanh(2.5Δ)")
    func sigmoid() {
        let c = CatchupController(configuration: LiveConfiguration(), targetLatencySeconds: target)
        // (1 − cpr) + 2cpr ÷ (1 + e^(−5Δ)) = 1 + cpr·tanh(5Δ ÷ 2); tanh(0.5) = 0.46211716.
        #expect(c.sigmoidRate(delta: 0) == 1)
        #expect(c.sigmoidRate(delta: 0.2).isClose(to: 1 + 0.5 * 0.46211715726000974))
        #expect(c.sigmoidRate(delta: -0.2).isClose(to: 1 - 0.5 * 0.46211715726000974))
        #expect(c.sigmoidRate(delta: 100) == 1.5)
        #expect(c.minimumRateChange.isClose(to: 0.02))
        // dash.js's widest setting, max offset 1 (rate 2): the minimum change scales to 0.04.
        let wide = CatchupController(configuration: LiveConfiguration(maxPlaybackRate: 2), targetLatencySeconds: target)
        #expect(wide.minimumRateChange.isClose(to: 0.04))
        #expect(wide.sigmoidRate(delta: 100) == 2)
    }

    @Test("changes under 0.02 are not applied, a return to exactly 1 always is")
    func minimumChange() {
        var c = CatchupController(configuration: LiveConfiguration(), targetLatencySeconds: target)
        // Δ = 0.01: 1 + 0.5·tanh(0.025) = 1.0125 — a change of 0.0125 < 0.02: held at 1.
        #expect(c.evaluate(latencySeconds: 4.01, bufferSeconds: 3, isStalled: false) == 1)
        // Δ = 0.02: 1.02499 — applied.
        #expect(c.evaluate(latencySeconds: 4.02, bufferSeconds: 3, isStalled: false).isClose(to: 1 + 0.5 * Double.tanh(0.05)))
        // Δ = 0 proposes exactly 1: applied although the change is 0.025.
        #expect(c.evaluate(latencySeconds: 4, bufferSeconds: 3, isStalled: false) == 1)
    }

    @Test("after an empty buffer, no catch-up until the buffer exceeds target ÷ 2")
    func recovery() {
        var c = CatchupController(configuration: LiveConfiguration(), targetLatencySeconds: target)
        c.bufferDidEmpty()
        #expect(c.evaluate(latencySeconds: 7, bufferSeconds: 2, isStalled: false) == 1)  // 2 ≤ 4 ÷ 2
        #expect(c.evaluate(latencySeconds: 7, bufferSeconds: 2.01, isStalled: false) > 1.49)
    }

    @Test("LoL+ mode: slows down below playbackBufferMin, rate 1 within 2 % of the target")
    func lolp() {
        var c = CatchupController(configuration: LiveConfiguration(catchup: .lolp), targetLatencySeconds: target)
        // Buffer 0.3 < 0.5: Δbuffer = −0.2 → 1 − 0.5·tanh(0.5) = 0.76894.
        #expect(c.evaluate(latencySeconds: 4, bufferSeconds: 0.3, isStalled: false).isClose(to: 1 - 0.5 * 0.46211715726000974))
        // |4.07 − 4| = 0.07 ≤ 0.02 × 4 = 0.08: back to 1.
        #expect(c.evaluate(latencySeconds: 4.07, bufferSeconds: 1, isStalled: false) == 1)
        // 4.09: outside the band, the latency sigmoid.
        #expect(c.evaluate(latencySeconds: 4.09, bufferSeconds: 1, isStalled: false).isClose(to: 1 + 0.5 * Double.tanh(0.225)))
    }

    @Test("catch-up off keeps real time")
    func off() {
        var c = CatchupController(configuration: LiveConfiguration(catchup: .off), targetLatencySeconds: target)
        #expect(c.evaluate(latencySeconds: 10, bufferSeconds: 5, isStalled: false) == 1)
    }
}

@Suite("LiveThroughput")
struct LiveThroughputTests {
    @Test("the mean of the parts but the last; encoder waits between parts are not counted")
    func perPart() {
        // 1 Mbit in 0.1 s and in 0.1 s after a 0.4 s wait: 10 Mbit/s each; the last part is ignored.
        let parts = [
            LiveThroughput.Interval(bits: 1e6, first: 0, last: 0.1), LiveThroughput.Interval(bits: 1e6, first: 0.5, last: 0.6),
            LiveThroughput.Interval(bits: 1e6, first: 1, last: 1.5),
        ]
        #expect(LiveThroughput.measured(parts).isClose(to: 1e7))
    }

    @Test("parts of ≤ 1 ms are pooled from the first one's start until the pool spans > 1 ms")
    func pooling() {
        // Three 0.5 ms parts of 8 kbit: the pool reaches 1.5 ms at the third: 24 kbit ÷ 1.5 ms = 16 Mbit/s.
        let parts =
            (0..<3).map { LiveThroughput.Interval(bits: 8000, first: Double($0) * 0.0005, last: Double($0 + 1) * 0.0005) }
            + [LiveThroughput.Interval(bits: 8000, first: 1, last: 2)]
        #expect(LiveThroughput.measured(parts).isClose(to: 16e6))
    }

    @Test("fewer than two parts besides the last: all bits over the summed data time")
    func fallback() {
        let parts = [LiveThroughput.Interval(bits: 1e6, first: 0, last: 0.1), LiveThroughput.Interval(bits: 3e6, first: 0.5, last: 0.8)]
        #expect(LiveThroughput.measured(parts).isClose(to: 4e6 / 0.4))
        #expect(LiveThroughput.measured([LiveThroughput.Interval(bits: 0, first: 1, last: 1)]) == .infinity)
    }
}

@Suite("LiveSession properties")
struct LiveSessionPropertyTests {
    /// A random trace with outages, a random VBR video with parts, random live settings.
    struct Case: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var testDescription: String { "seed \(seed)" }
    }

    static func random(_ seed: UInt64) throws -> (Video, BandwidthTrace, LiveConfiguration) {
        var rng = SplitMix64(seed: seed)
        let periods = (0..<(5 + Int(rng.next() % 20))).map { _ in
            let outage = rng.nextUnit() < 0.15
            return TracePeriod(
                durationSeconds: 0.5 + rng.nextUnit() * 8, bitsPerSecond: outage ? 0 : 2e5 + rng.nextUnit() * 8e6, latencySeconds: rng.nextUnit() * 0.1)
        }
        let trace = try BandwidthTrace(name: "random-\(seed)", periods: periods + [TracePeriod(durationSeconds: 1, bitsPerSecond: 1e6)])
        let segmentSeconds = [1.0, 2, 4][Int(rng.next() % 3)]
        let partSeconds = [segmentSeconds / 4, segmentSeconds / 2, segmentSeconds][Int(rng.next() % 3)]
        let partCount = VideoParts.partCount(segmentSeconds: segmentSeconds, partSeconds: partSeconds)
        let rates = [3e5, 7.5e5, 1.2e6, 2.85e6]
        var sizes: [[Int]] = [], parts: [[[Int]]] = []
        for _ in 0..<(10 + Int(rng.next() % 30)) {
            var row: [Int] = [], partRow: [[Int]] = []
            for r in rates {
                let split = (0..<partCount).map { _ in Int(r * partSeconds / 8 * (0.5 + rng.nextUnit())) }
                partRow.append(split)
                row.append(split.reduce(0, +))
            }
            sizes.append(row)
            parts.append(partRow)
        }
        let usesParts = rng.next() % 2 == 0
        let video = try Video(
            levels: rates.map { Level(bitsPerSecond: $0) }, segmentSeconds: segmentSeconds, segmentBytes: sizes, parts: (partSeconds, parts))
        let target = usesParts ? partSeconds * (1 + rng.nextUnit() * 6) : segmentSeconds * (0.5 + rng.nextUnit() * 4)
        let mode = LiveConfiguration.CatchupMode.allCases[Int(rng.next() % 3)]
        let live = LiveConfiguration(
            targetLatencySeconds: target, partSeconds: usesParts ? partSeconds : nil, catchup: mode, maxDriftSeconds: 3 + rng.nextUnit() * 12,
            maxPlaybackRate: 1.2 + rng.nextUnit() * 0.8)
        return (video, trace, live)
    }

    @Test("invariants hold after every step for every built-in policy, and a rerun is identical", arguments: (1...12).map { Case(seed: $0) })
    func invariants(_ c: Case) throws {
        let (video, trace, live) = try Self.random(c.seed)
        for entry in PolicyCatalog.entries {
            let setup = PolicySetup(video: video, trace: trace)
            var session = try LiveSession(video: video, trace: trace, policy: AnyPolicy(entry.make(setup)), live: live)
            let result = runChecked(&session)
            #expect(result.failure == nil, "\(entry.name)")
            #expect(result.metrics.nonFiniteFields.isEmpty && result.live!.nonFiniteFields.isEmpty, "\(entry.name)")
            // Every media second is fetched and either played or skipped.
            #expect((result.metrics.playbackSeconds + result.live!.skippedSeconds).isClose(to: video.durationSeconds, tolerance: 1e-9), "\(entry.name)")
            var again = try LiveSession(video: video, trace: trace, policy: AnyPolicy(entry.make(setup)), live: live)
            #expect(again.run() == result, "\(entry.name) is deterministic")
        }
    }
}

@Suite("LiveQoE")
struct LiveQoETests {
    let video: Video

    init() throws { video = try cbrVideo(mbps: [0.3, 0.75, 1.2, 2.85], segmentSeconds: 2, segments: 2) }

    @Test("LoL+'s evaluator by hand: d·R − |ΔR| − R_max·stall − w_L·L − R_min·|1 − rate|")
    func lolp() {
        let q = LiveQoE.lolp(video: video)
        // 2 × 1200 − 450 − 2850 × 0.5 − (0.05 × 300) × 1 − 300 × 0.1 = 2400 − 450 − 1425 − 15 − 30 = 480.
        #expect(q.score(kbps: 1200, previousKbps: 750, rebufferSeconds: 0.5, latencySeconds: 1, playbackRate: 1.1).isClose(to: 480))
        // At exactly 1.1 s the low weight still applies (≤): 15 × 1.1 = 16.5.
        #expect(q.score(kbps: 1200, previousKbps: 750, rebufferSeconds: 0.5, latencySeconds: 1.1, playbackRate: 1.1).isClose(to: 495 - 16.5))
        // Beyond, 0.1 × 2850 = 285 per second: 2400 − 450 − 1425 − 570 − 30 = −75.
        #expect(q.score(kbps: 1200, previousKbps: 750, rebufferSeconds: 0.5, latencySeconds: 2, playbackRate: 1.1).isClose(to: -75))
        // The first segment has no switch term.
        #expect(q.score(kbps: 300, previousKbps: nil, rebufferSeconds: 0, latencySeconds: 1, playbackRate: 1).isClose(to: 600 - 15))
    }

    @Test("the Twitch challenge's NQoE by hand: latency 0.005 or 0.01 per second, R_min × rate")
    func nqoe() {
        let q = LiveQoE.nqoe(video: video)
        // 2400 − 450 − 1425 − 0.005 × 1 − 300 × 1.1 = 194.995.
        #expect(q.score(kbps: 1200, previousKbps: 750, rebufferSeconds: 0.5, latencySeconds: 1, playbackRate: 1.1).isClose(to: 194.995))
        #expect(q.score(kbps: 1200, previousKbps: 750, rebufferSeconds: 0.5, latencySeconds: 2, playbackRate: 1.1).isClose(to: 194.98))
    }
}
