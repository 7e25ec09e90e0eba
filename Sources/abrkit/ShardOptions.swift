import ABRSimulator
import ArgumentParser
import Foundation

/// `--shard I/N` and `--shard-count N`: which part of a sweep this process runs, given on the
/// command line or taken from a Slurm job array or a Kubernetes indexed job.
struct ShardOptions: ParsableArguments {
    // `.unconditional`: `--shard -1/4` reaches the parser below instead of "Missing value".
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Run part I of N (0 ≤ I < N) of the trace × policy sessions, and write it to OUT/shard-I-of-N for 'abrkit merge'; "
                + "'none' runs them all whatever the environment. Default: from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, "
                + "or JOB_COMPLETION_INDEX with --shard-count, when set.",
            valueName: "I/N|none"))
    var shard: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The number of shards when the index comes from JOB_COMPLETION_INDEX (a Kubernetes indexed job).", valueName: "N"))
    var shardCount: Int?

    func validate() throws {
        if let shard, shard != Self.none { _ = try Self.parse(shard) }
        if let shardCount, shardCount < 1 { throw ValidationError("--shard-count \(shardCount): expected at least 1") }
    }

    /// The shard to run and where its number came from; nil for the whole sweep.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (shard: Shard, source: String)? {
        if shard == Self.none { return nil }
        if let shard { return (try Self.parse(shard), "--shard") }
        if let id = environment["SLURM_ARRAY_TASK_ID"] {
            guard let countText = environment["SLURM_ARRAY_TASK_COUNT"] else {
                throw ValidationError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --shard I/N")
            }
            let task = try Self.number(id, "SLURM_ARRAY_TASK_ID"), count = try Self.number(countText, "SLURM_ARRAY_TASK_COUNT")
            let first = try environment["SLURM_ARRAY_TASK_MIN"].map { try Self.number($0, "SLURM_ARRAY_TASK_MIN") } ?? 0
            let step = try environment["SLURM_ARRAY_TASK_STEP"].map { try Self.number($0, "SLURM_ARRAY_TASK_STEP") } ?? 1
            guard step >= 1, (task - first) % step == 0 else {
                throw ValidationError("SLURM_ARRAY_TASK_ID \(task) is not on the array's steps (min \(first), step \(step)); pass --shard I/N")
            }
            return (try Self.make((task - first) / step, count, "SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID")
        }
        if let index = environment["JOB_COMPLETION_INDEX"] {
            guard let shardCount else {
                throw ValidationError("JOB_COMPLETION_INDEX is set (a Kubernetes indexed job): pass --shard-count N, the job's completions")
            }
            return (try Self.make(try Self.number(index, "JOB_COMPLETION_INDEX"), shardCount, "JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX")
        }
        if shardCount != nil { throw ValidationError("--shard-count needs JOB_COMPLETION_INDEX in the environment; elsewhere use --shard I/N") }
        return nil
    }

    /// `--shard none`: the whole sweep, even inside an array job (e.g. a job's own unsharded check).
    static let none = "none"

    /// `I/N` with `0 ≤ I < N`.
    static func parse(_ text: String) throws -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ValidationError("--shard '\(text)': expected I/N, two whole numbers with 0 ≤ I < N (e.g. 0/4 … 3/4)")
        }
        return try make(index, count, "--shard \(text)")
    }

    private static func make(_ index: Int, _ count: Int, _ source: String) throws -> Shard {
        do { return try Shard(index: index, count: count) } catch { throw ValidationError("\(source): \(error.message) (shards are numbered from 0)") }
    }

    private static func number(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text) else { throw ValidationError("\(name)='\(text)': expected a whole number") }
        return value
    }
}
