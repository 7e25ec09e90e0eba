import Testing

@testable import ABRSimulator

@Suite("PlaybackSession")
struct PlaybackSessionTests {
    @Test("a fast constant network: no stalls, startup after one segment, exact times")
    func noStall() throws {
        // 1 s segments of 0.5 Mbit over 1 Mbit/s: each download takes 0.5 s.
        let video = try cbrVideo(mbps: [0.5, 1], segments: 4)
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 1), policy: FixedPolicy(level: 0))
        let result = runChecked(&session)
        #expect(result.segments.map(\.downloadStart) == [0, 0.5, 1.0, 1.5])
        #expect(result.segments.map(\.bufferAfterSeconds) == [1, 1.5, 2, 2.5])
        #expect(result.metrics.startupDelaySeconds == 0.5)
        #expect(result.metrics.rebufferSeconds == 0)
        #expect(result.stalls.isEmpty)
        #expect(result.metrics.qoe == 4 * 0.5)
        #expect(result.metrics.downloadedBytes == 4 * 62_500)
        // Session ends when the 2.5 s left in the buffer have played.
        #expect(result.metrics.sessionSeconds == 4.5)
        // 250 kB for 4 s of playback → 0.225 GB/h.
        #expect(result.metrics.gbPerHour.isClose(to: 250_000.0 / 4 * 3600 / 1e9))
    }

    @Test("a slow constant network: a 1 s stall per segment after the first, QoE_lin by hand")
    func stalls() throws {
        // 2 Mbit segments over 1 Mbit/s: 2 s per 1 s segment.
        let video = try cbrVideo(mbps: [1, 2], segments: 3)
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 1), policy: FixedPolicy(level: 1))
        let result = runChecked(&session)
        #expect(result.metrics.startupDelaySeconds == 2)
        #expect(result.segments.map(\.rebufferSeconds) == [0, 1, 1])
        #expect(result.stalls == [StallEvent(start: 3, durationSeconds: 1, segmentIndex: 1), StallEvent(start: 5, durationSeconds: 1, segmentIndex: 2)])
        #expect(result.metrics.rebufferEvents == 2)
        // 3 × 2 Mbit/s − 4.3 × 2 s stalled − 0 switches.
        #expect(result.metrics.qoe.isClose(to: 6 - 8.6))
        #expect(result.metrics.rebufferRatio.isClose(to: 2.0 / 5))
    }

    @Test("latency is charged per request, then the transfer starts")
    func latency() throws {
        let video = try cbrVideo(mbps: [1], segments: 2)
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 2, latency: 0.1), policy: FixedPolicy(level: 0))
        let result = runChecked(&session)
        #expect(result.requests.map(\.durationSeconds).allSatisfy { $0.isClose(to: 0.6) })
        #expect(result.requests[1].latencySeconds == 0.1)
        #expect(result.requests[0].throughputBitsPerSecond.isClose(to: 1e6 / 0.6))
    }

    @Test("a full buffer makes the player idle until one segment fits")
    func idles() throws {
        // Downloads take 0.1 s; a 3 s buffer of 1 s segments fills, then each request waits.
        let video = try cbrVideo(mbps: [1], segments: 8)
        let config = PlayerConfiguration(maxBufferSeconds: 3)
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 10), policy: FixedPolicy(level: 0), configuration: config)
        let result = runChecked(&session)
        #expect(result.segments.map(\.bufferAfterSeconds).allSatisfy { $0 <= 3 + 1e-12 })
        // Buffer after each: 1, 1.9, 2.8, then idle so that 2.8 − idle + 1 = 3 → idle 0.8, and so on.
        #expect(result.segments[3].idleSeconds.isClose(to: 0.8))
        #expect(result.segments[4].idleSeconds.isClose(to: 0.9))
        #expect(result.segments[4].bufferAfterSeconds.isClose(to: 2.9))
        #expect(result.metrics.rebufferSeconds == 0)
    }

    @Test("an outage mid-download stalls playback for exactly the missing time")
    func outage() throws {
        // 1 Mbit/s for 2.5 s, outage 2 s, then 1 Mbit/s; 1 Mbit segments of 1 s.
        let trace = try BandwidthTrace(
            name: "outage",
            periods: [
                TracePeriod(durationSeconds: 2.5, bitsPerSecond: 1e6),
                TracePeriod(durationSeconds: 2, bitsPerSecond: 0),
                TracePeriod(durationSeconds: 100, bitsPerSecond: 1e6),
            ])
        let video = try cbrVideo(mbps: [1], segments: 4)
        var session = try PlaybackSession(video: video, trace: trace, policy: FixedPolicy(level: 0))
        let result = runChecked(&session)
        // Segment 2 starts at 2 s, gets 0.5 Mbit by 2.5 s, waits to 4.5 s, ends at 5 s.
        #expect(result.segments[2].downloadSeconds.isClose(to: 3))
        // Buffer was 1 s at 2 s: dry at 3 s, stalled until 5 s.
        #expect(result.stalls == [StallEvent(start: 3, durationSeconds: 2, segmentIndex: 2)])
        #expect(result.segments[3].rebufferSeconds == 0)
    }

    @Test("abandonment wastes the partial bytes and refetches at the lower level")
    func abandonment() throws {
        let video = try cbrVideo(mbps: [1, 4], segments: 2)
        let config = PlayerConfiguration(abandonmentCheckSeconds: 0.25)
        var session = try PlaybackSession(
            video: video, trace: try constantTrace(mbps: 2), policy: AbandoningPolicy(level: 1, abandonTo: 0), configuration: config)
        let result = runChecked(&session)
        // Each segment: 0.25 s at 2 Mbit/s = 62,500 bytes wasted, then 1 Mbit in 0.5 s.
        #expect(result.requests.count == 4)
        #expect(result.requests.filter(\.abandoned).map(\.bytes) == [62_500, 62_500])
        #expect(result.segments.map(\.level) == [0, 0])
        #expect(result.segments.map(\.abandonedBytes) == [62_500, 62_500])
        #expect(result.metrics.wastedBytes == 125_000)
        #expect(result.metrics.startupDelaySeconds.isClose(to: 0.75))
        #expect(result.segments[0].reason.rule == "abandon")
    }

    @Test("startup threshold above one segment delays playback until reached")
    func startupThreshold() throws {
        let video = try cbrVideo(mbps: [1], segments: 5)
        var session = try PlaybackSession(
            video: video, trace: try constantTrace(mbps: 2), policy: FixedPolicy(level: 0), configuration: PlayerConfiguration(startupSeconds: 3))
        let result = runChecked(&session)
        #expect(result.metrics.startupDelaySeconds == 1.5)
        #expect(result.segments[2].bufferAfterSeconds == 3)
    }

    @Test("a video shorter than the startup threshold starts when its last segment arrives")
    func shortVideo() throws {
        let video = try cbrVideo(mbps: [1], segments: 2)
        var session = try PlaybackSession(
            video: video, trace: try constantTrace(mbps: 1), policy: FixedPolicy(level: 0), configuration: PlayerConfiguration(startupSeconds: 10))
        let result = runChecked(&session)
        #expect(result.metrics.startupDelaySeconds == 2)
        #expect(result.metrics.rebufferSeconds == 0)
    }

    @Test(
        "configurations that cannot play are rejected",
        arguments: [
            PlayerConfiguration(maxBufferSeconds: 0.5),
            PlayerConfiguration(maxBufferSeconds: 10, startupSeconds: 11),
            PlayerConfiguration(startupSeconds: -1),
            PlayerConfiguration(abandonmentCheckSeconds: 0),
        ])
    func badConfiguration(config: PlayerConfiguration) throws {
        let video = try cbrVideo(mbps: [1], segments: 2)
        #expect(throws: ModelError.self) {
            try PlaybackSession(video: video, trace: try constantTrace(mbps: 1), policy: FixedPolicy(level: 0), configuration: config)
        }
    }

    @Test("the quality QoE needs per-segment quality")
    func qualityNeedsQuality() throws {
        let video = try cbrVideo(mbps: [1], segments: 2)
        #expect(throws: ModelError.self) {
            try PlaybackSession(video: video, trace: try constantTrace(mbps: 1), policy: FixedPolicy(level: 0), qoe: QoEModel(.quality))
        }
    }

    @Test("switches and the switch penalty count level changes", arguments: [QoEModel.Utility.linear, .log])
    func switching(utility: QoEModel.Utility) throws {
        struct Alternate: ABRPolicy {
            var name: String { "alternate" }
            mutating func decide(_ c: DecisionContext) -> Decision { Decision(level: c.segmentIndex % 2, reason: DecisionReason("alternate")) }
        }
        let video = try cbrVideo(mbps: [1, 2], segments: 4)
        let qoe = QoEModel(utility)
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 100), policy: Alternate(), qoe: qoe)
        let result = runChecked(&session)
        #expect(result.metrics.switches == 3)
        let q0 = qoe.utility(segment: 0, level: 0, video: video), q1 = qoe.utility(segment: 0, level: 1, video: video)
        #expect(result.metrics.qoe.isClose(to: 2 * q0 + 2 * q1 - 3 * abs(q1 - q0)))
    }
}

