import ABRFormats
import Foundation
import TestSupport
import Testing

/// `abrkit simulate` end to end: hand-computable sessions, CSV shape, determinism across --jobs, errors.
@Suite struct SimulateCommandTests {
    /// A folder with a 4-segment CBR movie (0.5 and 1 Mbit/s, 1 s segments) and two constant traces.
    static func fixture() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        let movie =
            #"{"segment_duration_ms": 1000, "bitrates_kbps": [500, 1000], "segment_sizes_bits": [[500000, 1000000], [500000, 1000000], [500000, 1000000], [500000, 1000000]]}"#
        try dir.file("movie.json", movie)
        try dir.directory("traces")
        try dir.file("traces/a-1mbps.json", #"[{"duration_ms": 100000, "bandwidth_kbps": 1000, "latency_ms": 0}]"#)
        try dir.file("traces/b-4mbps.txt", "0 4\n50 4\n")
        return dir
    }

    static func sessions(_ dir: URL) throws -> [[String: String]] {
        let text = try String(contentsOf: dir.appendingPathComponent("sessions.csv"), encoding: .utf8)
        let (header, records) = try CSVTable.parse(text, path: "sessions.csv")
        return records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func throughputOnAConstantLinkMatchesTheHandComputedSession() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run([
            "simulate", "--video", dir.path("movie.json"),
            "--traces", dir.path("traces/a-1mbps.json"), "--policy", "throughput", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("throughput"))
        let rows = try Self.sessions(out)
        #expect(rows.count == 1)
        // 0.5 Mbit segments over 1 Mbit/s take 0.5 s; the estimate 1 Mbit/s × 0.9 never reaches 1 Mbit/s.
        let row = try #require(rows.first)
        #expect(row["segments"] == "4")
        #expect(row["qoe"] == "2")
        #expect(row["avg_bitrate_kbps"] == "500")
        #expect(row["rebuffer_s"] == "0")
        #expect(row["startup_delay_s"] == "0.5")
        #expect(row["downloaded_bytes"] == "250000")
        #expect(row["gb_per_hour"] == "0.225")
        let segments = try String(contentsOf: out.appendingPathComponent("segments.csv"), encoding: .utf8)
        let (header, records) = try CSVTable.parse(segments, path: "segments.csv")
        #expect(header.starts(with: ["trace", "policy", "index", "level", "bitrate_kbps", "size_bytes", "download_start_s", "download_s"]))
        #expect(records.map { $0[6] } == ["0", "0.5", "1", "1.5"])
    }

    @Test func theLowLatencyRulesRunWhenNamedAndOnlyThen() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run([
            "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces/b-4mbps.txt"), "--policy", "l2a,LoL+", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.sessions(out).map { $0["policy"] } == ["l2a", "lolp"])
        let (header, records) = try CSVTable.parse(
            try String(contentsOf: out.appendingPathComponent("segments.csv"), encoding: .utf8), path: "segments.csv")
        let level = try #require(header.firstIndex(of: "level")), reason = try #require(header.firstIndex(of: "reason"))
        // Segment 0: no estimate, level 0; its 0.5 Mbit in 0.125 s measure 4000 kbit/s, safe 3600: level 1 (1000 kbit/s) thereafter.
        #expect(records.map { $0[level] } == ["0", "1", "1", "1", "0", "1", "1", "1"])
        #expect(records[0][reason] == "l2a.startup.no_estimate" && records[1][reason] == "l2a.startup safe_kbps=3600")
        #expect(records[4][reason] == "lolp.no_estimate" && records[5][reason] == "lolp.som safe_kbps=3600")
        // Naming no policy plays the default set, without them.
        let all = dir.url.appendingPathComponent("all")
        #expect(try CLI.run(["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces/b-4mbps.txt"), "--out", all.path]).status == 0)
        let names = try Self.sessions(all).compactMap { $0["policy"] }
        #expect(!names.contains("l2a") && !names.contains("lolp") && names.contains("dynamic"))
    }

    @Test func outputIsByteIdenticalForAnyNumberOfJobs() throws {
        let dir = try Self.fixture()
        var outputs: [Data] = []
        for jobs in ["1", "2", "7"] {
            let out = dir.url.appendingPathComponent("out-\(jobs)")
            let result = try CLI.run([
                "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"),
                "--jobs", jobs, "--out", out.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: out.appendingPathComponent("sessions.csv")) + Data(contentsOf: out.appendingPathComponent("segments.csv")))
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
        // Two traces × every built-in policy, trace-major.
        let rows = try Self.sessions(dir.url.appendingPathComponent("out-1"))
        #expect(
            rows.map { $0["trace"] ?? "" } == Array(repeating: "a-1mbps.json", count: rows.count / 2) + Array(repeating: "b-4mbps.txt", count: rows.count / 2))
    }

    @Test func aDataCapHoldsOnEverySession() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run([
            "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"),
            "--data-cap", "0.3", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("capped %"))
        for row in try Self.sessions(out) {
            #expect(Double(row["gb_per_hour"] ?? "") ?? .infinity <= 0.3)
        }
    }

    @Test(arguments: [
        (["--policy", "nonesuch"], "unknown policy 'nonesuch'"),
        (["--jobs", "0"], "--jobs must be at least 1"),
        (["--data-cap", "0"], "--data-cap must be a positive number"),
        (["--max-buffer", "0.5"], "maximum buffer 0.5 s cannot hold one"),
    ])
    func badOptionsFailWithAMessage(arguments: [String], message: String) throws {
        let dir = try Self.fixture()
        let result = try CLI.run(
            ["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces")] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(.enabled(if: ProcessRunner.isAvailable("python3"), "needs python3"))
    func theExamplePythonPolicyChoosesWhatTheBuiltInThroughputPolicyChooses() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let example = PackageRoot.path("examples/external_policy.py")
        let result = try CLI.run([
            "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"),
            "--external-command", "python3 \(example)", "--policy", "external,throughput", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let levels = try String(contentsOf: out.appendingPathComponent("segments.csv"), encoding: .utf8)
        let (_, records) = try CSVTable.parse(levels, path: "segments.csv")
        let byPolicy = Dictionary(grouping: records, by: { $0[1] }).mapValues { $0.map { "\($0[0]) \($0[2]) \($0[3])" } }
        #expect(byPolicy["external"] == byPolicy["throughput"])
        #expect(byPolicy["external"]?.count == 8)
    }

    @Test func aFailingExternalPolicyEndsTheRunWithItsErrorAndWritesNothing() throws {
        let dir = try Self.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run([
            "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"),
            "--external-command", "false", "--out", out.path,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("policy external failed at segment 0"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sessions.csv").path))
    }

    @Test func aMissingVideoIsNamed() throws {
        let dir = try Self.fixture()
        let result = try CLI.run(["simulate", "--video", "/no/such/movie.json", "--traces", dir.path("traces")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/no/such/movie.json"))
    }
}
