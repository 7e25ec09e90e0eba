#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// Bad inputs give a clear error with a code, and never leave a manifest behind.
@Suite("EncodeJob bad input", .serialized)
struct EncodeJobBadInputTests {
    /// One way an input can be wrong, and the error it must produce.
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var expected: EncodeError.Code
        /// Words the message must contain (what was wrong, which file).
        var messageContains: [String]
        /// Makes the input in the test directory and returns its path.
        var make: @Sendable (TemporaryDirectory) throws -> String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "missing file", expected: .inputNotFound, messageContains: ["missing.mp4", "does not exist"]) {
            $0.path("missing.mp4")
        },
        Case(label: "not a video (text)", expected: .unsupportedInput, messageContains: ["notes.txt"]) {
            try $0.file("notes.txt", "just some words\n")
        },
        Case(label: "zero-length file", expected: .unsupportedInput, messageContains: ["empty.mp4"]) {
            try $0.file("empty.mp4", "")
        },
        Case(label: "audio only", expected: .noVideoStream, messageContains: ["tone.m4a", "no video stream"]) {
            let path = $0.path("tone.m4a")
            try FFmpegCLI.run(["-v", "error", "-f", "lavfi", "-i", "sine", "-t", "1", "-c:a", "aac", path])
            return path
        },
        Case(label: "truncated mid-file", expected: .unsupportedInput, messageContains: ["cut.mp4"]) {
            // moov first (faststart), then only the first 60 % of the media data.
            let full = $0.path("full.mp4"), cut = $0.path("cut.mp4")
            try MediaTools.makeClip(at: full, seconds: 3, videoCodec: ["-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart"])
            let data = try Data(contentsOf: URL(fileURLWithPath: full))
            try data.prefix(data.count * 6 / 10).write(to: URL(fileURLWithPath: cut))
            return cut
        },
    ]

    @Test(arguments: cases)
    func badInputFailsClearlyAndLeavesNoManifest(_ badInput: Case) throws {
        let directory = try TemporaryDirectory.forEncoding()
        let input = try badInput.make(directory)
        // A manifest of an earlier run must not survive a failed run either.
        let out = try directory.directory("out")
        try Data("{}".utf8).write(to: out.appendingPathComponent("ladder.json"))
        try Data("#EXTM3U\n".utf8).write(to: out.appendingPathComponent("master.m3u8"))
        let job = EncodeJob(
            options: EncodeOptions(
                input: .file(path: input), ladder: TestLadder.make(), outputDirectory: out,
                measureQuality: false))
        let error = try #require(throws: EncodeError.self) { try job.run() }
        #expect(error.code == badInput.expected, "\(error)")
        for word in badInput.messageContains { #expect(error.description.contains(word), "\(error)") }
        if badInput.expected == .unsupportedInput && badInput.label.hasPrefix("truncated") {
            // Failed after segments were written: the stale manifests are gone, no new ones exist.
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("ladder.json").path))
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("master.m3u8").path))
        } else {
            // Failed before any output: the directory was not touched.
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("ladder.json").path))
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.mpd").path))
    }

    @Test func unwritableOutputDirectoryIsReported() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let blocker = directory.url.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let out = blocker.appendingPathComponent("out")
        let job = EncodeJob(options: EncodeOptions(input: .sample(durationSeconds: 1), ladder: TestLadder.make(), outputDirectory: out))
        let error = try #require(throws: EncodeError.self) { try job.run() }
        #expect(error.code == .outputNotWritable)
        #expect(error.message.contains(out.path))
    }

    @Test func rungsAboveTheSourceAreSkippedWithAWarningUnlessUpscaling() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let source = directory.path("small.mkv")
        try MediaTools.makeClip(at: source, size: "320x180", rate: 25, seconds: 1)
        let ladder = TestLadder.make(
            rungs: TestLadder.make().rungs + [
                Rung(
                    name: "360p", width: 640, height: 360, codec: .libx264, bitrateKbps: 800, maxrateKbps: 1200, bufsizeKbits: 1600,
                    preset: "veryfast")
            ])
        var warnings: [String] = []
        let skipped = try EncodeJob(
            options: EncodeOptions(
                input: .file(path: source), ladder: ladder,
                outputDirectory: directory.url.appendingPathComponent("a"), measureQuality: false)
        )
        .run(warn: { warnings.append($0) })
        #expect(skipped.rungs.map(\.rung.name) == ["90p", "180p"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("360p") == true && warnings.first?.contains("--upscale") == true)
        let upscaled = try EncodeJob(
            options: EncodeOptions(
                input: .file(path: source), ladder: ladder,
                outputDirectory: directory.url.appendingPathComponent("b"), upscale: true,
                measureQuality: false)
        ).run()
        #expect(upscaled.rungs.map(\.rung.name) == ["90p", "180p", "360p"])
    }

    @Test func noRungFittingTheSourceIsAnError() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let source = directory.path("tiny.mkv")
        try MediaTools.makeClip(at: source, size: "128x72", rate: 25, seconds: 1)
        let error = try #require(throws: EncodeError.self) {
            try EncodeJob(
                options: EncodeOptions(
                    input: .file(path: source), ladder: TestLadder.make(),
                    outputDirectory: directory.url.appendingPathComponent("out"))
            ).run()
        }
        #expect(error.code == .noUsableRung)
        // Rungs are chosen before the output is touched.
        #expect(!FileManager.default.fileExists(atPath: directory.path("out")))
    }

    @Test func oddSourceDimensionsEncode() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let source = directory.path("odd.mkv")
        // 4:4:4 at an odd size (4:2:0 cannot have one): the source is converted to 4:2:0 before scaling.
        try FFmpegCLI.run([
            "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=322x182:rate=24,format=yuv444p,crop=321:181:0:0",
            "-t", "1", "-c:v", "ffv1", source,
        ])
        let report = try EncodeJob(
            options: EncodeOptions(
                input: .file(path: source), ladder: TestLadder.make(),
                outputDirectory: directory.url.appendingPathComponent("out"))
        ).run()
        #expect(report.source.width == 321 && report.source.height == 181)
        #expect(report.rungs.count == 2)
        #expect(report.rungs.allSatisfy { ($0.quality?.frameCount ?? 0) == 24 })
    }

    @Test func oddRungDimensionsAreRejected() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let ladder = TestLadder.make(rungs: [
            Rung(
                name: "odd", width: 161, height: 91, codec: .libx264, bitrateKbps: 100,
                maxrateKbps: 150, bufsizeKbits: 200)
        ])
        let error = try #require(throws: EncodeError.self) {
            try EncodeJob(
                options: EncodeOptions(
                    input: .sample(durationSeconds: 1), ladder: ladder,
                    outputDirectory: directory.url.appendingPathComponent("out"))
            ).run()
        }
        #expect(error.code == .invalidLadder)
        #expect(error.message.contains("161x91"))
    }
}
#endif
