import ABRFormats
import ABRSimulator

/// What `TraceReader.read` does with a trace file's text, without the file: detect the format,
/// parse the periods, build the engine's `BandwidthTrace`.
public enum TraceParsing {
    /// Parses `text` as `format` and, when that succeeds, builds the trace.
    ///
    /// - Returns: the trace, or `nil` when the parser or the engine rejected the input.
    @discardableResult
    public static func read(_ text: String, as format: TraceFormat) -> BandwidthTrace? {
        _ = TraceFormat.detect(text)
        guard let periods = ParseOutcome.value({ () throws(FormatError) in try format.periods(parsing: text, path: "fuzz-input") }) else {
            return nil
        }
        return ParseOutcome.value { () throws(ModelError) in try BandwidthTrace(name: "fuzz-input", periods: periods) }
    }
}
