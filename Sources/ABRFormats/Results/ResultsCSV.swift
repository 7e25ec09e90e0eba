import ABRSimulator

/// The simulator's CSV reports: one row per session, and one row per downloaded segment.
public enum ResultsCSV {
    /// The columns of `sessions.csv`, in order: the one place their names are spelled.
    public enum SessionColumn: String, CaseIterable, Sendable {
        case trace, policy, segments, qoe
        case qoePerSegment = "qoe_per_segment"
        case averageBitrateKbps = "avg_bitrate_kbps"
        case rebufferSeconds = "rebuffer_s"
        case rebufferRatio = "rebuffer_ratio"
        case rebufferEvents = "rebuffer_events"
        case startupDelaySeconds = "startup_delay_s"
        case switches
        case downloadedBytes = "downloaded_bytes"
        case playedBytes = "played_bytes"
        case wastedBytes = "wasted_bytes"
        case gbPerHour = "gb_per_hour"
        case capBoundSegments = "cap_bound_segments"
    }

    /// Columns of `sessions.csv`.
    public static let sessionColumns = SessionColumn.allCases.map(\.rawValue)

    /// Columns of `segments.csv`.
    public static let segmentColumns = [
        "trace", "policy", "index", "level", "bitrate_kbps", "size_bytes", "download_start_s", "download_s",
        "buffer_before_s", "buffer_after_s", "rebuffer_s", "idle_s", "abandoned_bytes", "reward", "reason",
    ]

    /// `sessions.csv`: a header, then one row per result in the given order.
    ///
    /// - Parameters:
    ///   - results: the sessions, one row each.
    ///   - extraColumns: more columns appended after the standard ones (e.g. a reference model's
    ///     own metrics).
    ///   - extraValues: `extraValues[i]` holds the extra columns' values for `results[i]`.
    public static func sessions(_ results: [SessionResult], extraColumns: [String] = [], extraValues: [[String]] = []) -> String {
        precondition(extraValues.isEmpty || extraValues.count == results.count, "one row of extra values per result")
        var table = CSVTable(header: sessionColumns + extraColumns)
        for (i, r) in results.enumerated() {
            let m = r.metrics
            let d = { (v: Double) in NumberFormat.decimal(v) }
            table.append(
                [
                    r.traceName, r.policyName, String(m.segments), d(m.qoe), d(m.qoePerSegment), d(m.averageBitrateKbps),
                    d(m.rebufferSeconds), d(m.rebufferRatio), String(m.rebufferEvents), d(m.startupDelaySeconds), String(m.switches),
                    String(m.downloadedBytes), String(m.playedBytes), String(m.wastedBytes), d(m.gbPerHour), String(r.capBoundSegments),
                ] + (extraValues.isEmpty ? [] : extraValues[i]))
        }
        return table.text
    }

    /// `segments.csv`: a header, then one row per segment of every result.
    public static func segments(_ results: [SessionResult]) -> String {
        var table = CSVTable(header: segmentColumns)
        let d = { (v: Double) in NumberFormat.decimal(v) }
        for r in results {
            for s in r.segments {
                table.append([
                    r.traceName, r.policyName, String(s.index), String(s.level), d(s.bitsPerSecond / 1000), String(s.bytes),
                    d(s.downloadStart), d(s.downloadSeconds), d(s.bufferBeforeSeconds), d(s.bufferAfterSeconds),
                    d(s.rebufferSeconds), d(s.idleSeconds), String(s.abandonedBytes), d(s.reward), s.reason.description,
                ])
            }
        }
        return table.text
    }
}
