import ABRSimulator
import Foundation
import TestSupport
import Testing

@testable import ABRFormats

/// Values that are finite but beyond any real network or title are input errors that name the
/// file, never sessions whose metrics come out `inf` or `nan` (issue: huge finite values).
@Suite struct PhysicalBoundsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var text: String
        var mentions: String
        var testDescription: String { name }
    }

    static let traceCases = [
        Case(name: "cooked timestamp 1e302", file: "huge.txt", text: "0 2\n1e302 2\n", mentions: "at most 10000000 s"),
        Case(
            name: "Sabre latency_ms 1e308", file: "net.json", text: #"[{"duration_ms": 1000, "bandwidth_kbps": 2000, "latency_ms": 1e308}]"#,
            mentions: "latency"),
        Case(name: "CSV bandwidth 1e300 bit/s", file: "t.csv", text: "duration_s,bandwidth_bps,latency_s\n1,1e300,0\n", mentions: "bandwidth"),
        Case(name: "CSV latency 1e9 s", file: "t.csv", text: "duration_s,bandwidth_bps,latency_s\n1,1e6,1e9\n", mentions: "latency"),
    ]

    @Test(arguments: traceCases)
    func tracesBeyondAnyNetworkAreRefusedNamingTheFile(_ c: Case) throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.file(c.file, c.text)
        #expect {
            try TraceReader.read(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(path) && text.contains(c.mentions)
        }
    }

    @Test func aSabreMovieWithMicroscopicSegmentsIsRefused() throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.file(
            "movie.json", #"{"segment_duration_ms": 1e-300, "bitrates_kbps": [100, 200], "segment_sizes_bits": [[1000, 2000]]}"#)
        #expect {
            try VideoReader.read(path: path)
        } throws: { error in
            "\(error)".hasPrefix(path) && "\(error)".contains("segment duration")
        }
    }

    @Test func theLimitsThemselvesAreAcceptedAndOneStepBeyondIsNot() throws {
        let atLimits = TracePeriod(
            durationSeconds: ModelLimits.maximumPeriodSeconds, bitsPerSecond: ModelLimits.maximumBitsPerSecond,
            latencySeconds: ModelLimits.maximumLatencySeconds)
        _ = try BandwidthTrace(periods: [atLimits])
        for beyond in [
            TracePeriod(durationSeconds: ModelLimits.maximumPeriodSeconds.nextUp, bitsPerSecond: 1),
            TracePeriod(durationSeconds: 1, bitsPerSecond: ModelLimits.maximumBitsPerSecond.nextUp),
            TracePeriod(durationSeconds: 1, bitsPerSecond: 1, latencySeconds: ModelLimits.maximumLatencySeconds.nextUp),
        ] {
            #expect(throws: ModelError.self) { try BandwidthTrace(periods: [beyond]) }
        }
        let levels = [Level(bitsPerSecond: 1e6)]
        _ = try Video(levels: levels, segmentSeconds: ModelLimits.minimumSegmentSeconds, segmentBytes: [[1]])
        _ = try Video(levels: levels, segmentSeconds: ModelLimits.maximumSegmentSeconds, segmentBytes: [[ModelLimits.maximumSegmentBytes]])
        #expect(throws: ModelError.self) { try Video(levels: levels, segmentSeconds: ModelLimits.minimumSegmentSeconds.nextDown, segmentBytes: [[1]]) }
        #expect(throws: ModelError.self) { try Video(levels: levels, segmentSeconds: ModelLimits.maximumSegmentSeconds.nextUp, segmentBytes: [[1]]) }
        #expect(throws: ModelError.self) { try Video(levels: levels, segmentSeconds: 4, segmentBytes: [[ModelLimits.maximumSegmentBytes + 1]]) }
    }

    @Test(arguments: [TraceFormat.sabre, .csv, .cooked])
    func aTraceAtTheLimitsConvertsAndReadsBackFinite(_ format: TraceFormat) throws {
        let trace = try BandwidthTrace(
            name: "edge",
            periods: [
                TracePeriod(durationSeconds: ModelLimits.maximumPeriodSeconds, bitsPerSecond: ModelLimits.maximumBitsPerSecond),
                TracePeriod(durationSeconds: 1, bitsPerSecond: 1e6),
            ])
        let scratch = try TemporaryDirectory()
        let path = scratch.path("edge.\(format.rawValue)")
        try TraceWriter.write(trace, format: format, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("inf") && !text.contains("nan"))
        let back = try TraceReader.read(path: path, format: format)
        #expect(back.loopDurationSeconds == trace.loopDurationSeconds)
        #expect(back.loopBits.isFinite)
    }
}
