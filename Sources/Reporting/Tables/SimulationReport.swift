import ABRFormats
import ABRSimulator

/// The policy comparison table `abrkit simulate` prints.
public enum SimulationReport {
    public static func table(_ results: [SessionResult], video: Video, traceCount: Int, qoe: QoEModel.Utility, dataCap: Double?, model: String = "default")
        -> String
    {
        let summaries = PolicySummary.summarize(results)
        var header = ["policy", "sessions", "QoE mean", "QoE median", "QoE/seg", "avg kbps", "rebuf %", "switches", "startup s", "GB/h"]
        if dataCap != nil { header.append("capped %") }
        var table = TextTable(header: header)
        for s in summaries {
            var row = [
                s.policy, String(s.sessions), NumberFormat.fixed(s.meanQoE, 2), NumberFormat.fixed(s.medianQoE, 2),
                NumberFormat.fixed(s.meanQoEPerSegment, 3), NumberFormat.fixed(s.meanBitrateKbps, 0),
                NumberFormat.fixed(s.rebufferRatio * 100, 2), NumberFormat.fixed(s.meanSwitches, 1),
                NumberFormat.fixed(s.meanStartupDelaySeconds, 2), NumberFormat.fixed(s.gbPerHour, 3),
            ]
            if dataCap != nil {
                let mine = results.filter { $0.policyName == s.policy }
                let bound = mine.reduce(0) { $0 + $1.capBoundSegments }, total = mine.reduce(0) { $0 + $1.segments.count }
                row.append(NumberFormat.fixed(total > 0 ? 100 * Double(bound) / Double(total) : 0, 1))
            }
            table.append(row)
        }
        let cap = dataCap.map { ", data cap \(NumberFormat.decimal($0)) GB/h" } ?? ""
        let title =
            "\(results.map(\.segments.count).max() ?? video.segmentCount) segments × \(NumberFormat.decimal(video.segmentSeconds)) s, \(video.levelCount) levels, "
            + "\(traceCount) trace\(traceCount == 1 ? "" : "s"), QoE \(qoe.rawValue)\(cap)" + (model == "default" ? "" : ", model \(model)") + "\n"
        return title + table.rendered
    }
}
