import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// Each trace format reads what it writes, exactly where the format can represent the periods.
@Suite struct TraceRoundTripTests {
    /// Whole seconds, whole kbit/s and whole ms of latency print exactly in every format but Mahimahi.
    static let representable = [
        TracePeriod(durationSeconds: 3, bitsPerSecond: 1_500_000, latencySeconds: 0.08),
        TracePeriod(durationSeconds: 1, bitsPerSecond: 0, latencySeconds: 0.08),
        TracePeriod(durationSeconds: 7, bitsPerSecond: 4_321_000, latencySeconds: 0.1),
        TracePeriod(durationSeconds: 2, bitsPerSecond: 250_000, latencySeconds: 0.1),
    ]

    @Test(arguments: [TraceFormat.sabre, .csv])
    func periodsSurviveTextAndBack(format: TraceFormat) throws {
        let trace = try BandwidthTrace(name: "t", periods: Self.representable)
        let text = try format.text(trace)
        #expect(TraceFormat.detect(text) == format)
        #expect(try format.periods(parsing: text, path: "t") == Self.representable)
    }

    @Test func cookedKeepsDurationsAndBandwidthButNotLatency() throws {
        let trace = try BandwidthTrace(name: "t", periods: Self.representable)
        let text = CookedTrace.text(trace)
        #expect(text == "0\t1.5\n3\t1.5\n4\t0\n11\t4.321\n13\t0.25\n")
        #expect(
            try CookedTrace.periods(parsing: text, path: "t")
                == Self.representable.map {
                    TracePeriod(durationSeconds: $0.durationSeconds, bitsPerSecond: $0.bitsPerSecond)
                })
    }

    @Test func csvIsLosslessForArbitraryDoubles() throws {
        var rng = SystemRandomNumberGenerator()
        let periods = (0..<200).map { _ in
            TracePeriod(
                durationSeconds: .random(in: 0.001...10, using: &rng), bitsPerSecond: .random(in: 0...1e8, using: &rng),
                latencySeconds: .random(in: 0...0.5, using: &rng))
        }
        let trace = try BandwidthTrace(name: "t", periods: periods)
        #expect(try CSVTrace.periods(parsing: CSVTrace.text(trace), path: "t") == periods)
    }

    @Test func cookedIsCloseForArbitraryDoubles() throws {
        var rng = SystemRandomNumberGenerator()
        let periods = (0..<200).map { _ in
            TracePeriod(durationSeconds: .random(in: 0.001...10, using: &rng), bitsPerSecond: .random(in: 0...1e8, using: &rng))
        }
        let back = try CookedTrace.periods(parsing: CookedTrace.text(try BandwidthTrace(name: "t", periods: periods)), path: "t")
        #expect(back.count == periods.count)
        for (a, b) in zip(periods, back) {
            // Cumulative times lose at most a few ulps of the running total (≤ 2000 s here).
            #expect(abs(a.durationSeconds - b.durationSeconds) < 1e-9)
            #expect(abs(a.bitsPerSecond - b.bitsPerSecond) <= a.bitsPerSecond * 1e-15)
        }
    }

    @Test func wholeKilobitRatesSurviveMegabitPrinting() throws {
        // Cooked stores Mbit/s: check that k kbit/s → "k/1000" → × 10⁶ gives k × 1000 back, for every 13th k up to 1 Gbit/s.
        for kbps in stride(from: 0, through: 1_000_000, by: 13) {
            let bitsPerSecond = Double(kbps) * 1000
            let text = CookedTrace.text(try BandwidthTrace(periods: [TracePeriod(durationSeconds: 1, bitsPerSecond: bitsPerSecond + (kbps == 0 ? 1 : 0))]))
            if kbps == 0 { continue }
            let back = try CookedTrace.periods(parsing: text, path: "t")
            if back[0].bitsPerSecond != bitsPerSecond { Issue.record("\(kbps) kbit/s came back as \(back[0].bitsPerSecond) bit/s"); return }
        }
    }

    @Test func mahimahiTextSurvivesPeriodsAndBack() throws {
        let text = "1\n1\n2\n5\n5\n5\n6\n9\n"
        let periods = try MahimahiTrace.periods(parsing: text, path: "m")
        #expect(try MahimahiTrace.text(try BandwidthTrace(name: "m", periods: periods)) == text)
    }

    @Test func mahimahiWritesRepresentablePeriodsExactly() throws {
        // 2 ms at 24 Mbit/s (2 packets per ms), 3 ms outage, 1 ms at 12 Mbit/s.
        let periods = [
            TracePeriod(durationSeconds: 0.002, bitsPerSecond: 24_000_000),
            TracePeriod(durationSeconds: 0.003, bitsPerSecond: 0),
            TracePeriod(durationSeconds: 0.001, bitsPerSecond: 12_000_000),
        ]
        let text = try MahimahiTrace.text(try BandwidthTrace(periods: periods))
        #expect(text == "1\n1\n2\n2\n6\n")
        #expect(try MahimahiTrace.periods(parsing: text, path: "m") == periods)
    }

    @Test func mahimahiKeepsTheBitsOfAnyTraceToWithinOnePacket() throws {
        let trace = try BandwidthTrace(periods: [
            TracePeriod(durationSeconds: 1.5, bitsPerSecond: 3_000_000),
            TracePeriod(durationSeconds: 0.25, bitsPerSecond: 0),
            TracePeriod(durationSeconds: 2.25, bitsPerSecond: 7_777_777),
        ])
        let back = try BandwidthTrace(periods: MahimahiTrace.periods(parsing: MahimahiTrace.text(trace), path: "m"))
        #expect(abs(back.loopDurationSeconds - 4) < 1e-9)  // 4000 one-ms periods summed in floating point
        #expect(abs(back.loopBits - trace.loopBits) <= 12_000)
        // At every millisecond the written trace is within one packet of the original.
        for ms in stride(from: 0, through: 4000, by: 7) {
            let t = Double(ms) / 1000
            #expect(abs(back.bitsDelivered(until: t) - trace.bitsDelivered(until: t)) <= 12_000 + 1e-6)
        }
    }

    @Test func mahimahiCannotEndInAnOutage() throws {
        let trace = try BandwidthTrace(
            name: "gap",
            periods: [
                TracePeriod(durationSeconds: 1, bitsPerSecond: 1_000_000), TracePeriod(durationSeconds: 1, bitsPerSecond: 0),
            ])
        #expect(throws: FormatError.self) { try MahimahiTrace.text(trace) }
        do { _ = try MahimahiTrace.text(trace) } catch { #expect(error.code == .notRepresentable) }
    }

    @Test(arguments: TraceFormat.allCases)
    func writerWritesAFileTheReaderDetects(format: TraceFormat) throws {
        let trace = try BandwidthTrace(name: "t", periods: [TracePeriod(durationSeconds: 2, bitsPerSecond: 12_000_000)])
        let scratch = try TemporaryDirectory()
        let path = scratch.path("out.\(format.rawValue)")
        try TraceWriter.write(trace, format: format, to: path)
        let back = try TraceReader.read(path: path)
        #expect(back.name == "out.\(format.rawValue)")
        #expect(back.loopDurationSeconds == 2)
        #expect(back.loopBits == 24_000_000)
    }
}

extension TraceRoundTripTests {
    @Test func mahimahiRefusesToWriteAbsurdlyLargeTraces() throws {
        // 10 s at the engine's 1 Tbit/s limit: 8.3 × 10⁸ packets, above the writer's 10⁸.
        let huge = try BandwidthTrace(name: "huge", periods: [TracePeriod(durationSeconds: 10, bitsPerSecond: ModelLimits.maximumBitsPerSecond)])
        #expect { try MahimahiTrace.text(huge) } throws: { ($0 as? FormatError)?.code == .notRepresentable }
        let long = try BandwidthTrace(
            name: "long",
            periods: [TracePeriod(durationSeconds: ModelLimits.maximumPeriodSeconds, bitsPerSecond: 0), TracePeriod(durationSeconds: 1, bitsPerSecond: 1)]
        )
        #expect { try MahimahiTrace.text(long) } throws: { ($0 as? FormatError)?.code == .notRepresentable }
    }
}
