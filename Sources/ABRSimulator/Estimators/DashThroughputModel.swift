import RealModule

/// Throughput as dash.js 5 measures it for its ABR rules, in dash.js's units (kbit/s).
///
/// dash.js `src/streaming/models/ThroughputModel.js` and `controllers/ThroughputController.js`
/// (v5.1.1, commit af3cef0): each media segment's sample is `Math.round(8 · bytes / ms)` kbit/s
/// over the time that carried data (`useDeadTimeLatency` = true: the time to first byte is left
/// out; a chunked fetch sums only the intervals that brought bytes); the default average is the
/// dual-half-life EWMA (`averageCalculationMode` = EWMA) whose weight is the download time in ms ×
/// `weightDownloadTimeMultiplicationFactor`, bias-corrected by 1 − 0.5^(total weight / half-life),
/// the lower of the fast and slow estimate, rounded (`getAverageThroughput`); the safe average is
/// that × `bandwidthSafetyFactor` (`getSafeAverageThroughput`). L2A-LL and LoL+ read it.
///
/// The sample of a download: in a live session, `LiveContext.throughputBitsPerSecond` (measured by
/// the engine over data-bearing intervals); otherwise the last non-abandoned `DownloadRecord`'s
/// bits over its transfer time (duration − latency). dash.js's cache filter (a request done in under
/// 10 ms is taken for a browser-cache hit and ignored) is left out: the simulator has no cache.
public struct DashThroughputModel: Hashable, Sendable {
    /// 0.0015 per ms: dash.js `abr.throughput.ewma.weightDownloadTimeMultiplicationFactor`.
    public static let weightPerMillisecond = 0.0015
    /// 3: dash.js `abr.throughput.ewma.throughputFastHalfLifeSeconds` (in units of weight).
    public static let fastHalfLife = 3.0
    /// 8: dash.js `abr.throughput.ewma.throughputSlowHalfLifeSeconds` (in units of weight).
    public static let slowHalfLife = 8.0
    /// 0.9: dash.js `abr.throughput.bandwidthSafetyFactor`.
    public static let bandwidthSafetyFactor = 0.9

    private var fastEstimate = 0.0, slowEstimate = 0.0, totalWeight = 0.0
    /// The last sample, rounded kbit/s (dash.js `getAverageThroughput(type, ARITHMETIC_MEAN, 1)`).
    public private(set) var lastKbps: Double?
    /// The request the last sample came from (segment and request time), so each is taken once.
    private var lastRequest: DownloadKey?

    private struct DownloadKey: Hashable, Sendable {
        var segmentIndex: Int
        var requestTime: Double
    }

    public init() {}

    /// Adds one sample of `bitsPerSecond` that took `downloadSeconds` of data-bearing time.
    ///
    /// - Parameters:
    ///   - bitsPerSecond: the download's throughput; non-finite or negative samples are ignored,
    ///     as dash.js drops `NaN` and infinite ones.
    ///   - downloadSeconds: the time that carried data, which weights the sample in the EWMA.
    public mutating func observe(bitsPerSecond: Double, downloadSeconds: Double) {
        guard bitsPerSecond.isFinite, bitsPerSecond >= 0, downloadSeconds.isFinite, downloadSeconds > 0 else { return }
        let kbps = Self.jsRound(bitsPerSecond / 1000)
        lastKbps = kbps
        let weight = Self.weightPerMillisecond * downloadSeconds * 1000
        let fastAlpha = Double.pow(0.5, weight / Self.fastHalfLife)
        fastEstimate = (1 - fastAlpha) * kbps + fastAlpha * fastEstimate
        let slowAlpha = Double.pow(0.5, weight / Self.slowHalfLife)
        slowEstimate = (1 - slowAlpha) * kbps + slowAlpha * slowEstimate
        totalWeight += weight
    }

    /// Takes the newest completed download of `context.history` if it was not taken yet.
    ///
    /// - Parameter context: the decision's context; its `live` throughput, when present, is the sample.
    /// - Returns: true when a new sample was added.
    @discardableResult
    public mutating func update(from context: DecisionContext) -> Bool {
        guard let record = context.history.last(where: { !$0.abandoned }) else { return false }
        let key = DownloadKey(segmentIndex: record.segmentIndex, requestTime: record.requestTime)
        guard key != lastRequest else { return false }
        lastRequest = key
        let bits = Double(record.bytes) * 8
        if let measured = context.live?.throughputBitsPerSecond, measured > 0 {
            observe(bitsPerSecond: measured, downloadSeconds: bits / measured)
        } else {
            let transfer = record.durationSeconds - record.latencySeconds
            guard transfer > 0 else { return false }
            observe(bitsPerSecond: bits / transfer, downloadSeconds: transfer)
        }
        return true
    }

    /// The EWMA average in kbit/s, rounded (dash.js `getAverageThroughput`), or `nil` before a sample.
    public var averageKbps: Double? {
        guard totalWeight > 0 else { return nil }
        let fast = fastEstimate / (1 - Double.pow(0.5, totalWeight / Self.fastHalfLife))
        let slow = slowEstimate / (1 - Double.pow(0.5, totalWeight / Self.slowHalfLife))
        return Self.jsRound(min(fast, slow))
    }

    /// `averageKbps` × 0.9 (dash.js `getSafeAverageThroughput`), or `nil` before a sample.
    public var safeAverageKbps: Double? { averageKbps.map { $0 * Self.bandwidthSafetyFactor } }

    /// JavaScript's `Math.round`: halves round up (towards +∞).
    static func jsRound(_ x: Double) -> Double { (x + 0.5).rounded(.down) }
}
