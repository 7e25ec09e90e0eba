import Testing

@testable import ABRSimulator

@Suite("DataCapPolicy")
struct DataCapPolicyTests {
    @Test("the cap lowers the inner choice to the best level the paced budget allows")
    func paces() throws {
        // 1 s segments of 0.5, 1 and 2 Mbit/s (62.5, 125, 250 kB); a 0.45 GB/h cap allows 125 kB per second.
        let video = try cbrVideo(mbps: [0.5, 1, 2], segments: 6)
        let policy = DataCapPolicy(FixedPolicy(level: 2), gbPerHour: 0.45)
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 100), policy: policy)
        let result = runChecked(&session)
        #expect(result.segments.map(\.level) == [1, 1, 1, 1, 1, 1])
        #expect(result.capBoundSegments == 6)
        #expect(result.metrics.gbPerHour <= 0.45 + 1e-12)
    }

    @Test("savings carry over: a cheap segment lets a later one go higher")
    func carriesOver() throws {
        // Segment 0 is tiny at every level, so segment 1 can afford the top level.
        let levels = [Level(bitsPerSecond: 0.5e6), Level(bitsPerSecond: 1e6), Level(bitsPerSecond: 2e6)]
        let video = try Video(levels: levels, segmentSeconds: 1, segmentBytes: [[1000, 2000, 3000], [62_500, 125_000, 240_000], [62_500, 125_000, 250_000]])
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 100), policy: DataCapPolicy(FixedPolicy(level: 2), gbPerHour: 0.45))
        let result = runChecked(&session)
        // Allowances 125, 250, 375 kB: 3 kB, then 3 + 240 ≤ 250, then 243 + 125 ≤ 375 but 243 + 250 > 375.
        #expect(result.segments.map(\.level) == [2, 2, 1])
        #expect(result.capBoundSegments == 1)
    }

    @Test("a cap the inner policy never reaches changes nothing")
    func inert() throws {
        let video = try cbrVideo(mbps: [0.5, 1], segments: 4)
        var capped = try PlaybackSession(video: video, trace: try constantTrace(mbps: 3), policy: DataCapPolicy(ThroughputPolicy(), gbPerHour: 10))
        var plain = try PlaybackSession(video: video, trace: try constantTrace(mbps: 3), policy: ThroughputPolicy())
        #expect(runChecked(&capped) == runChecked(&plain))
    }

    @Test("a cap below the lowest level takes the lowest level and shows the overrun")
    func infeasible() throws {
        let video = try cbrVideo(mbps: [1, 2], segments: 3)
        var session = try PlaybackSession(video: video, trace: try constantTrace(mbps: 100), policy: DataCapPolicy(FixedPolicy(level: 1), gbPerHour: 0.1))
        let result = runChecked(&session)
        #expect(result.segments.map(\.level) == [0, 0, 0])
        #expect(result.metrics.gbPerHour > 0.1)
    }
}
