import ABRFormats
import ABRSimulator
import Foundation

/// What `abrkit traces info` prints: duration and time-weighted bandwidth statistics per trace,
/// as an aligned table, CSV or JSON (unrounded, same column names).
public enum TraceInfoTable {
    /// The columns, in order; bandwidths in Mbit/s, outage in percent of the time.
    public static let columns = ["trace", "duration_s", "mean_Mbps", "median_Mbps", "p10_Mbps", "p90_Mbps", "outage_%"]

    /// The numbers of a row after the name, in ``columns``' units.
    static func values(_ s: TraceStatistics) -> [Double] {
        [s.durationSeconds] + [s.meanBitsPerSecond, s.medianBitsPerSecond, s.p10BitsPerSecond, s.p90BitsPerSecond].map { $0 / 1e6 } + [s.outageShare * 100]
    }

    /// One row per (name, statistics), rounded for reading.
    public static func render(_ rows: [(String, TraceStatistics)]) -> String {
        var table = TextTable(header: columns)
        for (name, s) in rows {
            let v = values(s)
            table.append([name, String(format: "%.1f", v[0])] + v[1...4].map { String(format: "%.3f", $0) } + [String(format: "%.1f", v[5])])
        }
        return table.rendered
    }

    /// The same rows as CSV, numbers with up to 6 decimals.
    public static func csv(_ rows: [(String, TraceStatistics)]) -> String {
        var csv = CSVBuffer()
        csv.row(columns)
        for (name, s) in rows {
            csv.field(name)
            for value in values(s) { csv.decimal(value) }
            csv.endRow()
        }
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    /// The same rows as a JSON array of objects keyed by ``columns``.
    public static func json(_ rows: [(String, TraceStatistics)]) -> String {
        let objects = rows.map { name, s in
            "  {"
                + ([JSONText.quoted(columns[0]) + ": " + JSONText.quoted(name)]
                + zip(columns.dropFirst(), values(s)).map { JSONText.quoted($0) + ": " + NumberFormat.decimal($1) }).joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "" : "\n") + "]\n"
    }
}
