import ABRFormats
import ArgumentParser

extension Traces {
    /// `abrkit traces convert`: read a trace in one format, write it in another.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a trace file between formats.",
            discussion: "Cooked drops latency; Mahimahi rounds to 1500-byte deliveries in 1-ms bins and cannot end in an outage."
        )

        @Argument(help: "The trace file to read.")
        var input: String

        @Option(help: "Output format: \(TraceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var to: TraceFormat

        @Option(help: "Input format (default: detected from the content).")
        var from: TraceFormat?

        @Option(help: "The file to write.")
        var out: String

        func run() throws {
            let trace = try TraceReader.read(path: input, format: from)
            try TraceWriter.write(trace, format: to, to: out)
            Traces.note("wrote \(trace.periods.count) periods (\(trace.loopDurationSeconds) s) as \(to.rawValue) to \(out)")
        }
    }
}
