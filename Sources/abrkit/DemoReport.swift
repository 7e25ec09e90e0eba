import ABRFormats
import ABRSimulator

/// The demo's per-network summary and its choice of a session to draw.
enum DemoReport {
    /// The family of a trace from its name: "3g-like-07" → "3g-like", "broadband-25m-02" → "broadband".
    static func family(_ traceName: String) -> String {
        let parts = traceName.split(separator: "-")
        guard let first = parts.first else { return traceName }
        return parts.count > 1 && parts[1] == "like" ? "\(first)-like" : String(first)
    }

    /// Per network family: the best policy by QoE_lin (with its QoE, bitrate, rebuffering and GB/h),
    /// and the best by quality QoE when the title has per-segment quality.
    static func bestByNetwork(linear: [SessionResult], quality: [SessionResult]?) -> TextTable {
        var header = ["network", "traces", "best (QoE_lin)", "QoE/seg", "avg kbps", "rebuf %", "GB/h"]
        if quality != nil { header += ["best (quality QoE)", "QoE/seg "] }
        var table = TextTable(header: header, textColumns: 1)
        var families: [String] = []
        for r in linear where !families.contains(family(r.traceName)) { families.append(family(r.traceName)) }
        for name in families {
            let mine = linear.filter { family($0.traceName) == name }
            guard let best = PolicySummary.summarize(mine).max(by: { $0.meanQoEPerSegment < $1.meanQoEPerSegment }) else { continue }
            var row = [name, String(Set(mine.map(\.traceName)).count), best.policy, NumberFormat.fixed(best.meanQoEPerSegment, 3),
                       NumberFormat.fixed(best.meanBitrateKbps, 0), NumberFormat.fixed(best.rebufferRatio * 100, 2), NumberFormat.fixed(best.gbPerHour, 3)]
            if let quality {
                let bestQuality = PolicySummary.summarize(quality.filter { family($0.traceName) == name }).max { $0.meanQoEPerSegment < $1.meanQoEPerSegment }
                row += [bestQuality?.policy ?? "-", bestQuality.map { NumberFormat.fixed($0.meanQoEPerSegment, 2) } ?? "-"]
            }
            table.append(row)
        }
        return table
    }

    /// A session worth drawing: the best policy (by mean QoE) over the first 3G-like trace, or the first trace.
    static func showcase(_ results: [SessionResult], traces: [BandwidthTrace]) -> (SessionResult, BandwidthTrace)? {
        guard let best = PolicySummary.summarize(results).max(by: { $0.meanQoEPerSegment < $1.meanQoEPerSegment }),
              let trace = traces.first(where: { family($0.name) == "3g-like" }) ?? traces.first,
              let session = results.first(where: { $0.policyName == best.policy && $0.traceName == trace.name }) else { return nil }
        return (session, trace)
    }
}
