import ArgumentParser
import Foundation

/// `abrkit traces`: make, convert and describe network traces.
struct Traces: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate, convert and summarise network bandwidth traces.",
        discussion: """
            Formats: cooked (Pensieve `time_s Mbit/s`), mahimahi (ms timestamps of 1500-byte \
            deliveries), sabre (network JSON), csv (duration_s,bandwidth_bps,latency_s). Input \
            formats are detected from the content unless named.
            """,
        subcommands: [Generate.self, Convert.self, Info.self]
    )
}

extension Traces {
    /// Writes a line to standard error: progress and summaries, never data.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
