import ABRFormats
import Foundation
import LadderCore

/// What `abrkit hull` shows of a per-title analysis: the figure and the table.
public enum PerTitleReport {
    /// Quality against measured bitrate, a curve per resolution, the hull drawn over them.
    public static func figure(_ analysis: PerTitleAnalysis, title: String) -> Figure {
        let quality = { (point: PerTitleAnalysis.Point) in point.quality(analysis.metric) }
        var curves: [(name: String, points: [(x: Double, y: Double)])] = []
        for point in analysis.points {
            let name = "\(point.width)x\(point.height)"
            if curves.last?.name != name { curves.append((name, [])) }
            curves[curves.count - 1].points.append((point.averageKbps, quality(point)))
        }
        return RateQualityFigure.hullFigure(
            title: title, qualityLabel: qualityLabel(analysis.metric), curves: curves,
            hull: analysis.hull.map { ($0.name, ($0.averageKbps, quality($0))) })
    }

    /// The figure's quality axis for `metric`.
    static func qualityLabel(_ metric: PerTitleAnalysis.Metric) -> String {
        switch metric {
        case .psnr: "PSNR (dB)"
        case .ssim: "SSIM"
        case .vmaf: "VMAF"
        }
    }

    /// One row per grid point, hull points starred, and the hull's path; a VMAF column when the
    /// hull is taken over VMAF.
    public static func table(_ analysis: PerTitleAnalysis) -> String {
        let vmaf = analysis.metric == .vmaf
        var table = TextTable(
            header: ["point", "resolution", "target kbps", "avg kbps", "peak kbps", "PSNR dB", "SSIM"] + (vmaf ? ["VMAF"] : []) + ["hull"],
            textColumns: 2)
        for point in analysis.points {
            table.append(
                [
                    point.name, "\(point.width)x\(point.height)", "\(point.targetKbps)", String(format: "%.0f", point.averageKbps),
                    String(format: "%.0f", point.peakKbps), String(format: "%.2f", point.psnrDb), String(format: "%.4f", point.ssim),
                ] + (vmaf ? [point.vmaf.map { String(format: "%.2f", $0) } ?? "-"] : []) + [point.onHull ? "*" : ""])
        }
        let hull = analysis.hull.map(\.name).joined(separator: " → ")
        return table.rendered + "\nconvex hull (\(analysis.metric.rawValue.uppercased())): \(hull)\n"
    }
}
