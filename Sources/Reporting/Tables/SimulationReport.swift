import ABRFormats
import ABRSimulator

/// The policy comparison table `abrkit simulate` and `abrkit merge` print.
public enum SimulationReport {
    /// What the line above the table says of the run.
    public struct Title: Sendable {
        public var videoSegments: Int
        public var segmentSeconds: Double
        public var levels: Int
        public var traceCount: Int
        public var qoe: String
        public var dataCap: Double?
        public var model: String

        public init(videoSegments: Int, segmentSeconds: Double, levels: Int, traceCount: Int, qoe: String, dataCap: Double?, model: String = "default") {
            self.videoSegments = videoSegments; self.segmentSeconds = segmentSeconds; self.levels = levels; self.traceCount = traceCount
            self.qoe = qoe; self.dataCap = dataCap; self.model = model
        }

        /// The title of the run a result folder's manifest describes.
        public init(_ run: RunManifest) {
            self.init(
                videoSegments: run.video.segments, segmentSeconds: run.video.segmentSeconds, levels: run.video.levels, traceCount: run.traces.files,
                qoe: run.qoe, dataCap: run.dataCapGBPerHour, model: run.model)
        }
    }

    public static func table(_ results: [SessionResult], video: Video, traceCount: Int, qoe: QoEModel.Utility, dataCap: Double?, model: String = "default")
        -> String
    {
        table(
            ResultsCSV.summarize(results),
            title: Title(
                videoSegments: video.segmentCount, segmentSeconds: video.segmentSeconds, levels: video.levelCount, traceCount: traceCount, qoe: qoe.rawValue,
                dataCap: dataCap, model: model))
    }

    /// The title line and one row per policy.
    public static func table(_ summaries: [PolicySummary], title: Title) -> String {
        heading(summaries, title: title) + "\n" + rows(summaries, title: title).rendered
    }

    /// One row per policy, for a terminal or an HTML page.
    public static func rows(_ summaries: [PolicySummary], title: Title) -> TextTable {
        var header = ["policy", "sessions", "QoE mean", "QoE median", "QoE/seg", "avg kbps", "rebuf %", "switches", "startup s", "GB/h"]
        if title.dataCap != nil { header.append("capped %") }
        let live = summaries.contains { $0.live != nil }
        if live { header += ["latency s", "p95 s", "seeks", "faster %", "slower %"] }
        var table = TextTable(header: header)
        for s in summaries {
            var row = [
                s.policy, String(s.sessions), NumberFormat.fixed(s.meanQoE, 2), NumberFormat.fixed(s.medianQoE, 2),
                NumberFormat.fixed(s.meanQoEPerSegment, 3), NumberFormat.fixed(s.meanBitrateKbps, 0),
                NumberFormat.fixed(s.rebufferRatio * 100, 2), NumberFormat.fixed(s.meanSwitches, 1),
                NumberFormat.fixed(s.meanStartupDelaySeconds, 2), NumberFormat.fixed(s.gbPerHour, 3),
            ]
            if title.dataCap != nil { row.append(NumberFormat.fixed(s.cappedShare * 100, 1)) }
            if live {
                if let l = s.live {
                    row += [
                        NumberFormat.fixed(l.meanLatencySeconds, 2), NumberFormat.fixed(l.meanP95LatencySeconds, 2), NumberFormat.fixed(l.meanSeeks, 1),
                        NumberFormat.fixed(l.speedUpShare * 100, 1), NumberFormat.fixed(l.slowDownShare * 100, 1),
                    ]
                } else {
                    row += Array(repeating: "", count: 5)
                }
            }
            table.append(row)
        }
        return table
    }

    /// The line above the table: segments, levels, traces, QoE model, cap and model; no newline.
    public static func heading(_ summaries: [PolicySummary], title: Title) -> String {
        let segments = summaries.map(\.maximumSegments).max() ?? title.videoSegments
        let cap = title.dataCap.map { ", data cap \(NumberFormat.decimal($0)) GB/h" } ?? ""
        let traces = "\(title.traceCount) trace\(title.traceCount == 1 ? "" : "s")"
        return "\(segments) segments × \(NumberFormat.decimal(title.segmentSeconds)) s, \(title.levels) levels, \(traces), QoE \(title.qoe)\(cap)"
            + (title.model == "default" ? "" : ", model \(title.model)")
    }

    /// The same summary as JSON, for scripts: the title's facts and one object per policy with
    /// `summary.csv`'s columns (unrounded; a live run's policies with the live columns too).
    public static func json(_ summaries: [PolicySummary], title: Title) -> String {
        func number(_ value: Double) -> String { value.isFinite ? NumberFormat.decimal(value) : "null" }
        let run = [
            "\"segments\": \(summaries.map(\.maximumSegments).max() ?? title.videoSegments)", "\"segment_seconds\": \(number(title.segmentSeconds))",
            "\"levels\": \(title.levels)", "\"traces\": \(title.traceCount)", "\"qoe\": \(JSONText.quoted(title.qoe))",
            "\"data_cap_gb_per_hour\": \(title.dataCap.map(number) ?? "null")", "\"model\": \(JSONText.quoted(title.model))",
        ]
        let policies = summaries.map { s in
            let values = [
                s.meanQoE, s.medianQoE, s.meanQoEPerSegment, s.meanBitrateKbps, s.rebufferRatio, s.meanRebufferEvents, s.meanSwitches,
                s.meanStartupDelaySeconds, s.gbPerHour, s.wastedShare, s.cappedShare,
            ].map(number)
            var fields =
                ["\"policy\": \(JSONText.quoted(s.policy))", "\"sessions\": \(s.sessions)"]
                + zip(ResultsCSV.summaryColumns.dropFirst(2), values).map { "\"\($0)\": \($1)" }
            if let l = s.live {
                let liveValues = [l.meanLatencySeconds, l.meanP95LatencySeconds, l.meanSeeks, l.speedUpShare, l.slowDownShare, l.meanQoELoLP, l.meanQoENQoE]
                fields += zip(ResultsCSV.liveSummaryColumns, liveValues.map(number)).map { "\"\($0)\": \($1)" }
            }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        return "{\n  " + run.joined(separator: ", ") + ",\n  \"policies\": [\n" + policies.joined(separator: ",\n") + "\n  ]\n}\n"
    }
}
