import ABRSimulator

/// Writes network traces in any `TraceFormat`.
public enum TraceWriter {
    /// Writes one loop of `trace` to `path` atomically (temporary file + rename).
    ///
    /// - Throws: `.notRepresentable` when the format cannot express the trace, `.unreadable` when
    ///   the file cannot be written.
    public static func write(_ trace: BandwidthTrace, format: TraceFormat, to path: String) throws(FormatError) {
        let text: String
        do {
            text = try format.text(trace)
        } catch {
            var error = error
            error.path = path
            throw error
        }
        try TextFile.write(text, to: path)
    }
}
