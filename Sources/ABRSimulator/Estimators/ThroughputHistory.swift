/// Throughput and latency as BOLA-E and the throughput rule of dash.js and Sabre see them.
///
/// Throughput is the dual-half-life EWMA (`EWMAEstimator`) of each completed download's transfer
/// rate (bytes over the time after the first byte); latency is the mean of the last
/// `latencyWindow` requests' time to first byte. Both follow Sabre's `sabre.py` (`Ewma`,
/// `quality_from_throughput`), the simulator of Spiteri et al., MMSys 2018.
public struct ThroughputHistory: Hashable, Sendable {
    /// 3 requests: dash.js `AVERAGE_THROUGHPUT_SAMPLE_AMOUNT_VOD`, and Sabre's default window.
    public static let defaultLatencyWindow = 3

    private var estimator = EWMAEstimator()
    private var latencies: [Double] = []
    public let latencyWindow: Int

    public init(latencyWindow: Int = defaultLatencyWindow) {
        precondition(latencyWindow > 0, "the latency window must hold a sample")
        self.latencyWindow = latencyWindow
    }

    /// Adds a completed request (abandoned ones are ignored: their rate is biased low by design).
    public mutating func observe(_ record: DownloadRecord) {
        guard !record.abandoned else { return }
        if latencies.count == latencyWindow { latencies.removeFirst() }
        latencies.append(record.latencySeconds)
        let transfer = record.durationSeconds - record.latencySeconds
        if transfer > 0 { estimator.observe(bits: Double(record.bytes) * 8, seconds: transfer) }
    }

    /// The throughput estimate in bits per second, or `nil` before the first completed download.
    public var bitsPerSecond: Double? { estimator.bitsPerSecond }

    /// Mean recent latency in seconds (0 before any request).
    public var latencySeconds: Double { latencies.isEmpty ? 0 : latencies.reduce(0, +) / Double(latencies.count) }

    /// The highest level whose segment, requested now, arrives within one segment duration:
    /// latency + d · R / throughput ≤ d (Sabre's `quality_from_throughput`); level 0 if none does.
    public static func sustainableLevel(bitsPerSecond: Double, latencySeconds: Double, video: Video) -> Int {
        let d = video.segmentSeconds
        var level = 0
        while level + 1 < video.levelCount, latencySeconds + d * video.levels[level + 1].bitsPerSecond / bitsPerSecond <= d {
            level += 1
        }
        return level
    }
}
