import Foundation
import TestSupport
import Testing

/// Input the CLI once answered with an unclear message or a wrong number: each now gets a message
/// naming the file, the line or option, the value and what was expected.
@Suite struct InputErrorCommandTests {
    /// `SimulateCommandTests`' movie and traces, plus the `simulate` arguments that read them.
    static func simulate(_ arguments: [String], traces: String? = nil, video: String? = nil, in dir: TemporaryDirectory) throws -> ProcessRunner.Result {
        try CLI.run(
            ["simulate", "--video", video ?? dir.path("movie.json"), "--traces", traces ?? dir.path("traces"), "--policy", "throughput"] + arguments)
    }

    @Test(arguments: [
        (["--chunk-seconds", "-4"], "--chunk-seconds -4.0: expected a positive number of seconds"),
        (["--bitrates-kbps", "-300,750"], "--bitrates-kbps: '-300' is not a bitrate"),
        (["--data-cap", "-1"], "--data-cap must be a positive number of GB per hour, got -1.0"),
        (["--bandwidth-noise", "-0.5"], "--bandwidth-noise must be in [0, 1), got -0.5"),
        (["--max-buffer", "-1"], "--max-buffer -1.0: expected a positive number of seconds"),
        (["--startup", "-1"], "--startup -1.0: expected a number of seconds ≥ 0"),
        (["--abandonment-check", "-1"], "--abandonment-check -1.0: expected at least 0.001 s"),
    ])
    func aNegativeNumberIsAValueRejectedWithAMessageNotAMissingValue(arguments: [String], message: String) throws {
        let dir = try SimulateCommandTests.fixture()
        let result = try Self.simulate(arguments, in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message) && !result.stderr.contains("Missing value"), "\(result.stderr)")
    }

    @Test func anAbandonmentCheckOfExactlyOneMillisecondIsAccepted() throws {
        let dir = try SimulateCommandTests.fixture()
        let result = try Self.simulate(["--abandonment-check", "0.001"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: ["0.000999", "1e-9", "0", "nan"])
    func anAbandonmentCheckBelowOneMillisecondIsRejected(value: String) throws {
        let dir = try SimulateCommandTests.fixture()
        let result = try Self.simulate(["--abandonment-check", value], in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--abandonment-check") && result.stderr.contains("expected at least 0.001 s"), "\(result.stderr)")
    }

    @Test func aFIFOTraceIsNamedAsAFIFO() throws {
        let dir = try SimulateCommandTests.fixture()
        let fifo = dir.path("trace.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Self.simulate([], traces: fifo, in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(fifo): not a regular file (a FIFO)"), "\(result.stderr)")
        #expect(!result.stderr.contains("permission"), "\(result.stderr)")
    }

    @Test func aSymbolicLinkLoopIsNamedAsALoop() throws {
        let dir = try SimulateCommandTests.fixture()
        try FileManager.default.createSymbolicLink(atPath: dir.path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: dir.path("b"), withDestinationPath: "a")
        for (traces, video) in [(dir.path("a"), dir.path("movie.json")), (dir.path("traces"), dir.path("a"))] {
            let result = try Self.simulate([], traces: traces, video: video, in: dir)
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(dir.path("a")): a symbolic link loop"), "\(result.stderr)")
        }
    }

    @Test(arguments: [("4000.5", "segment_sizes_bits[0][1]: size 4000.5 is not a whole number of bits"), ("1e20", "does not fit in 64 bits")])
    func aSegmentSizeThatIsNotA64BitWholeNumberIsNamedWithItsFileAndPath(size: String, message: String) throws {
        let dir = try SimulateCommandTests.fixture()
        let movie = try dir.file("sizes.json", #"{"segment_duration_ms": 1000, "bitrates_kbps": [500, 1000], "segment_sizes_bits": [[500000, \#(size)]]}"#)
        let result = try Self.simulate([], video: movie, in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains(movie) && result.stderr.contains(message) && !result.stderr.contains("invalid JSON"), "\(result.stderr)")
    }

    @Test func aHugeSegmentDurationNamesTheFile() throws {
        let dir = try SimulateCommandTests.fixture()
        let movie = try dir.file("long.json", #"{"segment_duration_ms": 1e300, "bitrates_kbps": [500], "segment_sizes_bits": [[500000]]}"#)
        let result = try Self.simulate([], video: movie, in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(movie): ") && result.stderr.contains("segment duration"), "\(result.stderr)")
    }

    @Test func aSegmentLongerThanTheBufferNamesTheFile() throws {
        // 100 s segments against the default 60 s buffer; 60 s segments fit (the boundary).
        let dir = try SimulateCommandTests.fixture()
        let long = try dir.file("long.json", #"{"segment_duration_ms": 100000, "bitrates_kbps": [500], "segment_sizes_bits": [[500000]]}"#)
        let result = try Self.simulate([], video: long, in: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(long): maximum buffer"), "\(result.stderr)")
        let fits = try dir.file("fits.json", #"{"segment_duration_ms": 60000, "bitrates_kbps": [500], "segment_sizes_bits": [[500000]]}"#)
        #expect(try Self.simulate([], video: fits, in: dir).status == 0)
    }

    @Test func anHLSSegmentOutsideThePlaylistsFolderNeedsAllowOutside() throws {
        let dir = try SimulateCommandTests.fixture()
        try Data(count: 125_000).write(to: URL(fileURLWithPath: dir.path("shared.m4s")))
        try dir.directory("title")
        try dir.file("title/v.m3u8", "#EXTM3U\n#EXTINF:1.0,\n../shared.m4s\n")
        let master = try dir.file("title/master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000000\nv.m3u8\n")
        let refused = try Self.simulate([], video: master, in: dir)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("v.m3u8:3: segment ../shared.m4s leads outside") && refused.stderr.contains("--allow-outside"), "\(refused.stderr)")
        let allowed = try Self.simulate(["--allow-outside"], video: master, in: dir)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("1 segments × 1 s"), "\(allowed.stdout)")
    }

    @Test func theSimulateHelpDocumentsAllowOutside() throws {
        let result = try CLI.run(["simulate", "--help"])
        #expect(result.stdout.contains("--allow-outside"))
    }
}

#if FFmpeg
/// The encoder commands' numbers: negatives and huge values rejected before any work, with a message.
@Suite struct EncoderOptionErrorTests {
    @Test(arguments: [
        (["encode", "--sample", "-4", "--out", "x"], "--sample -4.0: expected a positive number of seconds, at most 86400"),
        (["encode", "--sample", "1e300", "--out", "x"], "--sample 1e+300: expected a positive number of seconds, at most 86400"),
        (["encode", "--sample", "1", "--segment-seconds", "-2", "--out", "x"], "--segment-seconds -2.0: expected a positive number of seconds, at most 60"),
        (["encode", "--sample", "1", "--segment-seconds", "1e300", "--out", "x"], "--segment-seconds 1e+300: expected a positive number"),
        (["encode", "--sample", "1", "--segment-seconds", "60.001", "--out", "x"], "--segment-seconds 60.001: expected"),
        (["hull", "--sample", "-1", "--out", "x"], "--sample -1.0: expected a positive number"),
        (["hull", "--sample", "1", "--segment-seconds", "-2", "--out", "x"], "--segment-seconds -2.0: expected a positive number"),
        (["hull", "--sample", "1", "--segment-seconds", "1e300", "--out", "x"], "--segment-seconds 1e+300: expected a positive number"),
        (["hull", "--sample", "1", "--jobs", "-1", "--out", "x"], "--jobs -1: expected 0 (one per core) or more"),
        (["hull", "--sample", "1", "--bitrates", "-400", "--out", "x"], "--bitrates: '-400' is not a positive whole number"),
        (["demo", "--seconds", "-4"], "--seconds -4.0: expected a positive number of seconds"),
        (["demo", "--segment-seconds", "-1"], "--segment-seconds -1.0: expected a positive number"),
        (["demo", "--program-seconds", "-600"], "--program-seconds -600.0: expected a positive number of seconds"),
        (["demo", "--program-seconds", "1e300"], "--program-seconds 1e+300: expected a positive number of seconds, at most 86400"),
        (["demo", "--jobs", "-2"], "--jobs must be at least 1, got -2"),
    ])
    func aBadNumberIsRejectedWithAMessageBeforeAnyWork(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message) && !result.stderr.contains("Missing value"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
    }

    @Test(arguments: ["hull", "demo"])
    func anOutputFolderBelowARegularFileNamesTheFile(command: String) throws {
        let dir = try TemporaryDirectory()
        let file = try dir.file("results", "not a folder")
        let out = file + "/run/1"
        let arguments = command == "hull" ? ["hull", "--sample", "1", "--out", out] : ["demo", "--out", out]
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot create the output folder \(out): \(file) is a file, not a folder"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)")
    }

    @Test func aSegmentDurationOfExactlySixtySecondsPassesValidation() throws {
        // Rejected later (no such input), so validation let 60 s through.
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["encode", dir.path("nope.mp4"), "--segment-seconds", "60", "--out", dir.path("out")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nope.mp4") && !result.stderr.contains("--segment-seconds"), "\(result.stderr)")
    }
}
#endif
