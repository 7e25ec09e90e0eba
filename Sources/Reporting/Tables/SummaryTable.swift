import ABRFormats
import Foundation
import LadderCore

/// The table `abrkit encode` prints on stdout: one row per rung, plus audio.
///
/// With audio, a "+audio GB/h" column adds the audio rendition's GB/h to each rung's: what a
/// viewer of that rung downloads per hour, and what the cap verdict checks.
public enum SummaryTable {
    /// The table and the line under it, as a terminal shows them.
    public static func render(_ report: EncodeReport) -> String { table(report).rendered + footer(report) }

    /// One row per rung (and audio), for a terminal or an HTML page.
    public static func table(_ report: EncodeReport) -> TextTable {
        let audioGBPerHour = report.audio?.gigabytesPerHour
        var header = ["rung", "resolution", "codec", "target kbps", "avg kbps", "peak kbps", "GB/h"]
        if audioGBPerHour != nil { header.append("+audio GB/h") }
        header += ["PSNR dB", "SSIM"]
        let showsVMAF = report.rungs.contains { $0.vmaf != nil }
        if showsVMAF { header += ["VMAF", "VMAF hmean", "VMAF p5"] }
        header.append("cap")
        var rows: [[String]] = []
        for rung in report.rungs {
            let verdict = report.capVerdict(rung)
            var row = [
                rung.rung.name, "\(rung.rung.width)x\(rung.rung.height)", rung.codecName,
                rung.rung.nominalKbps.map(String.init) ?? (rung.rung.crf.map { "crf \($0)" } ?? "-"),
                String(format: "%.0f", rung.averageKbps), String(format: "%.0f", rung.peakKbps),
                String(format: "%.3f", rung.gigabytesPerHour),
            ]
            if let audioGBPerHour { row.append(String(format: "%.3f", rung.gigabytesPerHour + audioGBPerHour)) }
            rows.append(
                row + [
                    rung.quality.map { String(format: "%.2f", $0.psnrDb) } ?? "-",
                    rung.quality.map { String(format: "%.4f", $0.ssim) } ?? "-",
                ] + (showsVMAF ? vmafCells(rung.vmaf) : []) + [
                    String(format: "%@ %.1f %@", verdict.withinCap ? "ok" : "OVER", verdict.capGBPerHour, verdict.videoClass.rawValue.uppercased())
                ])
        }
        if let audio = report.audio {
            rows.append(
                [
                    "audio", "-", audio.codecString, "-", String(format: "%.0f", audio.averageKbps), String(format: "%.0f", audio.peakKbps),
                    String(format: "%.3f", audio.gigabytesPerHour), "-", "-", "-", "-",
                ] + (showsVMAF ? ["-", "-", "-"] : []))
        }
        var table = TextTable(header: header, textColumns: 3)
        for row in rows { table.append(row) }
        return table
    }

    /// Mean, harmonic mean and 5th percentile of a rung's VMAF, two decimals ("-" when not measured).
    static func vmafCells(_ vmaf: VMAFMeasurement?) -> [String] {
        guard let total = vmaf?.total else { return ["-", "-", "-"] }
        return [total.mean, total.harmonicMean, total.percentile5].map { String(format: "%.2f", $0) }
    }

    /// The line under the table: frames, duration, segment length (and part length, when segments
    /// were written in CMAF parts), and whether verdicts include audio.
    public static func footer(_ report: EncodeReport) -> String {
        let capNote = report.audio == nil ? "" : " (cap verdicts include audio)"
        let partNote = report.partSeconds.map { String(format: " in %.3g s parts", $0) } ?? ""
        return String(
            format: "%d frames, %.2f s, %.3g s segments%@%@%@\n", report.totalFrames, report.durationSeconds, report.segmentSeconds, partNote,
            lastNote(report), capNote
        )
    }

    /// ", the last 2 s" when the last segment is shorter than the others, else nothing.
    static func lastNote(_ report: EncodeReport) -> String {
        guard let last = report.rungs.first?.segmentDurationsSeconds.last, last != report.segmentSeconds else { return "" }
        return String(format: ", the last %.3g s", last)
    }
}
