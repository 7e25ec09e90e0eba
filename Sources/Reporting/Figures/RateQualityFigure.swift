import ABRFormats
import ABRSimulator

/// Rate–quality curves of an encoded ladder: PSNR and SSIM against measured bitrate, one point per
/// rung, with GB per hour of viewing along the top axis.
///
/// The rate axis is logarithmic: a ladder's rungs grow by ratios (400, 800, 1200, 2500, 4000,
/// 10 000 kbit/s), so on a linear axis the low rungs crowd at the origin; rate–quality curves are
/// conventionally read against log rate (Bjøntegaard's BD-rate integrates over log R).
public enum RateQualityFigure {
    /// GB per hour for one kbit/s (`DataRate`), the top axis's scale.
    public static let gbPerHourPerKbps = DataRate.gbPerHour(kbps: 1)

    public static func figure(_ ladder: LadderFile) -> Figure {
        let rungs = ladder.levels
        let labels = rungs.map(\.name)
        let topAxis = Chart.SecondaryAxis(label: "data used (GB per hour)", scale: gbPerHourPerKbps)
        var charts: [Chart] = []
        let psnr = rungs.compactMap { r in r.psnrDb.map { (x: r.averageKbps, y: $0) } }
        if psnr.count == rungs.count, !psnr.isEmpty {
            charts.append(
                Chart(
                    title: "PSNR against the source", xLabel: "measured average bitrate (kbit/s)", yLabel: "PSNR (dB)",
                    series: [Chart.Series(name: "PSNR", points: psnr, style: .lineAndMarkers, labels: labels)],
                    includeZeroY: false, topAxis: topAxis, xScale: .log))
        }
        let ssim = rungs.compactMap { r in r.ssim.map { (x: r.averageKbps, y: $0) } }
        if ssim.count == rungs.count, !ssim.isEmpty {
            charts.append(
                Chart(
                    title: "SSIM against the source", xLabel: "measured average bitrate (kbit/s)", yLabel: "SSIM",
                    series: [Chart.Series(name: "SSIM", points: ssim, style: .lineAndMarkers, labels: labels)],
                    includeZeroY: false, topAxis: topAxis, xScale: .log))
        }
        if charts.isEmpty {
            charts.append(
                Chart(
                    title: "Bitrate per rung", xLabel: "measured average bitrate (kbit/s)", yLabel: "peak bitrate (kbit/s)",
                    series: [Chart.Series(name: "peak", points: rungs.map { (x: $0.averageKbps, y: $0.peakKbps) }, style: .lineAndMarkers, labels: labels)],
                    topAxis: topAxis, xScale: .log))
        }
        return Figure(title: "Rate–quality of the ladder" + (ladder.source.map { " (\($0.name))" } ?? ""), charts: charts, panelHeight: 230)
    }

    /// A per-title analysis: one rate–quality curve per resolution and, over them, the upper convex
    /// hull the title's ladder should follow.
    ///
    /// - Parameters:
    ///   - title: the figure's title.
    ///   - qualityLabel: the y axis's label, with its unit.
    ///   - curves: (name, points) per resolution, points in ascending rate.
    ///   - hull: the hull's vertices in ascending rate, with their names as labels.
    public static func hullFigure(
        title: String, qualityLabel: String, curves: [(name: String, points: [(x: Double, y: Double)])],
        hull: [(label: String, point: (x: Double, y: Double))]
    ) -> Figure {
        let series =
            curves.map { Chart.Series(name: $0.name, points: $0.points, style: .lineAndMarkers) }
            + [Chart.Series(name: "convex hull", points: hull.map(\.point), style: .line, labels: nil)]
            + [Chart.Series(name: "hull points", points: hull.map(\.point), style: .markers, labels: hull.map(\.label))]
        let chart = Chart(
            title: "Quality against measured bitrate, per resolution", xLabel: "measured average bitrate (kbit/s)", yLabel: qualityLabel,
            series: series, includeZeroY: false, topAxis: Chart.SecondaryAxis(label: "data used (GB per hour)", scale: gbPerHourPerKbps), xScale: .log)
        return Figure(title: title, charts: [chart], panelHeight: 320)
    }
}
