/// Sabre's default throughput and latency estimator: bias-corrected EWMAs, conservative pick.
///
/// sabre.py `Ewma` (the default `--moving-average ewma`; the `sliding` window variant is not
/// used by default and is not reproduced). One EWMA per half-life (default 3 s and 8 s,
/// `--half-life 3 8`):
///
/// - throughput is weighted by download time: `α = 0.5^(t / h)` for a download of `t` ms;
/// - latency is weighted per download: `α = 0.5^(1 / (h / segment duration))`, i.e. the
///   half-life counted in segments;
/// - each average is divided by `1 − 0.5^(total weight / h)` to remove the bias of starting
///   at zero, and the estimate is the minimum throughput and maximum latency over half-lives.
struct SabreThroughputEstimator {
    /// Half-lives in ms, in the configured order (`[h * 1000 for h in half_life]`).
    private let halfLifeMs: [Double]
    /// Latency half-lives in segments (`h / segment_time`).
    private let latencyHalfLife: [Double]
    /// `0.5^(1 / latencyHalfLife[i])`, constant per half-life, computed once.
    private let latencyAlpha: [Double]
    private var throughputAverage: [Double]
    private var latencyAverage: [Double]
    private var weightThroughputMs = 0.0
    private var weightLatency = 0.0
    /// Current throughput estimate in kbit/s (= bit/ms); 0 before the first sample.
    private(set) var throughputKbps = 0.0
    /// Current latency estimate in ms; 0 before the first sample.
    private(set) var latencyMs = 0.0

    init(halfLivesSeconds: [Double], segmentDurationMs: Double) {
        halfLifeMs = halfLivesSeconds.map { $0 * 1000 }
        latencyHalfLife = halfLifeMs.map { $0 / segmentDurationMs }
        latencyAlpha = latencyHalfLife.map { SabreMath.halfPower(1 / $0) }
        throughputAverage = Array(repeating: 0, count: halfLifeMs.count)
        latencyAverage = Array(repeating: 0, count: halfLifeMs.count)
    }

    /// `push(time, tput, lat)`: adds one download of `timeMs` ms (latency excluded) at
    /// `throughputKbps`, whose first bit took `latencyMs`.
    mutating func push(timeMs: Double, throughputKbps tput: Double, latencyMs lat: Double) {
        for i in halfLifeMs.indices {
            var alpha = SabreMath.halfPower(timeMs / halfLifeMs[i])
            throughputAverage[i] = alpha * throughputAverage[i] + (1 - alpha) * tput
            alpha = latencyAlpha[i]
            latencyAverage[i] = alpha * latencyAverage[i] + (1 - alpha) * lat
        }
        weightThroughputMs += timeMs
        weightLatency += 1

        var throughput: Double? = nil
        var latency: Double? = nil
        for i in halfLifeMs.indices {
            var zeroFactor = Self.zeroFactor(halfLives: weightThroughputMs / halfLifeMs[i])
            let t = throughputAverage[i] / zeroFactor
            throughput = throughput.map { SabreMath.min($0, t) } ?? t  // conservative: min
            zeroFactor = Self.zeroFactor(halfLives: weightLatency / latencyHalfLife[i])
            let l = latencyAverage[i] / zeroFactor
            latency = latency.map { SabreMath.max($0, l) } ?? l  // conservative: max
        }
        throughputKbps = throughput ?? 0
        latencyMs = latency ?? 0
    }

    /// `1 − 0.5^x`, the bias correction after `x` half-lives of weight.
    ///
    /// From 54 half-lives on, `0.5^x ≤ 2^−54` (libm's `pow` is exact at 54 and errs by less
    /// than one ulp beyond), and `1 − 2^−54` rounds to 1 (a tie, to even): the result is exactly
    /// 1, as sabre.py's, without calling `pow`.
    @inline(__always)
    static func zeroFactor(halfLives x: Double) -> Double {
        x >= 54 ? 1 : 1 - SabreMath.halfPower(x)
    }
}
