import Testing

@testable import ABRReference
@testable import ABRSimulator

@Suite("PensieveRobustMPC")
struct PensieveRobustMPCTests {
    /// Two levels (300, 750 kbit/s), `chunks` chunks of `bytes[level]` each unless overridden.
    static func video(chunks: Int, override: [Int: [Int]] = [:]) throws -> Video {
        try Video(
            levels: [Level(bitsPerSecond: 300_000), Level(bitsPerSecond: 750_000)], segmentSeconds: 4,
            segmentBytes: (0..<chunks).map { override[$0] ?? [1_000, 2_000] })
    }

    static func configuration(chunkCount: Int) -> PensieveConfiguration {
        var configuration = PensieveConfiguration()
        configuration.chunkCount = chunkCount
        return configuration
    }

    /// Measured 2, 1, 4 MB/s (1 MB in 500, 1000, 250 ms). Errors 0, |2 − 1|/1 = 1,
    /// |4/3 − 4|/4 = 2/3. Estimates: 2; harmonic(2, 1) = 4/3 over 1 + 1 = 2/3;
    /// harmonic(2, 1, 4) = 12/7 over 1 + 1 = 6/7.
    @Test("harmonic mean over 1 + the largest recent relative error, by hand")
    func predictionByHand() throws {
        let video = try Self.video(chunks: 20)
        let configuration = Self.configuration(chunkCount: 20)
        var mpc = PensieveRobustMPC(configuration: configuration, qoe: .linear(kbps: [300, 750]))
        let expected = [2.0, 2.0 / 3, 6.0 / 7]
        for (i, delayMs) in [500.0, 1_000, 250].enumerated() {
            _ = mpc.next(chunkBytes: 1_000_000, delayMs: delayMs, bufferSeconds: 10, level: 0, chunksDone: i + 1, video: video)
            #expect(abs(mpc.plannedMBps - expected[i]) < 1e-12)
        }
    }

    @Test("only the last 5 throughputs and the last 5 errors count")
    func windows() throws {
        let video = try Self.video(chunks: 20)
        var mpc = PensieveRobustMPC(configuration: Self.configuration(chunkCount: 20), qoe: .linear(kbps: [300, 750]))
        // A 10 MB/s outlier, then steady 1 MB/s chunks. The outlier leaves the throughput window
        // after 5 more chunks, so the 6th estimate is exactly 1 and every later error is 0; at
        // the 11th chunk 5 of those fill the error window, and the prediction is 1 MB/s again.
        _ = mpc.next(chunkBytes: 1_000_000, delayMs: 100, bufferSeconds: 10, level: 0, chunksDone: 1, video: video)
        for i in 0..<9 {
            _ = mpc.next(chunkBytes: 1_000_000, delayMs: 1_000, bufferSeconds: 10, level: 0, chunksDone: i + 2, video: video)
            #expect(mpc.plannedMBps < 1, "call \(i + 2)")
        }
        for i in 9..<10 {
            _ = mpc.next(chunkBytes: 1_000_000, delayMs: 1_000, bufferSeconds: 10, level: 0, chunksDone: i + 2, video: video)
        }
        #expect(abs(mpc.plannedMBps - 1) < 1e-12)
    }

    /// After chunk 0 the next download is chunk 1, but mpc.py plans with chunk 2's sizes.
    @Test("the plan looks one chunk ahead: chunk c + 1's sizes for the download of chunk c")
    func lookAheadOffset() throws {
        // Chunk 1 is small at both levels; chunk 2 is 100 MB at level 1.
        let video = try Self.video(chunks: 3, override: [2: [1_000, 100_000_000]])
        var mpc = PensieveRobustMPC(configuration: Self.configuration(chunkCount: 2), qoe: .linear(kbps: [300, 750]))
        let level = mpc.next(chunkBytes: 1_000_000, delayMs: 1_000, bufferSeconds: 4, level: 0, chunksDone: 1, video: video).level
        #expect(level == 0)
        // The same history with chunk 2 small too picks level 1.
        var control = PensieveRobustMPC(configuration: Self.configuration(chunkCount: 2), qoe: .linear(kbps: [300, 750]))
        let controlLevel = control.next(
            chunkBytes: 1_000_000, delayMs: 1_000, bufferSeconds: 4, level: 0, chunksDone: 1, video: try Self.video(chunks: 3)
        ).level
        #expect(controlLevel == 1)
    }

    @Test("a chunk past the size table counts as 0 bytes; the last decision has no horizon and sends 0")
    func pastTheTable() throws {
        let video = try Self.video(chunks: 3)
        let qoe = PensieveQoE(utilities: [1, 3], scale: 1, rebufferPenalty: 1, smoothPenalty: 1)
        var mpc = PensieveRobustMPC(configuration: Self.configuration(chunkCount: 3), qoe: qoe)
        // chunksDone 2 of 3: horizon 1, index 3 is past the table → 0 bytes, no stall: level 1
        // scores 3 − 2 = 1, level 0 scores 1; the tie goes to level 1.
        #expect(mpc.next(chunkBytes: 1_000, delayMs: 100, bufferSeconds: 0, level: 0, chunksDone: 2, video: video).level == 1)
        #expect(mpc.next(chunkBytes: 1_000, delayMs: 100, bufferSeconds: 0, level: 1, chunksDone: 3, video: video).level == 0)
    }
}
