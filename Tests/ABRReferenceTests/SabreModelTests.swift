import Testing

@testable import ABRReference
@testable import ABRSimulator

/// Whole sessions of the `sabre` reference model on small generated inputs, with hand-computed
/// results (and, for abandonment, the report sabre.py printed for the same input).
@Suite("Sabre model sessions")
struct SabreModelTests {
    /// One level, 1000 ms segments of 1 Mbit: every policy must choose level 0 throughout.
    /// (BOLA-E needs two levels: with one its γp is 0 and sabre.py divides by zero.)
    static let singleLevelPolicies: [SabrePolicyKind] = [.bola, .throughput, .dynamic]

    static func singleLevel(segments: Int, segmentMs: Double = 1000) throws -> SabreMovie {
        try SabreMovie(
            segmentDurationMs: segmentMs, bitratesKbps: [1000],
            segmentSizesBits: Array(repeating: [1000 * segmentMs], count: segments))
    }

    static func network(_ periods: [(durationMs: Double, kbps: Double, latencyMs: Double)]) throws -> SabreNetwork {
        try SabreNetwork(periods: periods.map { SabreNetwork.Period(durationMs: $0.durationMs, bandwidthKbps: $0.kbps, latencyMs: $0.latencyMs) })
    }

    @Test("startup: the first download counts as play time, not rebuffering", arguments: singleLevelPolicies)
    func startup(policy: SabrePolicyKind) throws {
        // 2000 kbit/s: each 1 Mbit segment takes 500 ms. Segment 0 plays from 500 ms; the
        // player never stalls; 3 segments end at 500 + 3000 ms.
        let run = try SabreModel.run(network: Self.network([(100_000, 2000, 0)]), movie: Self.singleLevel(segments: 3), policy: policy)
        let m = run.metrics
        #expect(m.totalPlayTimeSeconds == 3.5)
        #expect(m.totalPlayTimeChunks == 3.5)
        #expect(m.totalRebufferSeconds == 0 && m.totalRebufferEvents == 0)
        #expect(m.totalPlayedBitrateKbps == 3000)
        #expect(abs(m.timeAveragePlayedBitrateKbps - 3000 / 3.5) < 1e-9)
        #expect(m.rampupTimeSeconds == 0.5)  // the first segment starts playing at 500 ms
        #expect(m.totalPlayedUtility == 0 && m.timeAverageScore == 0)
        #expect(m.overEstimateCount + m.leqEstimateCount == 2)
        #expect(run.downloads.map(\.timeMs) == [500, 500, 500])
        #expect(m.bolaBufferMs == nil)
    }

    @Test("latency is part of every request's time and of play time", arguments: singleLevelPolicies)
    func latency(policy: SabrePolicyKind) throws {
        // 100 ms latency + 500 ms transfer per request: startup 600 ms, then 3000 ms of media.
        let run = try SabreModel.run(network: Self.network([(100_000, 2000, 100)]), movie: Self.singleLevel(segments: 3), policy: policy)
        #expect(run.downloads.map(\.timeMs) == [600, 600, 600])
        #expect(run.downloads.map(\.timeToFirstBitMs) == [100, 100, 100])
        #expect(run.metrics.totalPlayTimeSeconds == 3.6)
        #expect(run.metrics.totalRebufferSeconds == 0)
    }

    @Test("a link at half the bitrate stalls 1 s per segment after the first", arguments: singleLevelPolicies)
    func rebuffering(policy: SabrePolicyKind) throws {
        // 500 kbit/s: 2000 ms per segment. Each later download plays 1000 ms of the previous
        // segment, then stalls 1000 ms: 2 stalls, 2 s; play time 2 + 2 × 2 + 1 = 7 s.
        let m = try SabreModel.run(network: Self.network([(100_000, 500, 0)]), movie: Self.singleLevel(segments: 3), policy: policy).metrics
        #expect(m.totalPlayTimeSeconds == 7)
        #expect(m.totalRebufferSeconds == 2)
        #expect(m.totalRebufferEvents == 2)
        #expect(abs(m.rebufferRatio - 2.0 / 7) < 1e-12)
        // score: (utility 0 − γp 5 × 2 segments of stall) per 7 segments of play
        #expect(abs(m.timeAverageScore - (-10.0 / 7)) < 1e-12)
        #expect(m.rampupTimeSeconds == 2)
    }

