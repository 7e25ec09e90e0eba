import ABRFormats
import Foundation
import TestSupport
import Testing

/// `abrkit simulate --live` end to end: the live columns, hand-computed latency, errors before any work, determinism.
@Suite struct SimulateLiveCommandTests {
    static func rows(_ dir: URL, _ file: String) throws -> (header: [String], rows: [[String: String]]) {
        let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        let (header, records) = try CSVTable.parse(text, path: file)
        return (header, records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    @Test func aLiveRunWritesTheLiveColumnsWithTheHandComputedLatency() throws {
        // The 4 × 1 s movie at 0.5 Mbit/s over 1 Mbit/s, live with catch-up off and target 2 s:
        // segment k is available at −2 + k + 1 = k − 1 and takes 0.5 s. Segment 0 arrives at 0.5 s
        // (startup, latency 2.5 s), 1 at 1 s, 2 is requested at 1 s and arrives at 1.5 s, 3 at 2.5 s;
        // at rate 1 latency stays 2.5 s.
        let dir = try SimulateCommandTests.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run([
            "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces/a-1mbps.json"), "--policy", "bba",
            "--live", "--target-latency", "2", "--catchup", "off", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let sessions = try Self.rows(out, "sessions.csv")
        #expect(sessions.header.suffix(ResultsCSV.liveSessionColumns.count) == ResultsCSV.liveSessionColumns[...])
        let row = try #require(sessions.rows.first)
        #expect(row["target_latency_s"] == "2")
        #expect(row["latency_mean_s"] == "2.5")
        #expect(row["latency_p95_s"] == "2.5")
        #expect(row["seeks"] == "0")
        #expect(row["startup_delay_s"] == "0.5")
        let segments = try Self.rows(out, "segments.csv")
        #expect(segments.header.suffix(ResultsCSV.liveSegmentColumns.count) == ResultsCSV.liveSegmentColumns[...])
        #expect(segments.rows.map { $0["availability_s"] ?? "" } == ["-1", "0", "1", "2"])
        #expect(segments.rows.map { $0["download_start_s"] ?? "" } == ["0", "0.5", "1", "2"])
        #expect(segments.rows.map { $0["latency_at_request_s"] ?? "" } == ["2", "2.5", "2.5", "2.5"])
        #expect(segments.rows.allSatisfy { $0["playback_rate_at_request"] == "1" })
        let manifest = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(manifest.contains("\"--live\", \"--target-latency 2\", \"--part-seconds whole-segments\", \"--catchup off\""))
    }

    @Test func aVODRunHasNoLiveColumns() throws {
        let dir = try SimulateCommandTests.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run(["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"), "--policy", "bba", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.rows(out, "sessions.csv").header == ResultsCSV.sessionColumns)
        #expect(try Self.rows(out, "segments.csv").header == ResultsCSV.segmentColumns)
        #expect(!(try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)).contains("--live"))
    }

    @Test func liveOutputIsByteIdenticalForAnyNumberOfJobs() throws {
        let dir = try SimulateCommandTests.fixture()
        var outputs: [Data] = []
        for jobs in ["1", "3"] {
            let out = dir.url.appendingPathComponent("out-\(jobs)")
            let result = try CLI.run([
                "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"), "--live", "--jobs", jobs, "--out", out.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: out.appendingPathComponent("sessions.csv")) + Data(contentsOf: out.appendingPathComponent("segments.csv")))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func liveShardsMergeIntoWhatOneRunWritesWithTheLatencySummary() throws {
        let dir = try SimulateCommandTests.fixture()
        let base = ["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"), "--live", "--policy", "throughput,bola"]
        let whole = dir.url.appendingPathComponent("whole"), shards = dir.url.appendingPathComponent("shards")
        let merged = dir.url.appendingPathComponent("merged")
        let run = try CLI.run(base + ["--out", whole.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("latency s") && run.stdout.contains("p95 s"))
        for i in 0..<2 { #expect(try CLI.run(base + ["--shard", "\(i)/2", "--out", shards.path]).status == 0) }
        let merge = try CLI.run(["merge", shards.path, "--out", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        for file in ["sessions.csv", "segments.csv", "summary.csv", "run.json"] {
            #expect(try Data(contentsOf: whole.appendingPathComponent(file)) == Data(contentsOf: merged.appendingPathComponent(file)), "\(file)")
        }
        let summary = try Self.rows(whole, "summary.csv")
        #expect(summary.header.suffix(ResultsCSV.liveSummaryColumns.count) == ResultsCSV.liveSummaryColumns[...])
        // abrkit report rebuilds the same table, latency columns included.
        let report = try CLI.run(["report", "--sessions", whole.path, "--out", dir.url.appendingPathComponent("report").path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("latency s"), "\(report.stdout)")
    }

    @Test(arguments: [
        (["--live", "--part-seconds", "0.5"], "this video has no part sizes"),
        (["--live", "--part-seconds", "2"], "part duration 2.0 s is longer than a segment (1.0 s)"),
        (["--live", "--target-latency", "0.25", "--part-seconds", "0.5"], "--target-latency 0.25 is below one part"),
        (["--live", "--target-latency", "0"], "--target-latency 0.0: expected a positive number of seconds"),
        (["--target-latency", "3"], "apply to live runs; add --live"),
        (["--live", "--catchup", "fast"], "'fast' is invalid for '--catchup"),
        (["--live", "--model", "sabre"], "--live applies to the default model"),
        (["--live", "--abandonment-check", "0.05"], "--abandonment-check is not modelled in live runs"),
    ])
    func badLiveOptionsFailBeforeAnyWork(arguments: [String], message: String) throws {
        let dir = try SimulateCommandTests.fixture()
        let out = dir.url.appendingPathComponent("out")
        let result = try CLI.run(["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces"), "--out", out.path] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
