import ABRFormats
import ABRSimulator
import ArgumentParser

extension Traces {
    /// `abrkit traces generate`: recreate the project's `traces/` folder.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the project's generated trace set (cooked format) and its README.",
            discussion: "With the default seed this recreates the repository's traces/ byte for byte."
        )

        @Option(help: "Folder to write into (created if missing).")
        var out = "traces"

        @Option(help: "Seed of the random generators.")
        var seed: UInt64 = ProjectTraceSet.defaultSeed

        func run() throws {
            let written = try TraceSetWriter.write(to: out, seed: seed)
            Traces.note("wrote \(written.count - 1) traces and README.md to \(out)")
        }
    }
}
