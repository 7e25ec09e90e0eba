import ABRFormats
import ABRSimulator
import ArgumentParser
import Foundation
import Reporting

extension Traces {
    /// `abrkit traces info`: a table of duration and time-weighted bandwidth statistics.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print duration, mean/median/p10/p90 bandwidth and outage share of traces.",
            discussion: """
                Statistics are time-weighted over one loop. Outage is the share of time below \
                \(Int(TraceStatistics.outageBelowBitsPerSecond / 1000)) kbit/s. With several traces, a last row pools them all.
                """
        )

        @Argument(help: "Trace files or folders (a folder's regular files, sorted by name, skipping hidden files and README*).")
        var paths: [String]

        @Option(help: "Input format (default: detected per file).")
        var traceFormat: TraceFormat?

        @Option(help: TableFormat.help)
        var format: TableFormat = .text

        func validate() throws {
            if paths.isEmpty { throw ValidationError("name at least one trace file or folder") }
        }

        func run() throws {
            let traces = try TraceReader.readAll(paths: paths, format: traceFormat)
            var rows = traces.map { ($0.name, TraceStatistics($0)) }
            if traces.count > 1 { rows.append(("(all \(traces.count))", try TraceStatistics(pooling: traces))) }
            switch format {
            case .text: print(TraceInfoTable.render(rows), terminator: "")
            case .csv: print(TraceInfoTable.csv(rows), terminator: "")
            case .json: print(TraceInfoTable.json(rows), terminator: "")
            }
        }
    }
}
