import ABRFormats
import Foundation
import TestSupport
import Testing

/// VMAF from the command line: `simulate --qoe quality --quality-metric vmaf` over a ladder.json
/// (hand-computed), and `encode --metrics …,vmaf` end to end with its bad inputs.
@Suite(.serialized) struct VMAFCommandTests {
    /// A 4-segment ladder.json (0.5 and 1 Mbit/s, 1 s segments) with per-segment VMAF and SSIM dB tables.
    static func ladderFixture() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.file(
            "ladder.json",
            #"""
            {"abrkit_ladder_version": 1, "segment_duration_ms": 1000, "bitrates_kbps": [500, 1000],
             "segment_sizes_bits": [[500000, 1000000], [500000, 1000000], [500000, 1000000], [500000, 1000000]],
             "levels": [
               {"name": "low", "width": 160, "height": 90, "codec": "libx264", "average_kbps": 500, "peak_kbps": 500, "gb_per_hour": 0.225},
               {"name": "high", "width": 320, "height": 180, "codec": "libx264", "average_kbps": 1000, "peak_kbps": 1000, "gb_per_hour": 0.45}],
             "segment_quality": {"vmaf": [[70, 95], [80, 96], [90, 97], [60, 98]], "ssim_db": [[10, 20], [11, 21], [12, 22], [13, 23]]}}
            """#)
        try dir.file("link.json", #"[{"duration_ms": 100000, "bandwidth_kbps": 1000, "latency_ms": 0}]"#)
        return dir
    }

    /// Runs `simulate --policy throughput --qoe quality` and returns the one session's QoE.
    static func qualityQoE(_ dir: TemporaryDirectory, metric: String) throws -> String? {
        let out = dir.url.appendingPathComponent("out-\(metric)")
        let result = try CLI.run([
            "simulate", "--video", dir.path("ladder.json"), "--traces", dir.path("link.json"), "--policy", "throughput",
            "--qoe", "quality", "--quality-metric", metric, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("sessions.csv"), encoding: .utf8)
        let (header, records) = try CSVTable.parse(text, path: "sessions.csv")
        return records.first.flatMap { Dictionary(uniqueKeysWithValues: zip(header, $0))["qoe"] }
    }

    @Test func qualityQoEOverVMAFMatchesTheHandComputedSession() throws {
        let dir = try Self.ladderFixture()
        // 1 Mbit/s × 0.9 never reaches the 1 Mbit/s level, so every segment plays at level 0 without
        // a stall: Σ VMAF − Σ |ΔVMAF| = (70 + 80 + 90 + 60) − (10 + 10 + 30) = 250.
        #expect(try Self.qualityQoE(dir, metric: "vmaf") == "250")
        // The same session scored by the other table: (10 + 11 + 12 + 13) − 3 = 43.
        #expect(try Self.qualityQoE(dir, metric: "ssim_db") == "43")
    }

    @Test func comycoQoEMatchesTheHandComputedSession() throws {
        let dir = try Self.ladderFixture()
        let out = dir.url.appendingPathComponent("out-comyco")
        // No --quality-metric: Comyco's weights read the vmaf table, though ssim_db would be the default.
        let result = try CLI.run([
            "simulate", "--video", dir.path("ladder.json"), "--traces", dir.path("link.json"), "--policy", "throughput", "--qoe", "comyco",
            "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let (header, records) = try CSVTable.parse(try String(contentsOf: out.appendingPathComponent("sessions.csv"), encoding: .utf8), path: "sessions.csv")
        let qoe = try #require(records.first.flatMap { Double(Dictionary(uniqueKeysWithValues: zip(header, $0))["qoe"] ?? "") })
        // Level 0 throughout, no stall (as above): VMAF 70, 80, 90, 60 →
        // 0.8469011·300 + 0.29797156·(10 + 10) − 1.06099887·30 − 4·2.661618558192494
        // = 254.07033 + 5.9594312 − 31.8299661 − 10.646474232769976 = 217.55332086723004.
        #expect(abs(qoe - 217.55332086723004) < 5e-7, "\(qoe)")  // sessions.csv has 6 decimals
        #expect(try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8).contains(#""qoe": "comyco""#))
    }

    @Test(arguments: [
        (["--qoe", "comyco", "--quality-metric", "ssim_db"], "VMAF"), (["--qoe", "comyco", "--model", "pensieve"], "--qoe comyco"),
    ])
    func comycoRefusesWhatItCannotScore(options: [String], message: String) throws {
        let dir = try Self.ladderFixture()
        let result = try CLI.run(["simulate", "--video", dir.path("ladder.json"), "--traces", dir.path("link.json"), "--policy", "throughput"] + options)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aLadderWithOnlyVMAFPlaysItsVMAFByDefault() throws {
        let dir = try Self.ladderFixture()
        let text = try String(contentsOfFile: dir.path("ladder.json"), encoding: .utf8)
        try dir.file("ladder.json", text.replacingOccurrences(of: #", "ssim_db": [[10, 20], [11, 21], [12, 22], [13, 23]]"#, with: ""))
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run([
            "simulate", "--video", dir.path("ladder.json"), "--traces", dir.path("link.json"), "--policy", "throughput",
            "--qoe", "quality", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("sessions.csv"), encoding: .utf8).contains(",throughput,4,250,"))
    }

    #if FFmpeg
    /// A two-rung ladder file (160×90 and 320×180 x264, 1 s segments).
    static func ladderSpec(_ dir: TemporaryDirectory) throws -> String {
        try dir.file(
            "spec.json",
            #"""
            {"name": "vmaf-test", "segment_seconds": 1, "rungs": [
              {"name": "90p", "width": 160, "height": 90, "codec": "libx264", "bitrate_kbps": 150, "preset": "veryfast"},
              {"name": "180p", "width": 320, "height": 180, "codec": "libx264", "bitrate_kbps": 400, "preset": "veryfast"}]}
            """#)
    }

    @Test(.enabled(if: FFmpegCLI.vmafExecutable != nil, "no ffmpeg with libvmaf: scripts/setup.sh --vmaf installs one"))
    func encodeWithVMAFWritesATableTheSimulatorPlays() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("out")
        let encoded = try CLI.run([
            "encode", "--sample", "2", "--ladder", try Self.ladderSpec(dir), "--out", out.path, "--metrics", "psnr,ssim,vmaf",
            "--vmaf-subsample", "2",
        ])
        #expect(encoded.status == 0, "\(encoded.stderr)")
        let header = try #require(encoded.stdout.split(separator: "\n").first)
        #expect(header.contains("VMAF") && header.contains("VMAF hmean") && header.contains("VMAF p5") && header.contains("SSIM"))
        let ladder = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("ladder.json")))
        #expect(ladder.vmaf == LadderFile.VMAFInfo(model: "vmaf_v0.6.1", subsample: 2))
        let table = try #require(ladder.segmentQuality?["vmaf"])
        #expect(table.count == 2 && table.allSatisfy { $0.count == 2 && $0.allSatisfy { (0...100).contains($0) } })
        for level in ladder.levels {
            let mean = try #require(level.vmaf), harmonic = try #require(level.vmafHarmonicMean), low = try #require(level.vmafPercentile5)
            #expect(low <= harmonic && harmonic <= mean, "\(level.name)")
        }
        let simulated = try CLI.run([
            "simulate", "--video", out.appendingPathComponent("ladder.json").path, "--traces", "traces/lte-like-01",
            "--qoe", "quality", "--quality-metric", "vmaf", "--out", dir.path("results"),
        ])
        #expect(simulated.status == 0, "\(simulated.stderr)")
    }

    @Test(arguments: [
        (["--metrics", "psnr,vmf"], "unknown metric 'vmf'"),
        (["--metrics", "psnr,ssim,vmaf", "--vmaf-subsample", "0"], "--vmaf-subsample 0: expected 1"),
        (["--metrics", "psnr,ssim,vmaf", "--vmaf-subsample", "7"], "divisor of the 30-frame segment"),
        (["--vmaf-model", "vmaf_4k_v0.6.1"], "add vmaf to --metrics"),
        (["--no-quality", "--metrics", "vmaf"], "drop --metrics"),
    ])
    func badVMAFOptionsFailWithAMessage(arguments: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["encode", "--sample", "1", "--ladder", try Self.ladderSpec(dir), "--out", dir.path("out")] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }

    @Test(.enabled(if: FFmpegCLI.vmafExecutable != nil, "no ffmpeg with libvmaf: scripts/setup.sh --vmaf installs one"))
    func anUnknownModelFailsNamingIt() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run([
            "encode", "--sample", "1", "--ladder", try Self.ladderSpec(dir), "--out", dir.path("out"), "--metrics", "vmaf",
            "--vmaf-model", "vmaf_v9",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("VMAF model 'vmaf_v9'"), "\(result.stderr)")
    }
    #endif
}
