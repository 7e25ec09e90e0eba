import ABRSimulator
import Testing

@Suite struct TraceGeneratorTests {
    @Test func constantIsOnePeriod() throws {
        let trace = try ConstantTraceGenerator(bitsPerSecond: 2e6, durationSeconds: 300).trace(name: "c", seed: 1)
        #expect(trace.periods == [TracePeriod(durationSeconds: 300, bitsPerSecond: 2e6)])
        // 1 MB at 2 Mbit/s: 8e6 bits / 2e6 = 4 s.
        #expect(trace.transferEnd(startingAt: 10, bits: 8e6) == 14)
    }

    @Test func stepHoldsEachLevel() throws {
        let trace = try StepTraceGenerator(levelsBitsPerSecond: [4e6, 1e6], holdSeconds: 60).trace(name: "s", seed: 1)
        #expect(trace.periods.map(\.bitsPerSecond) == [4e6, 1e6])
        #expect(trace.loopDurationSeconds == 120)
        // Start at 50 s: 10 s × 4 Mbit/s = 40 Mbit, then 10 Mbit more at 1 Mbit/s: ends at 70 s.
        #expect(trace.transferEnd(startingAt: 50, bits: 50e6) == 70)
    }

    @Test func outageStartsAndEndsOn() throws {
        let generator = OutageTraceGenerator(onBitsPerSecond: 2e6, onSeconds: 60, offSeconds: 15, cycles: 4)
        let trace = try generator.trace(name: "o", seed: 1)
        #expect(trace.periods.count == 9)
        #expect(trace.periods.first?.bitsPerSecond == 2e6 && trace.periods.last?.bitsPerSecond == 2e6)
        #expect(trace.loopDurationSeconds == 360 && generator.durationSeconds == 360)
        #expect(TraceStatistics(trace).outageShare == 60.0 / 360)
        // A download that meets the first outage waits it out: 120 Mbit from 10 s = 50 s on (100 Mbit), 15 s off, 10 s on.
        #expect(trace.transferEnd(startingAt: 10, bits: 120e6) == 85)
    }

    @Test func markovIsAPureFunctionOfTheSeed() {
        let generator = MarkovTraceGenerator.threeGLike(durationSeconds: 300)
        #expect(generator.periods(seed: 5) == generator.periods(seed: 5))
        #expect(generator.periods(seed: 5) != generator.periods(seed: 6))
    }

    @Test(arguments: [MarkovTraceGenerator.threeGLike(), .lteLike(), .broadbandLike(tierBitsPerSecond: 25e6)])
    func markovStepsAreWholeKilobitsAndNonNegative(generator: MarkovTraceGenerator) {
        let periods = generator.periods(seed: 99)
        #expect(periods.count == 600)
        #expect(periods.allSatisfy { $0.durationSeconds == 1 && $0.bitsPerSecond >= 0 })
        #expect(periods.allSatisfy { ($0.bitsPerSecond / 1000).rounded() == $0.bitsPerSecond / 1000 })
    }

    /// Long-run share of a birth–death chain with symmetric moves: ∝ dwell × number of neighbours.
    static let stationaryMeans: [(MarkovTraceGenerator, Double)] = [
        (.threeGLike(durationSeconds: 400_000), 9.7 / 8 * 1e6),  // (0.4 + 2·0.7 + 2·1.1 + 2·1.6 + 2.5) / 8 Mbit/s
        (.lteLike(durationSeconds: 400_000), 243.0 / 8 * 1e6),  // (8 + 2·18 + 2·30 + 2·42 + 55) / 8 Mbit/s
        // Broadband 100 Mbit/s: shares ∝ 30×1, 60×2, 120×1 → (50·30 + 85·120 + 100·120) / 270 Mbit/s.
        (.broadbandLike(tierBitsPerSecond: 100e6, durationSeconds: 400_000), 23_700.0 / 270 * 1e6),
    ]

    @Test(arguments: stationaryMeans)
    func markovLongRunMeanMatchesTheStationaryDistribution(generator: MarkovTraceGenerator, expectedBitsPerSecond: Double) throws {
        let trace = try generator.trace(name: "long", seed: 2026)
        #expect(abs(trace.meanBitsPerSecond / expectedBitsPerSecond - 1) < 0.03, "\(trace.meanBitsPerSecond) vs \(expectedBitsPerSecond)")
    }

    @Test func markovDwellMatchesTheRequestedMean() {
        // One state's worth of noise-free chain: count state changes via the mean bandwidth jumping.
        let generator = MarkovTraceGenerator(
            label: "two", states: [.init(meanBitsPerSecond: 1e6, meanDwellSeconds: 20), .init(meanBitsPerSecond: 2e6, meanDwellSeconds: 20)],
            coefficientOfVariation: 0, noiseCorrelation: 0, durationSeconds: 200_000)
        let periods = generator.periods(seed: 3)
        let changes = zip(periods, periods.dropFirst()).filter { $0.bitsPerSecond != $1.bitsPerSecond }.count
        // Geometric dwell with mean 20 steps: about 200 000 / 20 = 10 000 changes (σ ≈ 100).
        #expect(abs(Double(changes) - 10_000) < 400)
    }

    @Test func projectSetHasAtLeastFiftyUniquelyNamedValidTraces() throws {
        let entries = ProjectTraceSet.entries()
        #expect(entries.count >= 50)
        #expect(Set(entries.map(\.name)).count == entries.count)
        for entry in entries {
            let trace = try entry.trace()
            #expect((300...600).contains(trace.loopDurationSeconds), "\(entry.name)")
            #expect(entry.seed == SplitMix64.seed(ProjectTraceSet.defaultSeed, label: entry.name))
        }
        #expect(ProjectTraceSet.entries(seed: 1).map(\.name) == entries.map(\.name))
    }

    @Test func traceStatisticsAreTimeWeighted() throws {
        // 1 s at 10 Mbit/s, 8 s at 1 Mbit/s, 1 s at 0.
        let trace = try BandwidthTrace(periods: [
            TracePeriod(durationSeconds: 1, bitsPerSecond: 10e6), TracePeriod(durationSeconds: 8, bitsPerSecond: 1e6),
            TracePeriod(durationSeconds: 1, bitsPerSecond: 0),
        ])
        let stats = TraceStatistics(trace)
        #expect(stats.durationSeconds == 10)
        #expect(stats.meanBitsPerSecond == 1.8e6)
        #expect(stats.p10BitsPerSecond == 0)
        #expect(stats.medianBitsPerSecond == 1e6)
        #expect(stats.p90BitsPerSecond == 1e6)
        #expect(stats.outageShare == 0.1)
    }
}