    @Test("the player idles rather than exceed the 25 s buffer", arguments: singleLevelPolicies)
    func fullBuffer(policy: SabrePolicyKind) throws {
        // 100 Mbit/s: 3 Mbit segments arrive in 30 ms; 20 segments of 3 s never stall.
        let run = try SabreModel.run(network: Self.network([(1_000_000, 100_000, 0)]), movie: Self.singleLevel(segments: 20, segmentMs: 3000), policy: policy)
        #expect(run.downloads.allSatisfy { $0.bufferLevelMs <= 25_000 })
        #expect(run.downloads.contains { $0.delayMs > 0 })
        #expect(run.metrics.totalRebufferSeconds == 0)
        #expect(abs(run.metrics.totalPlayTimeSeconds - 60.03) < 1e-9)  // 30 ms startup + 60 s
    }

    /// Segments of 3 Mbit (level 0) and 15 Mbit (level 1); the link falls from 20 to 1 Mbit/s at 1 s.
    static func dropInput() throws -> (SabreNetwork, SabreMovie) {
        let net = try network([(1000, 20_000, 0), (100_000, 1000, 0)])
        let movie = try SabreMovie(
            segmentDurationMs: 3000, bitratesKbps: [1000, 5000],
            segmentSizesBits: Array(repeating: [3_000_000, 15_000_000], count: 5))
        return (net, movie)
    }

    @Test("sabre.py ignores the abandon target: the policy decides the abandoned segment again")
    func unusedAbandonTarget() throws {
        let (net, movie) = try Self.dropInput()
        let run = try SabreModel.run(network: net, movie: movie, policy: .throughput)
        // Segment 2 at level 1 is abandoned at 1100 ms (3 Mbit in, 12 Mbit left at ~2.7 Mbit/s
        // would end after 5.5 s > 1.8 segments). The estimate is not updated by abandoned
        // requests, so the rule asks for level 1 again, abandoning after each 500 ms grace, until
        // the insufficient-buffer rule (the buffer drains 500 ms per attempt) forces level 0.
        let segment2 = run.downloads.filter { $0.segmentIndex == 2 }
        #expect(segment2.count == 8)
        #expect(segment2.dropLast().allSatisfy { $0.quality == 1 && $0.abandonedToQuality == 0 })
        #expect(segment2.map(\.downloadedBits) == [3_000_000] + Array(repeating: 500_000, count: 6) + [3_000_000])
        #expect(segment2.last?.quality == 0 && segment2.last?.abandonedToQuality == nil)
        #expect(run.downloads.map(\.segmentIndex) == [0, 1] + Array(repeating: 2, count: 8) + [3, 4])
    }

