import ABRFormats
import ABRSimulator

/// A result folder written by `abrkit simulate --out` (or `abrkit merge`), read back for a report:
/// its run, the per-policy summary rebuilt from `sessions.csv` exactly as `merge` rebuilds it, and
/// the per-session values the CDFs draw.
public struct ResultSetSummary: Sendable {
    /// The folder's name in the report, e.g. its last path component.
    public var label: String
    public var folder: String
    public var run: RunManifest
    /// The files `run.json` lists, with their sizes in bytes.
    public var files: [String: Int]
    public var summaries: [PolicySummary]
    public var distributions: SessionDistributions

    /// The summary table's title line, as `simulate` prints it.
    public var title: SimulationReport.Title { SimulationReport.Title(run) }

    /// Reads `folder`'s `run.json` and streams its `sessions.csv` once.
    ///
    /// - Throws: `FormatError` naming the file, line and column at fault: no `run.json`, a
    ///   `sessions.csv` missing, malformed, lacking a needed column, or holding another number of
    ///   sessions than `run.json` says (a truncated copy).
    public static func read(folder: String, label: String) throws(FormatError) -> ResultSetSummary {
        let (files, run) = try RunManifest.read(folder: folder)
        let path = folder + "/sessions.csv"
        let reader = try CSVRecordReader(path: path)
        guard let header = try reader.next() else { throw FormatError(.emptyFile, path: path, problem: "has no header", expected: "a CSV header") }
        let columns = try ResultsCSV.SummaryColumns(header: header.fields, path: path)
        func column(_ name: ResultsCSV.SessionColumn) throws(FormatError) -> Int { try ResultsCSV.column(name, in: header.fields, path: path) }
        let trace = try column(.trace), qoePerSegment = try column(.qoePerSegment), rebufferRatio = try column(.rebufferRatio)
        var summary = PolicySummary.Accumulator()
        var distributions = SessionDistributions()
        var rows = 0
        while let record = try reader.next() {
            let row = try columns.read(record.fields, line: reader.line)
            summary.add(policy: row.policy, row.metrics, capBoundSegments: row.capBoundSegments, live: row.live)
            func number(_ c: Int) throws(FormatError) -> Double {
                guard let v = Double(record.fields[c]) else {
                    throw FormatError(
                        .notANumber, path: path, line: reader.line, value: record.fields[c], problem: "'\(header.fields[c])' is not a number",
                        expected: "a number")
                }
                return v
            }
            distributions.add(
                trace: record.fields[trace], policy: row.policy, qoePerSegment: try number(qoePerSegment),
                averageBitrateKbps: row.metrics.averageBitrateKbps, rebufferRatio: try number(rebufferRatio))
            rows += 1
        }
        let expected = run.shard?.sessions ?? run.sessions
        guard rows == expected else {
            throw FormatError(
                .inconsistentTable, path: path, problem: "holds \(rows) session rows, but run.json says \(expected)",
                expected: "the complete file (copy the result folder again)")
        }
        return ResultSetSummary(label: label, folder: folder, run: run, files: files, summaries: summary.summaries, distributions: distributions)
    }
}
