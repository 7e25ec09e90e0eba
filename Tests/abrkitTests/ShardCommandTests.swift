import Foundation
import TestSupport
import Testing

/// `simulate --shard I/N` and `abrkit merge`: the merged folder is, byte for byte, what one
/// unsharded run writes, and merge refuses anything that is not all shards of one sweep.
@Suite struct ShardCommandTests {
    /// A 30-segment CBR Sabre movie; played over the project's 55 traces.
    static func movie(_ dir: TemporaryDirectory) throws -> String {
        try dir.file(
            "movie.json",
            #"{"segment_duration_ms": 2000, "bitrates_kbps": [300, 750, 1200, 2850, 4300], "segment_sizes_bits": ["#
                + Array(repeating: "[600000, 1500000, 2400000, 5700000, 8600000]", count: 30).joined(separator: ", ") + "]}")
    }

    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(CLI.binary, arguments, environment: environment)
    }

    @Test(arguments: [
        (["--policy", "bba,bola,robustmpc"], [1, 2, 3, 7]),
        (["--model", "sabre", "--policy", "bolae,throughput"], [3]),
        (["--data-cap", "1", "--segments", "none", "--policy", "bba,mpc"], [2]),
    ])
    func mergedShardsAreTheUnshardedRunByteForByte(options: [String], counts: [Int]) throws {
        let dir = try TemporaryDirectory()
        let base = ["simulate", "--video", try Self.movie(dir), "--traces", "traces"] + options
        let whole = dir.url.appendingPathComponent("whole")
        let unsharded = try CLI.run(base + ["--out", whole.path])
        #expect(unsharded.status == 0, "\(unsharded.stderr)")
        for count in counts {
            let sweep = dir.url.appendingPathComponent("sweep-\(count)"), merged = dir.url.appendingPathComponent("merged-\(count)")
            for index in 0..<count {
                // Shards may run with any --jobs; the rows are the same.
                let shard = try CLI.run(base + ["--shard", "\(index)/\(count)", "--jobs", String(1 + index % 2), "--out", sweep.path])
                #expect(shard.status == 0, "\(shard.stderr)")
            }
            let merge = try CLI.run(["merge", sweep.path, "--out", merged.path])
            #expect(merge.status == 0, "\(merge.stderr)")
            #expect(merge.stdout == unsharded.stdout, "the summary table rebuilt from \(count) shards")
            #expect(try Self.files(merged) == Self.files(whole), "\(count) shards")
        }
    }

    @Test func theShardComesFromASlurmArrayOrAKubernetesIndexedJob() throws {
        let dir = try TemporaryDirectory()
        let base = ["simulate", "--video", try Self.movie(dir), "--traces", "traces", "--policy", "bba"]
        let explicit = try CLI.run(base + ["--shard", "1/3", "--out", dir.path("explicit")])
        #expect(explicit.status == 0, "\(explicit.stderr)")
        let expected = try Self.files(dir.url.appendingPathComponent("explicit/shard-1-of-3"))
        // An array submitted as --array=1-3: task 2 is the second shard.
        let slurm = try Self.run(
            base + ["--out", dir.path("slurm")], environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"])
        #expect(slurm.status == 0, "\(slurm.stderr)")
        #expect(slurm.stderr.contains("shard 1/3 (from SLURM_ARRAY_TASK_ID)"))
        #expect(try Self.files(dir.url.appendingPathComponent("slurm/shard-1-of-3")) == expected)
        let k8s = try Self.run(base + ["--shard-count", "3", "--out", dir.path("k8s")], environment: ["JOB_COMPLETION_INDEX": "1"])
        #expect(k8s.status == 0, "\(k8s.stderr)")
        #expect(try Self.files(dir.url.appendingPathComponent("k8s/shard-1-of-3")) == expected)
        // An explicit --shard wins over the environment.
        let both = try Self.run(
            base + ["--shard", "1/3", "--out", dir.path("both")], environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "2"])
        #expect(both.status == 0 && FileManager.default.fileExists(atPath: dir.path("both/shard-1-of-3")))
        // --shard none runs the whole sweep inside an array task.
        let none = try Self.run(
            base + ["--shard", "none", "--out", dir.path("none")], environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "2"])
        #expect(none.status == 0 && FileManager.default.fileExists(atPath: dir.path("none/sessions.csv")), "\(none.stderr)")
    }

    @Test(arguments: [
        (["--shard", "3/2"], [String: String](), "expected an index from 0 to 1"),
        (["--shard", "0/0"], [:], "expected at least 1"),
        (["--shard", "-1/4"], [:], "expected an index from 0 to 3"),
        (["--shard", "1of4"], [:], "expected I/N"),
        (["--shard", "1/4/2"], [:], "expected I/N"),
        ([], ["JOB_COMPLETION_INDEX": "2"], "pass --shard-count N"),
        (["--shard-count", "4"], [:], "--shard-count needs JOB_COMPLETION_INDEX"),
        (["--shard-count", "0"], [:], "--shard-count 0: expected at least 1"),
        ([], ["SLURM_ARRAY_TASK_ID": "1"], "SLURM_ARRAY_TASK_COUNT is not"),
        ([], ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "4"], "expected an index from 0 to 3"),
    ])
    func badShardsAreRefusedBeforeAnyWork(arguments: [String], environment: [String: String], message: String) throws {
        let dir = try TemporaryDirectory()
        let result = try Self.run(
            ["simulate", "--video", "no-such-video.json", "--traces", "traces", "--out", dir.path("out")] + arguments, environment: environment)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")), "nothing written")
    }

    /// Three shards of one sweep in `sweep/`, and a fourth folder run with another policy set.
    static func shards(_ dir: TemporaryDirectory) throws -> [String] {
        let base = ["simulate", "--video", try movie(dir), "--traces", "traces", "--policy", "bba,bola"]
        for index in 0..<3 { #expect(try CLI.run(base + ["--shard", "\(index)/3", "--out", dir.path("sweep")]).status == 0) }
        #expect(try CLI.run(base + ["--policy", "mpc", "--shard", "1/3", "--out", dir.path("other")]).status == 0)
        return (0..<3).map { dir.path("sweep/shard-\($0)-of-3") }
    }

    @Test func mergeRefusesShardsThatAreNotOneWholeSweepAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let shards = try Self.shards(dir)
        let out = dir.path("merged")
        func refused(_ folders: [String], _ message: String) throws {
            let result = try CLI.run(["merge"] + folders + ["--out", out])
            #expect(result.status != 0, "\(folders)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
        }
        try refused([shards[0], shards[2]], "shard 1 of 3 not given")
        try refused([shards[0], shards[1], shards[1], shards[2]], "is shard 1 of 3, as is")
        try refused([shards[0], dir.path("other/shard-1-of-3"), shards[2]], "ran with other inputs or options")
        try refused([dir.path("nowhere")], "no such folder")
        try refused([dir.url.path], "holds neither run.json nor shard-* folders")
        // A shard copied half-way: its segments.csv is shorter than run.json says.
        let segments = shards[1] + "/segments.csv"
        let data = try Data(contentsOf: URL(fileURLWithPath: segments))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: segments))
        try refused(shards, "segments.csv: holds \(data.count / 2) bytes, but run.json lists \(data.count)")
    }
}
