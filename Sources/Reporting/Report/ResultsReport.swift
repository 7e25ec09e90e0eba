import ABRFormats
import ABRSimulator

/// `abrkit report`'s page: one or more result folders side by side (two ladders, two data caps),
/// each with its summary table, its CDFs and links to its files.
public enum ResultsReport {
    /// A run's files as the page links them: hrefs relative to the page.
    public struct RunFiles: Sendable {
        /// The run's CSVs and run.json.
        public var data: [HTMLReport.Link]
        /// The figures written for it beside the page.
        public var figures: [HTMLReport.Link]

        public init(data: [HTMLReport.Link], figures: [HTMLReport.Link]) {
            self.data = data
            self.figures = figures
        }
    }

    /// The CDF figure of one run, titled with its label.
    public static func cdf(_ run: ResultSetSummary) -> Figure {
        ResultFigures.cdf(run.distributions, title: "\(run.label): across \(run.distributions.traceCount) traces")
    }

    /// One table of every run's policies, a `run` column first, for runs compared side by side.
    public static func sideBySide(_ runs: [ResultSetSummary]) -> TextTable {
        let anyCap = runs.contains { $0.run.dataCapGBPerHour != nil }
        var columns: TextTable?
        var rows: [[String]] = []
        for run in runs {
            var title = run.title
            if anyCap, title.dataCap == nil { title.dataCap = 0 }  // a "capped %" column for every run, 0 where none was capped
            let table = SimulationReport.rows(run.summaries, title: title)
            if columns == nil { columns = TextTable(header: ["run"] + table.header, textColumns: 2) }
            rows += table.rows.map { [run.label] + $0 }
        }
        var table = columns ?? TextTable(header: ["run", "policy"], textColumns: 2)
        for row in rows { table.append(row) }
        return table
    }

    /// The page: a side-by-side table when there are several runs, then a section per run.
    ///
    /// - Parameters:
    ///   - runs: the result folders, in the order given.
    ///   - files: per run, the links to its files and figures.
    ///   - figures: per run, its CDF figure's SVG, inlined.
    public static func page(_ runs: [ResultSetSummary], files: [RunFiles], figures: [String]) -> HTMLReport {
        precondition(runs.count == files.count && runs.count == figures.count, "one set of files and one figure per run")
        var report = HTMLReport(title: runs.count == 1 ? "abrkit report: \(runs[0].label)" : "abrkit report: \(runs.map(\.label).joined(separator: " vs "))")
        report.append(
            .paragraph(
                "Rebuilt from the result folders abrkit simulate wrote: each summary from its sessions.csv, exactly as abrkit simulate and abrkit merge print it. Click a column's header to sort by it."
            ))
        if runs.count > 1 {
            report.append(.heading("Side by side"))
            report.append(.table(sideBySide(runs)))
        }
        for (i, run) in runs.enumerated() {
            report.append(.heading(run.label))
            let cap = run.run.dataCapGBPerHour.map { ", data cap \(NumberFormat.decimal($0)) GB/h" } ?? ""
            report.append(
                .paragraph(
                    "Video \(run.run.video.path), \(run.run.traces.files) trace files, policies \(run.run.policies.joined(separator: ", ")), QoE \(run.run.qoe), model \(run.run.model)\(cap)."
                ))
            report.append(.paragraph(SimulationReport.heading(run.summaries, title: run.title)))
            report.append(.table(SimulationReport.rows(run.summaries, title: run.title)))
            report.append(
                .figure(
                    svg: figures[i],
                    caption:
                        "\(run.label): CDFs across traces of QoE per segment, average bitrate and rebuffer ratio (log axis; sessions without a stall start each curve at the left edge), one curve per policy."
                ))
            report.append(.links(files[i].data + files[i].figures))
        }
        return report
    }
}
