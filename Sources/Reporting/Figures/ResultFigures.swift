import ABRFormats

/// Figures built from the simulator's CSV reports.
public enum ResultFigures {
    /// CDFs of QoE per segment, average bitrate and rebuffer ratio from a `sessions.csv`.
    ///
    /// - Throws: `FormatError` when the CSV is malformed or lacks a needed column or number.
    public static func cdf(sessionsCSV text: String, path: String) throws(FormatError) -> Figure {
        let (header, records) = try CSVTable.parse(text, path: path)
        func column(_ name: String) throws(FormatError) -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw FormatError(
                    .malformedRecord, path: path, line: 1, value: name, problem: "the header has no column '\(name)'",
                    expected: "a sessions.csv written by abrkit simulate")
            }
            return i
        }
        let trace = try column("trace"), policy = try column("policy"), qoe = try column("qoe_per_segment"), bitrate = try column("avg_bitrate_kbps"),
            rebuffer = try column("rebuffer_ratio")
        var order: [String] = []
        var values: [String: [[Double]]] = [:]
        for (n, record) in records.enumerated() {
            var row: [Double] = []
            for c in [qoe, bitrate, rebuffer] {
                guard let v = Double(record[c]) else {
                    throw FormatError(.notANumber, path: path, line: n + 2, value: record[c], problem: "'\(header[c])' is not a number", expected: "a number")
                }
                row.append(v)
            }
            if values[record[policy]] == nil { order.append(record[policy]) }
            values[record[policy], default: []].append(row)
        }
        func metric(_ k: Int, scale: Double = 1) -> [(policy: String, values: [Double])] {
            order.map { p in (policy: p, values: (values[p] ?? []).map { $0[k] * scale }) }
        }
        return CDFFigure.figure(
            title: "Across \(Set(records.map { $0[trace] }).count) traces",
            metrics: [
                CDFFigure.Metric(title: "QoE per segment", axisLabel: "QoE per segment", values: metric(0)),
                CDFFigure.Metric(title: "Average bitrate", axisLabel: "average bitrate (kbit/s)", values: metric(1)),
                CDFFigure.Metric(title: "Rebuffering", axisLabel: "rebuffer ratio (%)", values: metric(2, scale: 100)),
            ])
    }
}
