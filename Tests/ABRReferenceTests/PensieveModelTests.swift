import Testing

@testable import ABRReference
@testable import ABRSimulator

@Suite("PensieveModel")
struct PensieveModelTests {
    /// 8 Mbit/s for 10 s: 950,000 B/s of video.
    static let trace = try! PensieveTrace(times: (0...10).map(Double.init), mbps: Array(repeating: 8, count: 11))

    static func twoChunkVideo() throws -> Video {
        try Video(
            levels: PensieveQoE.envivioKbps.map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: 4,
            segmentBytes: [[95_000, 190_000, 300_000, 400_000, 500_000, 600_000], [95_000, 190_000, 300_000, 400_000, 500_000, 600_000]])
    }

    static func twoChunks() -> PensieveConfiguration {
        var configuration = PensieveConfiguration()
        configuration.chunkCount = 2
        return configuration
    }

    /// Chunk 0 at level 1: 190,000 B / 950,000 B/s = 0.2 s + 80 ms; all of it rebuffering; buffer
    /// 4 s; reward 0.75 − 4.3·0.28 = −0.454. BBA at 4 s < 5 s picks level 0. Chunk 1: 95,000 B
    /// in 0.1 s + 80 ms; buffer 4 − 0.18 + 4 = 7.82 s; reward 0.3 − 0.45 = −0.15.
    @Test("two chunks under bb, by hand")
    func twoChunksByHand() throws {
        let result = try PensieveModel.run(trace: Self.trace, video: try Self.twoChunkVideo(), policy: .bb, configuration: Self.twoChunks())
        let c = result.chunks
        try #require(c.count == 2)
        #expect(c[0].level == 1 && c[1].level == 0)
        #expect(abs(c[0].delayMs - 280) < 1e-9 && abs(c[1].delayMs - 180) < 1e-9)
        #expect(abs(c[0].rebufferSeconds - 0.28) < 1e-12 && c[1].rebufferSeconds == 0)
        #expect(c[0].bufferSeconds == 4 && abs(c[1].bufferSeconds - 7.82) < 1e-12)
        #expect(abs(c[0].timeMs - 280) < 1e-9 && abs(c[1].timeMs - 460) < 1e-9)
        #expect(abs(c[0].reward - -0.454) < 1e-12 && abs(c[1].reward - -0.15) < 1e-12)
        #expect(c[0].chunkBytes == 190_000 && c[1].bitrateKbps == 300)
        #expect(c[0].reason.rule == "pensieve.first")
        #expect(c[1].reason == DecisionReason("bb.reservoir", "buffer_s", 4))

        let s = result.summary
        #expect(abs(s.totalReward - -0.604) < 1e-12)
        #expect(abs(s.publishedReward - -0.15) < 1e-12)
        #expect(s.meanBitrateKbps == 525 && s.switches == 1 && abs(s.rebufferSeconds - 0.28) < 1e-12)
    }

    @Test("robustmpc on a fast link climbs to the top level and stays there")
    func robustMPCClimbs() throws {
        let video = try Video(
            constantBitrate: PensieveQoE.envivioKbps.map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: 4, segmentCount: 49)
        let fast = try PensieveTrace(times: (0...100).map(Double.init), mbps: Array(repeating: 40, count: 101))
        let result = try PensieveModel.run(trace: fast, video: video, policy: .robustmpc)
        #expect(result.chunks.count == 48)
        #expect(result.chunks.dropFirst().allSatisfy { $0.level == 5 })
        #expect(result.chunks.dropFirst().allSatisfy { $0.rebufferSeconds == 0 })
        #expect(result.summary.switches == 1)
    }

    @Test("the HD QoE scores levels 1, 2, 3, 12, 15, 20 with a rebuffer penalty of 8")
    func hdReward() {
        #expect(PensieveQoE.hd.reward(level: 5, previous: 3, rebufferSeconds: 0.5) == 20 - 4 - 8)
        #expect(PensieveQoE.linear.reward(level: 0, previous: 0, rebufferSeconds: 0) == 0.3)
    }

    @Test("invalid configurations and inputs are rejected with the value named")
    func rejections() throws {
        let video = try Self.twoChunkVideo()
        var tooMany = PensieveConfiguration()
        tooMany.chunkCount = 3
        #expect(throws: ModelError.self) { try PensieveModel.run(trace: Self.trace, video: video, policy: .bb, configuration: tooMany) }
        var wrongQoE = Self.twoChunks()
        wrongQoE.qoe = PensieveQoE(utilities: [1, 2], scale: 1, rebufferPenalty: 1, smoothPenalty: 1)
        #expect(throws: ModelError.self) { try PensieveModel.run(trace: Self.trace, video: video, policy: .bb, configuration: wrongQoE) }
        var badLevel = Self.twoChunks()
        badLevel.firstLevel = 6
        #expect(throws: ModelError.self) { try PensieveModel.run(trace: Self.trace, video: video, policy: .bb, configuration: badLevel) }
        var zero = video.segmentBytes
        zero[1][0] = 0
        let zeroVideo = try Video(levels: video.levels, segmentSeconds: 4, segmentBytes: zero)
        #expect(throws: ModelError.self) {
            try PensieveModel.run(trace: Self.trace, video: zeroVideo, policy: .robustmpc, configuration: Self.twoChunks())
        }
        #expect(throws: ModelError.self) { try PensieveTrace(times: [0], mbps: [1]) }
        #expect(throws: ModelError.self) { try PensieveTrace(times: [0, 1], mbps: [1]) }
        #expect(throws: ModelError.self) { try PensieveTrace(times: [0, 2, 1], mbps: [1, 1, 1]) }
        #expect(throws: ModelError.self) { try PensieveTrace(times: [0, 1, 2], mbps: [5, 0, 0]) }
        #expect(throws: ModelError.self) { try PensieveTrace(times: [0, 1], mbps: [1, -1]) }
        #expect(throws: ModelError.self) { try PensieveTrace(times: [0, .nan], mbps: [1, 1]) }
        // Only line 0 has bandwidth: it is never used, so nothing would ever download.
        let error = #expect(throws: ModelError.self) { try PensieveTrace(times: [0, 1], mbps: [3, 0]) }
        #expect(error?.code == .zeroBandwidthTrace)
    }

    @Test("policy names: bb, robustmpc, and bba as an alias of bb")
    func policyNames() {
        #expect(PensievePolicyKind(name: "bba") == .bb)
        #expect(PensievePolicyKind(name: "bb") == .bb)
        #expect(PensievePolicyKind(name: "robustmpc") == .robustmpc)
        #expect(PensievePolicyKind(name: "mpc") == nil)
    }
}