    @Test("the abandonment session prints what sabre.py prints for the same input")
    func abandonmentReport() throws {
        let (net, movie) = try Self.dropInput()
        let report = try SabreModel.run(network: net, movie: movie, policy: .throughput).metrics.report
        // python3 sabre.py -n net.json -m movie.json -a throughput (UMass-LIDS/sabre 09b03bb)
        #expect(
            report == """
                buffer size: 25000
                total played utility: 1.609438
                time average played utility: 0.284018
                total played bitrate: 9000.000000
                time average played bitrate: 1588.235294
                total play time: 17.000000
                total play time chunks: 5.666667
                total rebuffer: 1.850000
                rebuffer ratio: 0.108824
                time average rebuffer: 0.326471
                total rebuffer events: 1.000000
                time average rebuffer events: 0.176471
                total bitrate change: 8000.000000
                time average bitrate change: 1411.764706
                total log bitrate change: 3.218876
                time average log bitrate change: 0.568037
                time average score: -0.260099
                over estimate count: 10
                over estimate: 15439.509876
                leq estimate count: 1
                leq estimate: 0.000000
                estimate: 14035.918069
                rampup time: 3.150000
                total reaction time: 0.000000

                """)
    }

    @Test("without abandonment the slow request runs to completion")
    func noAbandon() throws {
        let (net, movie) = try Self.dropInput()
        var configuration = SabreConfiguration()
        configuration.abandonment = false
        let run = try SabreModel.run(network: net, movie: movie, policy: .throughput, configuration: configuration)
        #expect(run.downloads.allSatisfy { $0.abandonedToQuality == nil })
        #expect(run.downloads.count == 5)
    }

    @Test("invalid configurations are rejected with the value named")
    func invalidConfiguration() throws {
        let movie = try Self.singleLevel(segments: 3)
        let net = try Self.network([(1000, 1000, 0)])
        var c = SabreConfiguration()
        c.maxBufferSeconds = 0.5  // below one 1 s segment
        #expect(throws: ModelError.self) { try SabreModel.run(network: net, movie: movie, policy: .bola, configuration: c) }
        c = SabreConfiguration()
        c.halfLivesSeconds = [3, 0]
        #expect(throws: ModelError.self) { try SabreModel.run(network: net, movie: movie, policy: .bola, configuration: c) }
        #expect(throws: ModelError.self) { try SabreModel.run(network: net, movie: movie, policy: .bolae) }  // one level
        c = SabreConfiguration()
        c.rampupThreshold = 1
        #expect(throws: ModelError.self) { try SabreModel.run(network: net, movie: movie, policy: .bola, configuration: c) }
    }

    @Test("invalid networks and movies are rejected")
    func invalidInputs() {
        #expect(throws: ModelError.self) { try SabreNetwork(periods: []) }
        #expect(throws: ModelError.self) { try Self.network([(1000, 0, 0)]) }  // never delivers
        #expect(throws: ModelError.self) { try Self.network([(0, 1000, 0)]) }
        #expect(throws: ModelError.self) { try Self.network([(1000, 1000, -1)]) }
        #expect(throws: ModelError.self) { try SabreMovie(segmentDurationMs: 3000, bitratesKbps: [2000, 1000], segmentSizesBits: [[1, 1]]) }
        #expect(throws: ModelError.self) { try SabreMovie(segmentDurationMs: 3000, bitratesKbps: [1000], segmentSizesBits: [[1, 1]]) }
        #expect(throws: ModelError.self) { try SabreMovie(segmentDurationMs: 3000, bitratesKbps: [1000], segmentSizesBits: [[0]]) }
    }

    @Test("abrkit traces and videos convert to Sabre units exactly")
    func conversions() throws {
        let net = try SabreNetwork(tracePeriods: [TracePeriod(durationSeconds: 1.013, bitsPerSecond: 1_285_000, latencySeconds: 0.1)])
        #expect(net.periods == [SabreNetwork.Period(durationMs: 1013, bandwidthKbps: 1285, latencyMs: 100)])
        let video = try Video(levels: [Level(bitsPerSecond: 230_000), Level(bitsPerSecond: 331_000)], segmentSeconds: 3, segmentBytes: [[1000, 2000]])
        let movie = try SabreMovie(video: video)
        #expect(movie.segmentDurationMs == 3000 && movie.bitratesKbps == [230, 331] && movie.segmentSizesBits == [[8000, 16_000]])
    }

    @Test("outages only delay the session", arguments: SabrePolicyKind.allCases)
    func outages(policy: SabrePolicyKind) throws {
        // 2 s without bandwidth at the start of every 10 s, with latency in both kinds of period
        let net = try Self.network([(2000, 0, 300), (8000, 3000, 50)])
        let movie = try SabreMovie(
            segmentDurationMs: 3000, bitratesKbps: [1000, 2000],
            segmentSizesBits: Array(repeating: [3_000_000, 6_000_000], count: 20))
        let run = try SabreModel.run(network: net, movie: movie, policy: policy)
        #expect(run.metrics.columns.allSatisfy { $0.value.isFinite })
        #expect(Set(run.downloads.filter { $0.abandonedToQuality == nil }.map(\.segmentIndex)) == Set(0..<20))
        // segment 0: 300 ms latency, the rest of the 2 s outage, then 3 Mbit at 3 Mbit/s; the
        // latency, not the outage, is its time to first bit
        #expect(run.downloads[0].timeMs == 3000 && run.downloads[0].timeToFirstBitMs == 300)
    }

    @Test("same inputs give identical runs")
    func deterministic() throws {
        let (net, movie) = try Self.dropInput()
        for policy in SabrePolicyKind.allCases {
            #expect(try SabreModel.run(network: net, movie: movie, policy: policy) == SabreModel.run(network: net, movie: movie, policy: policy))
        }
    }
}
