import RealModule

/// Throughput estimate from two exponentially weighted moving averages, taking the lower.
///
/// Each download is a sample weighted by its duration, so a long download moves the average more
/// than a short one; the fast average reacts to drops and the slow one resists spikes, and the
/// lower of the two is used. Both start from zero and are bias-corrected (divided by 1 − αᵀ),
/// as in Shaka Player's `ewma_bandwidth_estimator.js` and Sabre's `--moving-average ewma`.
public struct EWMAEstimator: Hashable, Sendable {
    /// 3 s and 8 s: Sabre's defaults (`sabre.py`, `EwmaThroughput`), also Shaka's fast/slow half-lives.
    public static let defaultFastHalfLifeSeconds = 3.0
    public static let defaultSlowHalfLifeSeconds = 8.0

    public let fastHalfLifeSeconds: Double
    public let slowHalfLifeSeconds: Double
    private var fast = 0.0, slow = 0.0
    private var fastWeight = 0.0, slowWeight = 0.0

    public init(fastHalfLifeSeconds: Double = defaultFastHalfLifeSeconds, slowHalfLifeSeconds: Double = defaultSlowHalfLifeSeconds) {
        precondition(fastHalfLifeSeconds > 0 && slowHalfLifeSeconds > 0, "half-lives must be positive")
        self.fastHalfLifeSeconds = fastHalfLifeSeconds
        self.slowHalfLifeSeconds = slowHalfLifeSeconds
    }

    /// Adds a download of `bits` that took `seconds` (> 0).
    public mutating func observe(bits: Double, seconds: Double) {
        guard seconds > 0 else { return }
        let sample = bits / seconds
        let fastAlpha = Double.pow(0.5, seconds / fastHalfLifeSeconds)
        let slowAlpha = Double.pow(0.5, seconds / slowHalfLifeSeconds)
        fast = fastAlpha * fast + (1 - fastAlpha) * sample
        slow = slowAlpha * slow + (1 - slowAlpha) * sample
        fastWeight = fastAlpha * fastWeight + (1 - fastAlpha)
        slowWeight = slowAlpha * slowWeight + (1 - slowAlpha)
    }

    /// The estimate in bits per second, or `nil` before the first sample.
    public var bitsPerSecond: Double? {
        guard fastWeight > 0 else { return nil }
        return min(fast / fastWeight, slow / slowWeight)
    }
}
