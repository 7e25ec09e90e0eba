import ABRSimulator
import Foundation

/// Sabre's network trace: a JSON array of `{"duration_ms", "bandwidth_kbps", "latency_ms"}`
/// periods (Spiteri et al., MMSys 2018, `sabre.py`; 1 kbit = 1000 bit).
///
/// Each element is one period, played in order, looping when exhausted (as `sabre.py` does);
/// `latency_ms` is charged to every request that starts in the period. `latency_ms` may be
/// omitted (0). Written numbers are integers where the value is whole, as in Sabre's files;
/// reading back gives the same periods whenever the ms and kbit/s values print exactly.
public enum SabreNetworkTrace {
    struct Period: Decodable {
        var durationMs: Double
        var bandwidthKbps: Double
        var latencyMs: Double?

        enum CodingKeys: String, CodingKey {
            case durationMs = "duration_ms", bandwidthKbps = "bandwidth_kbps", latencyMs = "latency_ms"
        }
    }

    public static func periods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        if let periods = FastTraceIngest.periods(text, format: .sabre) { return periods }
        return try referencePeriods(parsing: text, path: path)
    }

    /// The reference reader: `String` lines and fields, every error located (``FastTraceIngest`` defers to it).
    static func referencePeriods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        let entries = try JSONInput.decode([Period].self, from: Data(text.utf8), path: path)
        guard !entries.isEmpty else {
            throw FormatError(
                .emptyFile, path: path, problem: "the array has no periods", expected: "[{\"duration_ms\", \"bandwidth_kbps\", \"latency_ms\"}, …]")
        }
        var periods: [TracePeriod] = []
        periods.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            func check(_ value: Double, _ key: String, positive: Bool, expected: String) throws(FormatError) {
                guard value.isFinite, positive ? value > 0 : value >= 0 else {
                    throw FormatError.outOfRange(key, NumberFormat.shortest(value), path: path, codingPath: "[\(i)].\(key)", expected: expected)
                }
            }
            try check(entry.durationMs, "duration_ms", positive: true, expected: "milliseconds > 0")
            try check(entry.bandwidthKbps, "bandwidth_kbps", positive: false, expected: "kbit/s ≥ 0")
            try check(entry.latencyMs ?? 0, "latency_ms", positive: false, expected: "milliseconds ≥ 0")
            periods.append(
                TracePeriod(
                    durationSeconds: entry.durationMs / 1000, bitsPerSecond: entry.bandwidthKbps * 1000,
                    latencySeconds: (entry.latencyMs ?? 0) / 1000))
        }
        return periods
    }

    public static func text(_ trace: BandwidthTrace) -> String {
        let rows = trace.periods.map { p in
            let durationMs = NumberFormat.shortest(p.durationSeconds * 1000)
            let kbps = NumberFormat.shortest(p.bitsPerSecond / 1000)
            let latencyMs = NumberFormat.shortest(p.latencySeconds * 1000)
            return "    {\"duration_ms\": \(durationMs), \"bandwidth_kbps\": \(kbps), \"latency_ms\": \(latencyMs)}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }
}
