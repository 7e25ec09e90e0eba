/// Throughput estimate from the last `n` downloads: their arithmetic or harmonic mean.
///
/// The harmonic mean (used by MPC, Yin et al. 2015, and by the rate-based rule here) is dominated
/// by the slow samples, which makes it robust to outliers on the high side.
public struct SlidingWindowEstimator: Hashable, Sendable {
    public enum Mean: String, Sendable, CaseIterable { case arithmetic, harmonic }

    /// 5 downloads: the window of MPC (Yin et al., SIGCOMM 2015) and Pensieve's `mpc.py`.
    public static let defaultWindow = 5

    public let window: Int
    public let mean: Mean
    private var samples: [Double] = []
    private var next = 0

    public init(window: Int = defaultWindow, mean: Mean = .harmonic) {
        precondition(window > 0, "window must hold at least one sample")
        self.window = window
        self.mean = mean
        samples.reserveCapacity(window)
    }

    /// Adds a throughput sample in bits per second (> 0; others are ignored).
    public mutating func observe(bitsPerSecond: Double) {
        guard bitsPerSecond > 0, bitsPerSecond.isFinite else { return }
        if samples.count < window {
            samples.append(bitsPerSecond)
        } else {
            samples[next] = bitsPerSecond
        }
        next = (next + 1) % window
    }

    public var count: Int { samples.count }

    /// The estimate in bits per second, or `nil` before the first sample.
    public var bitsPerSecond: Double? {
        guard !samples.isEmpty else { return nil }
        switch mean {
        case .arithmetic:
            return samples.reduce(0, +) / Double(samples.count)
        case .harmonic:
            return Double(samples.count) / samples.reduce(0) { $0 + 1 / $1 }
        }
    }
}
