#if FFmpeg
import Foundation
import TestSupport
import Testing

/// `abrkit encode`'s progress when stderr is not a terminal (a pipe here): plain `progress:` lines
/// at `--progress-interval`, for the encode and the quality phase, and nothing else changes.
@Suite(.serialized) struct EncodeProgressCommandTests {
    /// One phase of a `progress:` line: frames done, total, speed.
    struct Phase: Equatable {
        var done: Int
        var total: Int
        var framesPerSecond: Double
    }

    /// The `encode` and `quality` parts of each `progress:` line of `stderr`, in order.
    static func phases(_ stderr: String) throws -> [(encode: Phase, quality: Phase?)] {
        let pattern = #/(encode|quality) (\d+)/(\d+) frames (\d+\.\d) fps(?: ETA \d+ s)?/#
        return try stderr.split(separator: "\n").filter { $0.hasPrefix("progress: ") }.map { line in
            var found: [String: Phase] = [:]
            for match in line.matches(of: pattern) {
                found[String(match.1)] = Phase(done: Int(match.2) ?? -1, total: Int(match.3) ?? -1, framesPerSecond: Double(match.4) ?? -1)
            }
            return (try #require(found["encode"], "\(line)"), found["quality"])
        }
    }

    @Test func pipedStderrGetsPlainLinesForBothPhasesEndingAtTheTotal() throws {
        let dir = try EncodeCommandTests.fixture()
        // 4 s at 30 fps: 120 frames, long enough for several reports 0.05 s apart.
        let result = try CLI.run([
            "encode", "--sample", "4", "--ladder", dir.path("ladder-spec.json"), "--out", dir.path("out"), "--progress-interval", "0.05",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}["), "no terminal control codes in a pipe")
        let lines = try Self.phases(result.stderr)
        #expect(lines.count >= 2, "an intermediate report and the final one: \(result.stderr)")
        for (encode, quality) in lines {
            let quality = try #require(quality, "the quality phase is reported on every line")
            for phase in [encode, quality] {
                #expect(phase.total == 120)
                #expect(phase.done >= 0 && phase.done <= phase.total)
                #expect(phase.framesPerSecond >= 0)
            }
            // A frame is measured only after it has been encoded.
            #expect(quality.done <= encode.done)
        }
        // Counts never go back, and the last line is at the total for both phases.
        for (earlier, later) in zip(lines, lines.dropFirst()) {
            #expect(later.encode.done >= earlier.encode.done)
            #expect((later.quality?.done ?? 0) >= (earlier.quality?.done ?? 0))
        }
        #expect(lines.last?.encode.done == 120)
        #expect(lines.last?.quality?.done == 120)
        #expect(lines.last.map { $0.encode.framesPerSecond > 0 } == true)
    }

    @Test func progressPaceChangesNothingButStderr() throws {
        let dir = try EncodeCommandTests.fixture()
        var outputs: [(stdout: String, ladder: Data, segment: Data)] = []
        for (name, interval) in [("fast", ["--progress-interval", "0.01"]), ("default", [])] {
            let out = dir.path(name)
            let result = try CLI.run(["encode", "--sample", "2", "--ladder", dir.path("ladder-spec.json"), "--out", out] + interval)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(
                (
                    result.stdout, try Data(contentsOf: URL(fileURLWithPath: out + "/ladder.json")),
                    try Data(contentsOf: URL(fileURLWithPath: out + "/180p/segment-00002.m4s"))
                ))
        }
        #expect(outputs[0].stdout == outputs[1].stdout)
        #expect(outputs[0].ladder == outputs[1].ladder)
        #expect(outputs[0].segment == outputs[1].segment)
    }

    @Test func withoutQualityOnlyTheEncodePhaseIsReported() throws {
        let dir = try EncodeCommandTests.fixture()
        let result = try CLI.run(["encode", "--sample", "1", "--ladder", dir.path("ladder-spec.json"), "--out", dir.path("out"), "--no-quality"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.phases(result.stderr)
        #expect(lines.last?.encode == lines.last.map { Phase(done: 30, total: 30, framesPerSecond: $0.encode.framesPerSecond) })
        #expect(lines.allSatisfy { $0.quality == nil })
    }

    @Test(arguments: ["0", "-1", "nan", "3601", "x"])
    func badIntervalsAreRejectedBeforeAnyWork(_ value: String) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["encode", "--sample", "1", "--out", dir.path("out"), "--progress-interval", value])
        #expect(result.status != 0)
        #expect(result.stderr.contains("progress-interval"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }
}
#endif
