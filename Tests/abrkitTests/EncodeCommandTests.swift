#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

/// `abrkit encode` end to end: the summary table, ladder.json, a simulation of the result, and errors.
@Suite(.serialized) struct EncodeCommandTests {
    /// A two-rung ladder file (160×90 and 320×180 x264, 1 s segments) in a scratch folder.
    static func fixture() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        let ladder = #"""
            {"name": "cli-test", "segment_seconds": 1, "rungs": [
              {"name": "90p", "width": 160, "height": 90, "codec": "libx264", "bitrate_kbps": 150, "maxrate_kbps": 225, "bufsize_kbits": 300, "preset": "veryfast"},
              {"name": "180p", "width": 320, "height": 180, "codec": "libx264", "bitrate_kbps": 400, "maxrate_kbps": 600, "bufsize_kbits": 800, "preset": "veryfast"}]}
            """#
        try dir.file("ladder-spec.json", ladder)
        return dir
    }

    @Test func sampleEncodePrintsOneRowPerRungAndWritesALadderTheSimulatorPlays() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run(["encode", "--sample", "2", "--ladder", dir.path("ladder-spec.json"), "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.contains("GB/h") == true && lines.first?.contains("SSIM") == true)
        #expect(lines.dropFirst().first?.hasPrefix("90p") == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("180p") == true)
        #expect(result.stdout.contains("60 frames, 2.00 s"))
        // Not a terminal: plain progress lines, the last one at the total for both phases.
        let progress = result.stderr.split(separator: "\n").filter { $0.hasPrefix("progress: ") }
        #expect(progress.last?.contains("encode 60/60 frames") == true && progress.last?.contains("quality 60/60 frames") == true, "\(result.stderr)")
        let ladder = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("ladder.json")))
        #expect(ladder.levels.map(\.name) == ["90p", "180p"])
        #expect(ladder.segmentSizesBits.count == 2)
        #expect(ladder.levels.allSatisfy { $0.psnrDb != nil && $0.ssim != nil })

        try dir.directory("traces")
        try dir.file("traces/2mbps.json", #"[{"duration_ms": 100000, "bandwidth_kbps": 2000, "latency_ms": 0}]"#)
        let simulated = try CLI.run([
            "simulate", "--video", out.appendingPathComponent("ladder.json").path, "--traces", dir.path("traces"),
            "--policy", "throughput", "--out", dir.path("sim"),
        ])
        #expect(simulated.status == 0, "\(simulated.stderr)")

        // The master playlist plays the same segments: sizes from the files it lists equal ladder.json's.
        let viaHLS = try VideoReader.read(path: out.appendingPathComponent("master.m3u8").path)
        let viaLadder = try VideoReader.read(path: out.appendingPathComponent("ladder.json").path)
        #expect(viaHLS.segmentBytes == viaLadder.segmentBytes)
        #expect(viaHLS.levels.map(\.height) == [90, 180])
        #expect(abs(viaHLS.segmentSeconds - viaLadder.segmentSeconds) < 1e-9)
    }

    /// The three descriptions `encode` writes of one title play it alike: manifest.mpd (DASH reader),
    /// master.m3u8 (HLS reader) and ladder.json give the same segments, sizes and durations, the short
    /// last segment of a 2.5 s source included; only the nominal bitrates differ by definition
    /// (ladder.json: the rung's target; HLS: AVERAGE-BANDWIDTH; DASH: @bandwidth).
    @Test func theMPDThePlaylistsAndLadderJSONDescribeOneVideo() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let encoded = try CLI.run(["encode", "--sample", "2.5", "--ladder", dir.path("ladder-spec.json"), "--out", out.path, "--no-quality"])
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let viaDASH = try VideoReader.read(path: out.appendingPathComponent("manifest.mpd").path)
        let viaHLS = try VideoReader.read(path: out.appendingPathComponent("master.m3u8").path)
        let viaLadder = try VideoReader.read(path: out.appendingPathComponent("ladder.json").path)
        for other in [viaHLS, viaLadder] {
            #expect(viaDASH.segmentBytes == other.segmentBytes)
            #expect(viaDASH.segmentSeconds == other.segmentSeconds)
            #expect(viaDASH.segmentDurations == other.segmentDurations)
            #expect(viaDASH.levels.map(\.width) == other.levels.map(\.width))
            #expect(viaDASH.levels.map(\.height) == other.levels.map(\.height))
        }
        #expect(viaDASH.segmentDurations == [1, 1, 0.5])
        #expect(viaDASH.levels.map(\.name) == ["90p", "180p"] && viaDASH.levels.map(\.name) == viaLadder.levels.map(\.name))
        // Every byte of every segment file is counted once: the table sums to the files on disk.
        let onDisk = try ["90p", "180p"].flatMap { rung in
            try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(rung).path).filter { $0.hasSuffix(".m4s") }
                .map { try #require(FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("\(rung)/\($0)").path)[.size] as? Int) }
        }
        #expect(viaDASH.segmentBytes.joined().reduce(0, +) == onDisk.reduce(0, +))
        // ladder.json writes paths with plain slashes.
        let ladderText = try String(contentsOf: out.appendingPathComponent("ladder.json"), encoding: .utf8)
        #expect(!ladderText.contains("\\/"))

        try dir.directory("traces")
        try dir.file("traces/2mbps.json", #"[{"duration_ms": 100000, "bandwidth_kbps": 2000, "latency_ms": 0}]"#)
        for extra in [[], ["--video-format", "dash"]] {
            let simulated = try CLI.run(
                ["simulate", "--video", out.appendingPathComponent("manifest.mpd").path, "--traces", dir.path("traces"), "--policy", "bba"] + extra)
            #expect(simulated.status == 0, "\(simulated.stderr)")
        }
    }

    @Test func missingInputFailsWithTheFileNamed() throws {
        let dir = try Self.fixture()
        let result = try CLI.run([
            "encode", dir.path("nope.mp4"), "--ladder",
            dir.path("ladder-spec.json"), "--out", dir.path("out"),
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nope.mp4") && result.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/ladder.json")))
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
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["encode", "--sample", "1", "--ladder", "no-such-ladder", "--out", dir.path("out")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("sd-hd-4k"))
    }

    /// `--part-seconds`: parts in ladder.json that `simulate` plays, LL tags in the playlists.
    @Test func partSecondsWritesPartSizesTheSimulatorReads() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run([
            "encode", "--sample", "2", "--ladder", dir.path("ladder-spec.json"), "--out", out.path, "--no-quality", "--part-seconds", "0.5",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let ladder = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("ladder.json")))
        #expect(ladder.partSeconds == 0.5)
        // Two 1 s segments of two 15-frame parts, at each of the two levels.
        #expect(ladder.segmentPartSizesBytes?.map { $0.map(\.count) } == [[2, 2], [2, 2]])
        let video = try VideoReader.read(path: out.appendingPathComponent("ladder.json").path)
        #expect(video.parts?.bytes == ladder.segmentPartSizesBytes)
        let playlist = try String(contentsOf: out.appendingPathComponent("180p/playlist.m3u8"), encoding: .utf8)
        #expect(playlist.contains("#EXT-X-PART-INF:PART-TARGET=0.500000\n"))
        #expect(playlist.contains("PART-HOLD-BACK=1.500000"))

        try dir.directory("traces")
        try dir.file("traces/2mbps.json", #"[{"duration_ms": 100000, "bandwidth_kbps": 2000, "latency_ms": 0}]"#)
        for manifest in ["ladder.json", "master.m3u8", "manifest.mpd"] {
            let simulated = try CLI.run([
                "simulate", "--video", out.appendingPathComponent(manifest).path, "--traces", dir.path("traces"), "--policy", "throughput",
            ])
            #expect(simulated.status == 0, "\(manifest): \(simulated.stderr)")
        }
    }

    /// Refused with a non-zero exit, naming the value, before the output folder exists: not positive,
    /// longer than the ladder's 1 s segment (or the --segment-seconds one), shorter than a frame.
    @Test(arguments: [
        (["--part-seconds", "0"], "--part-seconds 0"), (["--part-seconds", "-1"], "--part-seconds -1"),
        (["--part-seconds", "1.5"], "1.5 s"), (["--segment-seconds", "1", "--part-seconds", "2"], "--part-seconds 2"),
        (["--part-seconds", "0.01"], "shorter than one frame"),
    ])
    func badPartSecondsFailBeforeAnyWork(_ extra: [String], _ words: String) throws {
        let dir = try Self.fixture()
        let result = try CLI.run(["encode", "--sample", "1", "--ladder", dir.path("ladder-spec.json"), "--out", dir.path("out")] + extra)
        #expect(result.status != 0)
        #expect(result.stderr.contains(words) && result.stderr.contains("part"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }

    @Test func helpDescribesPartSeconds() throws {
        let result = try CLI.run(["encode", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--part-seconds") && result.stdout.contains("LL-HLS"))
    }
}
#endif
