import ABRFormats
import Foundation
import Testing

/// `abrkit encode` end to end: the summary table, ladder.json, a simulation of the result, and errors.
@Suite(.serialized) struct EncodeCommandTests {
    /// A two-rung ladder file (160×90 and 320×180 x264, 1 s segments) in a scratch folder.
    static func fixture() throws -> URL {
        let dir = try CLI.scratch()
        let ladder = #"""
            {"name": "cli-test", "segment_seconds": 1, "rungs": [
              {"name": "90p", "width": 160, "height": 90, "codec": "libx264", "bitrate_kbps": 150, "maxrate_kbps": 225, "bufsize_kbits": 300, "preset": "veryfast"},
              {"name": "180p", "width": 320, "height": 180, "codec": "libx264", "bitrate_kbps": 400, "maxrate_kbps": 600, "bufsize_kbits": 800, "preset": "veryfast"}]}
            """#
        try ladder.write(to: dir.appendingPathComponent("ladder-spec.json"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func sampleEncodePrintsOneRowPerRungAndWritesALadderTheSimulatorPlays() throws {
        let dir = try Self.fixture()
        let out = dir.appendingPathComponent("out")
        let result = try CLI.run(["encode", "--sample", "2", "--ladder", dir.appendingPathComponent("ladder-spec.json").path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.contains("GB/h") == true && lines.first?.contains("SSIM") == true)
        #expect(lines.dropFirst().first?.hasPrefix("90p") == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("180p") == true)
        #expect(result.stdout.contains("60 frames, 2.00 s"))
        // Not a terminal: no progress line on stderr.
        #expect(!result.stderr.contains("fps"))
        let ladder = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("ladder.json")))
        #expect(ladder.levels.map(\.name) == ["90p", "180p"])
        #expect(ladder.segmentSizesBits.count == 2)
        #expect(ladder.levels.allSatisfy { $0.psnrDb != nil && $0.ssim != nil })

        let traces = dir.appendingPathComponent("traces")
        try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)
        try #"[{"duration_ms": 100000, "bandwidth_kbps": 2000, "latency_ms": 0}]"#.write(
            to: traces.appendingPathComponent("2mbps.json"), atomically: true, encoding: .utf8)
        let simulated = try CLI.run([
            "simulate", "--video", out.appendingPathComponent("ladder.json").path, "--traces", traces.path,
            "--policy", "throughput", "--out", dir.appendingPathComponent("sim").path,
        ])
        #expect(simulated.status == 0, "\(simulated.stderr)")

        // The master playlist plays the same segments: sizes from the files it lists equal ladder.json's.
        let viaHLS = try VideoReader.read(path: out.appendingPathComponent("master.m3u8").path)
        let viaLadder = try VideoReader.read(path: out.appendingPathComponent("ladder.json").path)
        #expect(viaHLS.segmentBytes == viaLadder.segmentBytes)
        #expect(viaHLS.levels.map(\.height) == [90, 180])
        #expect(abs(viaHLS.segmentSeconds - viaLadder.segmentSeconds) < 1e-9)
    }

    @Test func missingInputFailsWithTheFileNamed() throws {
        let dir = try Self.fixture()
        let result = try CLI.run([
            "encode", dir.appendingPathComponent("nope.mp4").path, "--ladder",
            dir.appendingPathComponent("ladder-spec.json").path, "--out", dir.appendingPathComponent("out").path,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nope.mp4") && result.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/ladder.json").path))
    }

    @Test(arguments: [
        ["encode", "--out", "x"], ["encode", "in.mp4", "--sample", "2", "--out", "x"],
        ["encode", "--sample", "0", "--out", "x"], ["encode", "--sample", "1", "--jobs", "-1", "--out", "x"],
    ])
    func invalidArgumentsAreRejectedBeforeAnyWork(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error"))
    }

    @Test func unknownLadderPresetListsThePresets() throws {
        let dir = try CLI.scratch()
        let result = try CLI.run(["encode", "--sample", "1", "--ladder", "no-such-ladder", "--out", dir.appendingPathComponent("out").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("sd-hd-4k"))
    }
}
