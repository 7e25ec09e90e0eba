import ABRFormats
import ABRSimulator
import Foundation

/// The table `abrkit traces info` prints: duration and time-weighted bandwidth statistics per trace.
public enum TraceInfoTable {
    /// One row per (name, statistics), bandwidths in Mbit/s, outage in percent of the time.
    public static func render(_ rows: [(String, TraceStatistics)]) -> String {
        var table = TextTable(header: ["trace", "duration_s", "mean_Mbps", "median_Mbps", "p10_Mbps", "p90_Mbps", "outage_%"])
        for (name, s) in rows {
            table.append(
                [name, String(format: "%.1f", s.durationSeconds)]
                    + [s.meanBitsPerSecond, s.medianBitsPerSecond, s.p10BitsPerSecond, s.p90BitsPerSecond].map { String(format: "%.3f", $0 / 1e6) }
                    + [String(format: "%.1f", s.outageShare * 100)])
        }
        return table.rendered
    }
}
