/// A per-title analysis: every grid encode's measured rate and quality, and which of them are on
/// the upper convex hull (``RateQualityHull``) — the ladder this title should get.
public struct PerTitleAnalysis: Sendable, Codable {
    /// The quality the hull is taken over.
    public enum Metric: String, CaseIterable, Sendable, Codable {
        /// PSNR of the pixel-weighted (4:1:1) Y, U, V mean squared error, dB: FFmpeg's psnr `average`.
        case psnr
        /// SSIM with the same weighting: FFmpeg's ssim `All`.
        case ssim
        /// VMAF, the mean of libvmaf's frame scores (0–100) at the source's size: needs the grid
        /// encoded with VMAF (each rung's ``RungReport/vmafModel`` names its model).
        case vmaf
    }

    /// One grid encode.
    public struct Point: Sendable, Codable, Hashable {
        public var name: String
        public var width: Int
        public var height: Int
        public var targetKbps: Int
        public var averageKbps: Double
        public var peakKbps: Double
        public var psnrDb: Double
        public var ssim: Double
        /// Mean VMAF over the point's frames; nil when the grid was encoded without VMAF.
        public var vmaf: Double?
        public var onHull: Bool

        /// The point's quality in `metric`'s unit (NaN for VMAF not measured: never on the hull).
        public func quality(_ metric: Metric) -> Double {
            switch metric {
            case .psnr: psnrDb
            case .ssim: ssim
            case .vmaf: vmaf ?? .nan
            }
        }
    }

    public var metric: Metric
    /// In the grid's order (resolution, then bitrate).
    public var points: [Point]

    /// - Throws: ``LadderSpecError/Code/invalidValue`` when the encode measured no quality (it was
    ///   run without it), or no VMAF for `metric` `.vmaf`.
    public init(report: EncodeReport, metric: Metric) throws {
        self.metric = metric
        points = try report.rungs.map { rung in
            guard let quality = rung.quality, let target = rung.rung.bitrateKbps else {
                throw LadderSpecError(
                    .invalidValue, file: PerTitleGrid.errorSource, "rung \(rung.rung.name): a per-title analysis needs a target bitrate and measured quality")
            }
            if metric == .vmaf, rung.vmaf == nil {
                throw LadderSpecError(
                    .invalidValue, file: PerTitleGrid.errorSource, "rung \(rung.rung.name): a VMAF hull needs the grid encoded with VMAF, and it has none")
            }
            return Point(
                name: rung.rung.name, width: rung.rung.width, height: rung.rung.height, targetKbps: target,
                averageKbps: rung.averageKbps, peakKbps: rung.peakKbps, psnrDb: quality.psnrDb, ssim: quality.ssim,
                vmaf: rung.vmaf?.total.mean, onHull: false)
        }
        for index in RateQualityHull.vertices(points.map { ($0.averageKbps, $0.quality(metric)) }) {
            points[index].onHull = true
        }
    }

    /// The hull's points, ascending in rate.
    public var hull: [Point] { points.filter(\.onHull).sorted { $0.averageKbps < $1.averageKbps } }

    /// The hull as a ladder `abrkit encode` can use: each hull point's rung from `grid`, lowest rate first.
    public func ladder(from grid: PerTitleGrid) -> LadderSpec {
        LadderSpec(
            name: "per-title",
            description:
                "The upper convex hull of \(metric.rawValue.uppercased()) against measured bitrate over a \(grid.resolutions.count)×\(grid.bitratesKbps.count) grid.",
            reference: "abrkit hull; per-title encoding after Netflix Technology Blog, 'Per-Title Encode Optimization' (2015).",
            segmentSeconds: grid.segmentSeconds,
            rungs: hull.map { grid.rung(PerTitleGrid.Resolution(width: $0.width, height: $0.height), kbps: $0.targetKbps) })
    }
}