@Suite("Video")
struct VideoTests {
    @Test("looping cycles the measured segments and keeps the average size")
    func looped() throws {
        let video = try Video(
            levels: [Level(bitsPerSecond: 1e6)], segmentSeconds: 2, segmentBytes: [[100], [300]], segmentQuality: [[10], [20]], qualityMetric: "ssim_db")
        let long = try video.looped(toSegmentCount: 5)
        #expect(long.segmentBytes == [[100], [300], [100], [300], [100]])
        #expect(long.segmentQuality == [[10], [20], [10], [20], [10]])
        #expect(long.segmentSeconds == 2)
        #expect(throws: ModelError.self) { try video.looped(toSegmentCount: 0) }
    }

    @Test(
        "invalid tables are rejected",
        arguments: [
            ([[Int]](), ModelError.Code.noSegments), ([[1, 2]], .raggedSizes), ([[-1]], .invalidSize),
        ])
    func rejects(sizes: [[Int]], code: ModelError.Code) {
        do {
            _ = try Video(levels: [Level(bitsPerSecond: 1e6)], segmentSeconds: 1, segmentBytes: sizes)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }

    @Test("levels must be positive and ascending")
    func levels() {
        #expect(throws: ModelError.self) { try Video(levels: [], segmentSeconds: 1, segmentBytes: [[]]) }
        #expect(throws: ModelError.self) {
            try Video(levels: [Level(bitsPerSecond: 2e6), Level(bitsPerSecond: 1e6)], segmentSeconds: 1, segmentBytes: [[1, 1]])
        }
        #expect(throws: ModelError.self) { try Video(levels: [Level(bitsPerSecond: 0)], segmentSeconds: 1, segmentBytes: [[1]]) }
        #expect(throws: ModelError.self) { try Video(levels: [Level(bitsPerSecond: 1e6)], segmentSeconds: 0, segmentBytes: [[1]]) }
    }
}
