import ABRSimulator
import Foundation

/// A plain CSV trace: a header row naming the columns, then one period per row.
///
/// Columns are found by name, in any order, with the unit in the name:
/// duration `duration_s` or `duration_ms` (required, > 0); bandwidth `bandwidth_bps`,
/// `bandwidth_kbps` or `bandwidth_mbps` (required, ≥ 0; SI units, 1 kbit = 1000 bit); latency
/// `latency_s` or `latency_ms` (optional, default 0). Other columns are ignored, so a trace may
/// carry notes. The writer uses `duration_s,bandwidth_bps,latency_s` with round-trip number
/// printing, so CSV is the one lossless text format: reading it back gives identical periods.
public enum CSVTrace {
    public static let header = "duration_s,bandwidth_bps,latency_s"

    /// Column names and the power of ten that converts them to seconds or bit/s (applied to the
    /// decimal text, so "2.5" ms is exactly the double nearest 0.0025 s).
    static let durationColumns: [String: Int] = ["duration_s": 0, "duration_ms": -3]
    static let bandwidthColumns: [String: Int] = ["bandwidth_bps": 0, "bandwidth_kbps": 3, "bandwidth_mbps": 6]
    static let latencyColumns: [String: Int] = ["latency_s": 0, "latency_ms": -3]

    struct Column { var index: Int, name: String, powerOfTen: Int }

    /// The columns a header row names.
    struct Header {
        var names: [String]
        var duration: Column, bandwidth: Column, latency: Column?
    }

    public static func periods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        if let periods = FastTraceIngest.periods(text, format: .csv) { return periods }
        return try referencePeriods(parsing: text, path: path)
    }

    /// The header row's columns, or the error that names the header line.
    static func parseHeader(line headerLine: Int, text headerText: Substring, path: String) throws(FormatError) -> Header {
        let names = headerText.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ table: [String: Int], _ what: String) throws(FormatError) -> Column? {
            let found = names.enumerated().filter { table[$0.element] != nil }
            guard found.count <= 1 else {
                throw FormatError(
                    .malformedRecord, path: path, line: headerLine, value: String(headerText),
                    problem: "more than one \(what) column", expected: "one of \(table.keys.sorted().joined(separator: ", "))")
            }
            return found.first.map { Column(index: $0.offset, name: $0.element, powerOfTen: table[$0.element] ?? 0) }
        }
        func required(_ table: [String: Int], _ what: String) throws(FormatError) -> Column {
            guard let hit = try column(table, what) else {
                throw FormatError(
                    .malformedRecord, path: path, line: headerLine, value: String(headerText),
                    problem: "no \(what) column in header \"\(headerText)\"",
                    expected: "one of \(table.keys.sorted().joined(separator: ", "))")
            }
            return hit
        }
        let duration = try required(durationColumns, "duration")
        let bandwidth = try required(bandwidthColumns, "bandwidth")
        let latency = try column(latencyColumns, "latency")
        return Header(names: names, duration: duration, bandwidth: bandwidth, latency: latency)
    }

    /// The reference reader: `String` lines and fields, every error located (``FastTraceIngest`` defers to it).
    static func referencePeriods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        let lines = TextFile.lines(text)
        guard let (headerLine, headerText) = lines.first else {
            throw FormatError(.emptyFile, path: path, problem: "the file is empty", expected: "a header row such as \(header)")
        }
        let columns = try parseHeader(line: headerLine, text: headerText, path: path)
        let names = columns.names
        let duration = columns.duration
        let bandwidth = columns.bandwidth
        let latency = columns.latency
        guard lines.count > 1 else {
            throw FormatError(.emptyFile, path: path, line: headerLine, problem: "the file has a header but no rows", expected: "one row per period")
        }
        var periods: [TracePeriod] = []
        periods.reserveCapacity(lines.count - 1)
        for (number, line) in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == names.count else {
                throw FormatError(
                    .malformedRecord, path: path, line: number, value: String(line),
                    problem: "\(fields.count) fields in \"\(line)\"", expected: "\(names.count) fields, as in the header")
            }
            func value(_ c: Column) throws(FormatError) -> Double {
                let text = Substring(fields[c.index].trimmingCharacters(in: .whitespaces))
                return try NumberText.nonNegative(text, powerOfTen: c.powerOfTen, field: c.name, path: path, line: number, expected: "a number ≥ 0")
            }
            let seconds = try value(duration)
            guard seconds > 0 else {
                throw FormatError.outOfRange(duration.name, fields[duration.index], path: path, line: number, expected: "a duration > 0")
            }
            periods.append(
                TracePeriod(
                    durationSeconds: seconds, bitsPerSecond: try value(bandwidth),
                    latencySeconds: try latency.map { c throws(FormatError) in try value(c) } ?? 0))
        }
        return periods
    }

    public static func text(_ trace: BandwidthTrace) -> String {
        var out = header + "\n"
        for p in trace.periods {
            out += "\(NumberFormat.shortest(p.durationSeconds)),\(NumberFormat.shortest(p.bitsPerSecond)),\(NumberFormat.shortest(p.latencySeconds))\n"
        }
        return out
    }
}
