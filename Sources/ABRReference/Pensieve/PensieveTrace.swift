import ABRSimulator

/// A Pensieve "cooked" bandwidth trace exactly as `load_trace.py` reads it: one sample per line,
/// `time_s Mbit/s` (1 Mbit = 10^6 bit).
///
/// Pensieve's `test/fixed_env.py` (github.com/hongzimao/pensieve, commit 1120bb1) does not treat a
/// line as the start of a period. It reads line `i`'s bandwidth as holding over the interval that
/// *ends* at line `i`'s timestamp, `(times[i-1], times[i]]`, so line 0's bandwidth is never used,
/// and after the trace wraps line 1's interval starts at time 0, not at `times[0]` (see
/// `PensieveLink`). This type therefore keeps the samples as read instead of converting them to
/// a `BandwidthTrace`.
public struct PensieveTrace: Hashable, Sendable {
    /// Sample timestamps in seconds from the start of the trace, non-decreasing.
    public let times: [Double]
    /// Sample bandwidths in Mbit/s (10^6 bit/s), one per timestamp.
    public let mbps: [Double]

    /// Creates a trace from its samples.
    ///
    /// fixed_env.py itself validates nothing and loops forever on a trace that can never deliver
    /// a byte; this initialiser rejects such traces instead.
    ///
    /// - Throws: `ModelError` if the columns differ in length, there are fewer than two samples,
    ///   a value is not finite, a timestamp is negative or decreases, a bandwidth is negative, or
    ///   no line after the first has both a positive bandwidth and a positive interval (the
    ///   simulated download would never finish).
    public init(times: [Double], mbps: [Double]) throws(ModelError) {
        guard times.count == mbps.count else {
            throw ModelError(.invalidPeriod, "trace has \(times.count) timestamps but \(mbps.count) bandwidths, expected equal counts")
        }
        guard times.count >= 2 else {
            throw ModelError(.emptyTrace, "trace has \(times.count) samples, expected at least 2 (line 0 only marks the start time)")
        }
        var delivers = false
        for i in times.indices {
            guard times[i].isFinite, times[i] >= 0, times[i] <= ModelLimits.maximumTraceSeconds else {
                throw ModelError(
                    .invalidPeriod,
                    "sample \(i): time \(times[i]) s, expected a finite number from 0 to \(NumberFormat.shortest(ModelLimits.maximumTraceSeconds)) s")
            }
            guard mbps[i].isFinite, mbps[i] >= 0, mbps[i] <= ModelLimits.maximumBitsPerSecond / 1e6 else {
                throw ModelError(
                    .invalidPeriod,
                    "sample \(i): bandwidth \(mbps[i]) Mbit/s, expected a finite number from 0 to \(NumberFormat.shortest(ModelLimits.maximumBitsPerSecond / 1e6)) Mbit/s"
                )
            }
            if i > 0 {
                guard times[i] >= times[i - 1] else {
                    throw ModelError(.invalidPeriod, "sample \(i): time \(times[i]) s is before sample \(i - 1)'s \(times[i - 1]) s; times must not decrease")
                }
                if mbps[i] > 0, times[i] > times[i - 1] { delivers = true }
            }
        }
        guard delivers else {
            throw ModelError(.zeroBandwidthTrace, "no sample after the first has a positive bandwidth over a positive interval; a download would never finish")
        }
        self.times = times
        self.mbps = mbps
    }
}
