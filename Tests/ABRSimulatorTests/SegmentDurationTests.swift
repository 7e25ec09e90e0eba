import Testing

@testable import ABRSimulator

/// A title whose segments do not all last the nominal duration plays each for its own length.
@Suite struct SegmentDurationTests {
    /// Two levels, three segments of 4, 4 and 2 s at 1 and 2 Mbit/s.
    static func video() throws -> Video {
        try Video(
            levels: [Level(bitsPerSecond: 1e6), Level(bitsPerSecond: 2e6)], segmentSeconds: 4,
            segmentBytes: [[500_000, 1_000_000], [500_000, 1_000_000], [250_000, 500_000]], segmentDurations: [4, 4, 2])
    }

    @Test func theLastShortSegmentAddsItsOwnDurationToTheBufferAndThePlayback() throws {
        // 8 Mbit/s: each 0.5 MB segment at level 0 takes 0.5 s, the last (0.25 MB) 0.25 s.
        let trace = try constantTrace(mbps: 8)
        var session = try PlaybackSession(video: try Self.video(), trace: trace, policy: FixedPolicy(level: 0))
        let result = runChecked(&session)
        #expect(result.segments.map(\.bufferAfterSeconds) == [4, 7.5, 9.25])
        #expect(result.metrics.playbackSeconds == 10)
        #expect(result.metrics.downloadedBytes == 1_250_000)
        // 1.25 MB over 10 s of media: 0.45 GB/h, not the 0.375 that 12 s of nominal segments would give.
        #expect(result.metrics.gbPerHour.isClose(to: 0.45))
    }

    @Test func equalDurationsAreStoredAsNone() throws {
        let video = try Video(levels: [Level(bitsPerSecond: 1e6)], segmentSeconds: 2, segmentBytes: [[1], [1]], segmentDurations: [2, 2])
        #expect(video.segmentDurations == nil)
        #expect(video.durationSeconds == 4)
    }

    @Test func loopingKeepsEachSegmentsDuration() throws {
        let looped = try Self.video().looped(toSegmentCount: 7)
        #expect(looped.segmentDurations == [4, 4, 2, 4, 4, 2, 4])
        #expect(looped.durationSeconds == 24)
    }

    @Test func durationsMustMatchTheSegmentsAndTheLimits() {
        let levels = [Level(bitsPerSecond: 1e6)]
        #expect(throws: ModelError.self) { try Video(levels: levels, segmentSeconds: 2, segmentBytes: [[1], [1]], segmentDurations: [2]) }
        #expect(throws: ModelError.self) {
            try Video(levels: levels, segmentSeconds: 2, segmentBytes: [[1], [1]], segmentDurations: [2, ModelLimits.minimumSegmentSeconds.nextDown])
        }
    }
}
