import ABRFormats
import ABRSimulator
import Foundation
import LadderCore

/// The demo's per-network summary and its choice of a session to draw.
public enum DemoReport {
    /// The family of a trace from its name: "3g-like-07" → "3g-like", "broadband-25m-02" → "broadband".
    public static func family(_ traceName: String) -> String {
        let parts = traceName.split(separator: "-")
        guard let first = parts.first else { return traceName }
        return parts.count > 1 && parts[1] == "like" ? "\(first)-like" : String(first)
    }

    /// The offline optimum knows the future: it bounds the others and is never "the best policy".
    public static let upperBound = "optimal"

    /// The online policy with the highest mean QoE per segment, and the optimum's, among `results`.
    public static func best(_ results: [SessionResult]) -> (best: PolicySummary?, bound: PolicySummary?) {
        let summaries = PolicySummary.summarize(results)
        return (
            summaries.filter { $0.policy != upperBound }.max { $0.meanQoEPerSegment < $1.meanQoEPerSegment },
            summaries.first { $0.policy == upperBound }
        )
    }

    /// Per network family: the best online policy by QoE_lin (with its QoE, bitrate, rebuffering and
    /// GB/h) next to the offline optimum's QoE, and the best by quality QoE when the title has
    /// per-segment quality.
    public static func bestByNetwork(linear: [SessionResult], quality: [SessionResult]?) -> TextTable {
        var header = ["network", "traces", "best (QoE_lin)", "QoE/seg", "optimal QoE/seg", "avg kbps", "rebuf %", "GB/h"]
        if quality != nil { header += ["best (quality QoE)", "QoE/seg ", "optimal QoE/seg "] }
        var table = TextTable(header: header, textColumns: 1)
        var families: [String] = []
        for r in linear where !families.contains(family(r.traceName)) { families.append(family(r.traceName)) }
        for name in families {
            let mine = linear.filter { family($0.traceName) == name }
            let (best, bound) = Self.best(mine)
            guard let best else { continue }
            var row = [
                name, String(Set(mine.map(\.traceName)).count), best.policy, NumberFormat.fixed(best.meanQoEPerSegment, 3),
                bound.map { NumberFormat.fixed($0.meanQoEPerSegment, 3) } ?? "-",
                NumberFormat.fixed(best.meanBitrateKbps, 0), NumberFormat.fixed(best.rebufferRatio * 100, 2), NumberFormat.fixed(best.gbPerHour, 3),
            ]
            if let quality {
                let (bestQuality, boundQuality) = Self.best(quality.filter { family($0.traceName) == name })
                row += [
                    bestQuality?.policy ?? "-", bestQuality.map { NumberFormat.fixed($0.meanQoEPerSegment, 2) } ?? "-",
                    boundQuality.map { NumberFormat.fixed($0.meanQoEPerSegment, 2) } ?? "-",
                ]
            }
            table.append(row)
        }
        return table
    }

    /// A session worth drawing: the best online policy (by mean QoE) over the first 3G-like trace, or the first trace.
    public static func showcase(_ results: [SessionResult], traces: [BandwidthTrace]) -> (SessionResult, BandwidthTrace)? {
        guard let best = Self.best(results).best,
            let trace = traces.first(where: { family($0.name) == "3g-like" }) ?? traces.first,
            let session = results.first(where: { $0.policyName == best.policy && $0.traceName == trace.name })
        else { return nil }
        return (session, trace)
    }

    /// The figures of the demo's page, as SVG documents to inline.
    public struct Figures: Sendable {
        /// The session drawn, and its timeline; `nil` when there was none to draw.
        public var timeline: (session: SessionResult, svg: String)?
        public var cdf: String
        public var rateQuality: String

        public init(timeline: (session: SessionResult, svg: String)?, cdf: String, rateQuality: String) {
            self.timeline = timeline
            self.cdf = cdf
            self.rateQuality = rateQuality
        }
    }

    /// The demo's report page: what each rung costs, which policy plays it best, one session, CDFs
    /// across traces and the ladder's rate–quality curves, and links to every file written.
    ///
    /// - Parameters:
    ///   - encoded: the encode of the built-in sample.
    ///   - seconds: how much of the sample was encoded.
    ///   - programSeconds: the length of the looped program the policies played.
    ///   - traceCount: how many traces each policy played.
    ///   - comparison: ``SimulationReport``'s heading and table of the policies.
    ///   - byNetwork: the best policy per network family (``bestByNetwork(linear:quality:)``).
    ///   - figures: the figures, inlined into the page.
    ///   - files: the files beside the page, linked.
    public static func page(
        encoded: EncodeReport, sampleSeconds seconds: Double, programSeconds: Double, traceCount: Int,
        comparison: (heading: String, table: TextTable), byNetwork: TextTable, figures: Figures, files: [HTMLReport.Link]
    ) -> HTMLReport {
        var report = HTMLReport(title: "abrkit demo: what this title costs, and which policy plays it best")
        report.append(.heading("What each rung costs"))
        report.append(
            .paragraph(
                "The built-in sample (\(encoded.source.width)×\(encoded.source.height), \(NumberFormat.decimal(seconds)) s) encoded with the \(encoded.ladder.name) ladder; bitrates, GB per hour (10⁹ bytes per hour of viewing) and quality are measured from the files written, against the source."
            ))
        report.append(.table(SummaryTable.table(encoded)))
        report.append(.paragraph(SummaryTable.footer(encoded).trimmingCharacters(in: .whitespacesAndNewlines)))
        report.append(.heading("Which policy plays it best"))
        report.append(
            .paragraph(
                "Every policy over \(traceCount) traces, playing a \(NumberFormat.decimal(programSeconds)) s program (the encode's measured segments looped). QoE_lin per segment: bitrate (Mbit/s) − 4.3 × stall s − |Δbitrate|; quality QoE: SSIM (dB) − 100 × stall s − |ΔSSIM dB|."
            ))
        report.append(.paragraph(comparison.heading))
        report.append(.table(comparison.table))
        report.append(.paragraph("The best online policy per network family, next to the offline optimum (an upper bound):"))
        report.append(.table(byNetwork))
        if let (session, svg) = figures.timeline {
            report.append(.heading("One session"))
            report.append(
                .figure(svg: svg, caption: "\(session.policyName) over \(session.traceName): chosen bitrate over offered bandwidth, and buffer; stalls shaded.")
            )
        }
        report.append(.heading("Across traces"))
        report.append(
            .figure(
                svg: figures.cdf,
                caption:
                    "CDFs across traces of QoE per segment, average bitrate and rebuffer ratio (log axis; sessions without a stall start each curve at the left edge), one curve per policy."
            ))
        report.append(.heading("Rate and quality of the ladder"))
        report.append(.figure(svg: figures.rateQuality, caption: "PSNR and SSIM against measured bitrate per rung (log axis); GB per hour on the top axis."))
        report.append(.heading("Files"))
        report.append(.links(files))
        return report
    }
}
