/// One piece of a piecewise-constant network trace.
public struct TracePeriod: Hashable, Sendable {
    /// How long the period lasts, in seconds (> 0).
    public var durationSeconds: Double
    /// Throughput available during the period, in bits per second (SI: 1 kbit/s = 1000 bit/s). Zero is an outage.
    public var bitsPerSecond: Double
    /// One-way request latency charged to a request that starts in this period, in seconds.
    public var latencySeconds: Double

    public init(durationSeconds: Double, bitsPerSecond: Double, latencySeconds: Double = 0) {
        self.durationSeconds = durationSeconds
        self.bitsPerSecond = bitsPerSecond
        self.latencySeconds = latencySeconds
    }
}
