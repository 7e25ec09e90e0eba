import ABRFormats
import ABRSimulator

/// The policy comparison table `abrkit simulate` prints.
enum SimulationReport {
    static func table(_ summaries: [PolicySummary], video: Video, traceCount: Int, qoe: QoEModel.Utility) -> String {
        var table = TextTable(header: ["policy", "sessions", "QoE mean", "QoE median", "QoE/seg", "avg kbps", "rebuf %", "switches", "startup s", "GB/h"])
        for s in summaries {
            table.append([
                s.policy, String(s.sessions), NumberFormat.fixed(s.meanQoE, 2), NumberFormat.fixed(s.medianQoE, 2),
                NumberFormat.fixed(s.meanQoEPerSegment, 3), NumberFormat.fixed(s.meanBitrateKbps, 0),
                NumberFormat.fixed(s.rebufferRatio * 100, 2), NumberFormat.fixed(s.meanSwitches, 1),
                NumberFormat.fixed(s.meanStartupDelaySeconds, 2), NumberFormat.fixed(s.gbPerHour, 3),
            ])
        }
        let title = "\(video.segmentCount) segments × \(NumberFormat.decimal(video.segmentSeconds)) s, \(video.levelCount) levels, "
            + "\(traceCount) trace\(traceCount == 1 ? "" : "s"), QoE \(qoe.rawValue)\n"
        return title + table.rendered
    }
}
