import ABRReference
import ABRSimulator
import Foundation
import TestSupport

/// Locations and readers for the real-data checks (test code only; the library has no I/O).
enum SabreTestData {
    /// sabre.py's printed outputs, committed as fixtures (see Tests/Fixtures/sabre/README.md).
    static let fixtureDirectory = PackageRoot.url.appendingPathComponent("Tests/Fixtures/sabre")

    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    static func number(_ any: Any?, _ what: String, _ url: URL) throws -> Double {
        guard let n = any as? NSNumber else { throw ReadError(description: "\(url.path): \(what) is not a number") }
        return n.doubleValue
    }

    /// Reads a Sabre network JSON file (`[{duration_ms, bandwidth_kbps, latency_ms}]`).
    static func network(_ url: URL) throws -> SabreNetwork {
        guard let rows = try json(url) as? [[String: Any]] else { throw ReadError(description: "\(url.path): expected an array of periods") }
        return try SabreNetwork(
            periods: rows.enumerated().map { i, row in
                SabreNetwork.Period(
                    durationMs: try number(row["duration_ms"], "period \(i) duration_ms", url),
                    bandwidthKbps: try number(row["bandwidth_kbps"], "period \(i) bandwidth_kbps", url),
                    latencyMs: try number(row["latency_ms"], "period \(i) latency_ms", url))
            })
    }

    /// Reads a Sabre movie JSON file.
    static func movie(_ url: URL) throws -> SabreMovie {
        guard let object = try json(url) as? [String: Any],
            let rates = object["bitrates_kbps"] as? [NSNumber],
            let sizes = object["segment_sizes_bits"] as? [[NSNumber]]
        else { throw ReadError(description: "\(url.path): expected a Sabre movie") }
        return try SabreMovie(
            segmentDurationMs: try number(object["segment_duration_ms"], "segment_duration_ms", url),
            bitratesKbps: rates.map(\.doubleValue),
            segmentSizesBits: sizes.map { $0.map(\.doubleValue) })
    }

    /// One fixture row: a trace, a policy and the exact text sabre.py printed for them.
    struct PrintedRun {
        var trace: String
        var policy: String
        var text: String
    }

    /// Reads a fixture TSV back into sabre.py's printed text: header labels × row values,
    /// `label: value` per line, after the bare BOLA-E buffer line when present.
    static func printedRuns(_ name: String) throws -> [PrintedRun] {
        let url = fixtureDirectory.appendingPathComponent(name)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first, header.count > 3 else { throw ReadError(description: "\(url.path): no header") }
        return try lines.dropFirst().enumerated().map { i, cells in
            guard cells.count == header.count else { throw ReadError(description: "\(url.path) line \(i + 2): \(cells.count) cells, expected \(header.count)") }
            let bolaLine = cells[2].isEmpty ? "" : cells[2] + "\n"
            let text = bolaLine + zip(header[3...], cells[3...]).map { "\($0): \($1)\n" }.joined()
            return PrintedRun(trace: cells[0], policy: cells[1], text: text)
        }
    }
}
