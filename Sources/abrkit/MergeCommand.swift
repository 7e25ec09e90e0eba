import ABRFormats
import ArgumentParser
import Foundation
import Reporting

/// `abrkit merge`: join the shards of one sweep into the result set an unsharded run writes.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the result folders of a sharded simulate into the one an unsharded run writes.",
        discussion: """
            Each folder is a shard's result folder, or the --out folder of sharded runs (its shard-* folders are \
            taken). The shards must be all N of one sweep, each complete, run with the same inputs and options; \
            otherwise nothing is written. sessions.csv and segments.csv are the shards' rows in shard order, byte \
            for byte what one unsharded run writes; summary.csv and the summary table are rebuilt from sessions.csv.

            Examples:
              abrkit simulate --video out/ladder.json --traces traces --shard 0/2 --out halves
              abrkit simulate --video out/ladder.json --traces traces --shard 1/2 --out halves
              abrkit merge halves --out merged-halves
            """
    )

    @Argument(help: ArgumentHelp("Shard result folders, or folders holding shard-* folders.", valueName: "folder"))
    var folders: [String]

    @Option(help: ArgumentHelp("The merged result folder (replaced as a whole, docs/formats.md).", valueName: "dir"))
    var out: String

    @Option(help: TableFormat.help)
    var format: TableFormat = .text

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("name the shard folders to merge") }
    }

    func run() throws {
        let parts = try ShardMerge.parts(folders)
        let (run, summaries) = try ShardMerge.merge(parts, into: out)
        print(format.summary(summaries, title: SimulationReport.Title(run)), terminator: "")
        FileHandle.standardError.write(Data("merged \(parts.count) shard\(parts.count == 1 ? "" : "s") into \(out)\n".utf8))
    }
}
