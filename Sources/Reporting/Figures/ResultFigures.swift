import ABRFormats

/// Figures built from the simulator's CSV reports.
public enum ResultFigures {
    /// CDFs of QoE per segment, average bitrate and rebuffer ratio from a `sessions.csv`.
    ///
    /// - Throws: `FormatError` when the CSV is malformed or lacks a needed column or number.
    public static func cdf(sessionsCSV text: String, path: String) throws(FormatError) -> Figure {
        let rows = try ResultsCSV.readSessions(text, path: path)
        var order: [String] = []
        var byPolicy: [String: [ResultsCSV.SessionRow]] = [:]
        for row in rows {
            if byPolicy[row.policy] == nil { order.append(row.policy) }
            byPolicy[row.policy, default: []].append(row)
        }
        func metric(_ value: (ResultsCSV.SessionRow) -> Double) -> [(policy: String, values: [Double])] {
            order.map { p in (policy: p, values: (byPolicy[p] ?? []).map(value)) }
        }
        return CDFFigure.figure(
            title: "Across \(Set(rows.map(\.trace)).count) traces",
            metrics: [
                CDFFigure.Metric(title: "QoE per segment", axisLabel: "QoE per segment", values: metric(\.qoePerSegment)),
                CDFFigure.Metric(title: "Average bitrate", axisLabel: "average bitrate (kbit/s)", values: metric(\.averageBitrateKbps)),
                CDFFigure.Metric(title: "Rebuffering", axisLabel: "rebuffer ratio (%)", values: metric { $0.rebufferRatio * 100 }),
            ])
    }
}
