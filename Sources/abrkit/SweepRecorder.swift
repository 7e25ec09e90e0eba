import ABRFormats
import ABRSimulator
import Foundation

/// Takes a sweep's sessions in order, and keeps none of them: each is added to the per-policy
/// summary, written to the CSVs (when there is a result set) and dropped, so memory does not grow
/// with the number of sessions.
final class SweepRecorder {
    private(set) var summary = PolicySummary.Accumulator()
    private(set) var recorded = 0
    private(set) var failures = 0
    private let results: ResultSetWriter?
    private var sessions: (file: ResultFile, csv: CSVBuffer)?
    private var segments: (file: ResultFile, csv: CSVBuffer)?

    /// Starts `sessions.csv` (and `segments.csv` when `segmentTable`) in `results`, headers first;
    /// a `live` run's files get the live columns.
    init(results: ResultSetWriter?, extraColumns: [String], segmentTable: Bool, live: Bool = false) throws {
        self.results = results
        guard let results else { return }
        var csv = CSVBuffer()
        csv.row(ResultsCSV.sessionColumns + (live ? ResultsCSV.liveSessionColumns : []) + extraColumns)
        sessions = (try results.startFile("sessions.csv"), csv)
        if segmentTable {
            csv = CSVBuffer()
            csv.row(ResultsCSV.segmentColumns + (live ? ResultsCSV.liveSegmentColumns : []))
            segments = (try results.startFile("segments.csv"), csv)
        }
    }

    /// Adds one session. A failed policy is reported on stderr and counted (the run fails at the
    /// end, listing every failure); a metric that is not finite stops the run at once.
    func record(_ outcome: SweepOutcome) throws {
        let r = outcome.result
        recorded += 1
        if let failure = r.failure {
            FileHandle.standardError.write(Data("error: over \(r.traceName): \(failure)\n".utf8))
            failures += 1
            return
        }
        if let field = (r.metrics.nonFiniteFields + (r.live?.nonFiniteFields ?? [])).first {
            throw CLIError("over \(r.traceName), \(r.policyName): \(field) is not a finite number; no results written (an input beyond ModelLimits?)")
        }
        summary.add(policy: r.policyName, ResultsCSV.asWritten(r.metrics), capBoundSegments: r.capBoundSegments, live: r.live.map(ResultsCSV.liveAsWritten))
        if sessions != nil {
            ResultsCSV.appendSessions([r], extraValues: [outcome.extraValues], to: &sessions!.csv)
            try sessions!.file.drain(&sessions!.csv)
        }
        if segments != nil {
            ResultsCSV.appendSegments(of: r, to: &segments!.csv)
            try segments!.file.drain(&segments!.csv)
        }
    }

    /// Fails the run when any session failed; otherwise closes the files and commits the set.
    func finish(run: RunManifest) throws {
        if failures > 0 { throw CLIError("\(failures) of \(recorded) sessions failed; no results written") }
        guard let results else { return }
        if sessions != nil { try results.finish(sessions!.file, &sessions!.csv) }
        if segments != nil { try results.finish(segments!.file, &segments!.csv) }
        try results.write(ResultsCSV.summary(summary.summaries), to: "summary.csv")
        try results.commit(run: run)
    }
}
