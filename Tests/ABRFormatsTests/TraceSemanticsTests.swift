import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// What each format's records mean, checked against hand-computed periods.
@Suite struct TraceSemanticsTests {
    @Test func cookedLineCoversTheIntervalEndingAtItsTimestamp() throws {
        // Pensieve fixed_env.py: line i's bandwidth holds from t(i−1) to t(i); line 0 at t = 0 covers nothing.
        let periods = try CookedTrace.periods(parsing: "0.0\t9.9\r\n1.5\t2.0\r\n4.0\t0.5\r\n", path: "c")
        #expect(periods == [TracePeriod(durationSeconds: 1.5, bitsPerSecond: 2e6), TracePeriod(durationSeconds: 2.5, bitsPerSecond: 5e5)])
        let trace = try BandwidthTrace(periods: periods)
        #expect(trace.loopDurationSeconds == 4)
        // Looping: 10 Mbit from t = 0 takes one loop (3 + 1.25 Mbit = 4.25 Mbit in 4 s), then 5.75 Mbit more:
        // 3 Mbit in the next 1.5 s, then 2.75 Mbit at 0.5 Mbit/s = 5.5 s; the loop is 4 s, so 1.25 Mbit in 2.5 s,
        // then the third loop: 3 Mbit in 1.5 s covers the remaining 1.5 Mbit in 0.75 s.
        #expect(trace.transferEnd(startingAt: 0, bits: 10e6) == 4 + 4 + 0.75)
    }

    @Test func cookedFirstLineCoversFromZeroWhenItStartsLater() throws {
        let periods = try CookedTrace.periods(parsing: "2 1\n3 4\n", path: "c")
        #expect(periods == [TracePeriod(durationSeconds: 2, bitsPerSecond: 1e6), TracePeriod(durationSeconds: 1, bitsPerSecond: 4e6)])
    }

    @Test func cookedEqualTimestampsMakeNoPeriodAndSpacesWork() throws {
        let periods = try CookedTrace.periods(parsing: "  0   1\n\n1 2\n1 3\n2    4   \n", path: "c")
        #expect(periods == [TracePeriod(durationSeconds: 1, bitsPerSecond: 2e6), TracePeriod(durationSeconds: 1, bitsPerSecond: 4e6)])
    }

    @Test func mahimahiBinsEachOpportunityIntoTheMillisecondBeforeIt() throws {
        // Opportunities at 1, 1, 3 ms; loop length 3 ms. Bin [0,1): 2 packets = 24 Mbit/s; [1,2): none; [2,3): 1 packet.
        let periods = try MahimahiTrace.periods(parsing: "1\n1\n3\n", path: "m")
        #expect(
            periods == [
                TracePeriod(durationSeconds: 0.001, bitsPerSecond: 24e6),
                TracePeriod(durationSeconds: 0.001, bitsPerSecond: 0),
                TracePeriod(durationSeconds: 0.001, bitsPerSecond: 12e6),
            ])
    }

    @Test func mahimahiTimestampZeroIsTheEndOfThePreviousLoop() throws {
        #expect(
            try MahimahiTrace.periods(parsing: "0\n2\n", path: "m") == [
                TracePeriod(durationSeconds: 0.001, bitsPerSecond: 0), TracePeriod(durationSeconds: 0.001, bitsPerSecond: 24e6),
            ])
    }

    @Test func mahimahiMergesRunsSoAHugeGapIsOnePeriod() throws {
        // An hour-long and a ten-day gap cost one period each, not one bin per millisecond.
        let periods = try MahimahiTrace.periods(parsing: "1\n2\n3600002\n864000000\n", path: "m")
        #expect(
            periods == [
                TracePeriod(durationSeconds: 0.002, bitsPerSecond: 12e6),
                TracePeriod(durationSeconds: 3599.999, bitsPerSecond: 0),
                TracePeriod(durationSeconds: 0.001, bitsPerSecond: 12e6),
                TracePeriod(durationSeconds: 860_399.997, bitsPerSecond: 0),
                TracePeriod(durationSeconds: 0.001, bitsPerSecond: 12e6),
            ])
    }

    @Test func sabreLatencyIsPerPeriodAndOptional() throws {
        let periods = try SabreNetworkTrace.periods(
            parsing: #"[{"duration_ms": 1500, "bandwidth_kbps": 800, "latency_ms": 40}, {"duration_ms": 500, "bandwidth_kbps": 0}]"#, path: "s")
        #expect(
            periods == [
                TracePeriod(durationSeconds: 1.5, bitsPerSecond: 800_000, latencySeconds: 0.04),
                TracePeriod(durationSeconds: 0.5, bitsPerSecond: 0),
            ])
    }

    @Test func csvColumnsAreFoundByNameWithTheirUnits() throws {
        let periods = try CSVTrace.periods(parsing: "note, latency_ms ,bandwidth_mbps,duration_ms\nfirst,20,1.5,2500\nsecond,0,0,500\n", path: "c")
        #expect(
            periods == [
                TracePeriod(durationSeconds: 2.5, bitsPerSecond: 1_500_000, latencySeconds: 0.02),
                TracePeriod(durationSeconds: 0.5, bitsPerSecond: 0),
            ])
    }

    @Test(arguments: [
        ("0.0\t4.03768755221\r\n0.55\t4.79\r\n", TraceFormat.cooked),
        ("12\n12\n13\n", .mahimahi),
        ("\n  [ {\"duration_ms\": 1} ]", .sabre),
        ("duration_s,bandwidth_kbps\n1,2\n", .csv),
        ("{\"duration_ms\": 1}", .sabre),
        ("0 nan\n", .cooked),
    ])
    func detectsFormatFromContent(text: String, format: TraceFormat) {
        #expect(TraceFormat.detect(text) == format)
    }

    @Test(arguments: ["", "\n\n", "a b c\n", "1,2\n", "1.5\n"])
    func detectsNothingInUnrecognisableText(text: String) {
        #expect(TraceFormat.detect(text) == nil)
    }

    @Test func explicitFormatOverridesDetection() throws {
        // "5" alone would be Mahimahi; read as CSV it is a header without the required columns.
        let scratch = try TemporaryDirectory()
        let path = try scratch.file("x.txt", "5\n")
        #expect(
            try TraceReader.read(path: path).periods == [
                TracePeriod(durationSeconds: 0.004, bitsPerSecond: 0), TracePeriod(durationSeconds: 0.001, bitsPerSecond: 12e6),
            ])
        #expect { try TraceReader.read(path: path, format: .csv) } throws: { ($0 as? FormatError)?.code == .malformedRecord }
    }

    @Test func folderReadsRegularFilesInByteOrderSkippingHiddenAndReadme() throws {
        let folder = try TemporaryDirectory()
        for name in ["b", "B", "a10", "a2", ".hidden", "README.md", "README"] {
            try folder.file(name, "0 1\n1 1\n")
        }
        try folder.directory("sub")
        let traces = try TraceReader.readAll(paths: [folder.url.path])
        #expect(traces.map(\.name) == ["B", "a10", "a2", "b"])
    }
}
