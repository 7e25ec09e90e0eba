/// A network as ordered periods of constant bandwidth and latency, looping when exhausted.
///
/// Downloads are integrated exactly over the piecewise-constant bandwidth: the time at which
/// `n` bits have arrived is found by binary search over prefix sums, with whole loops of the
/// trace skipped arithmetically, so there is no time stepping and each query is O(log P) for
/// P periods. Zero-bandwidth periods (outages) are legal; a trace that carries no bits at all
/// is rejected, since a download over it would never end.
public struct BandwidthTrace: Hashable, Sendable {
    /// A name for reports, usually the file name.
    public var name: String
    /// The periods in play order.
    public let periods: [TracePeriod]
    /// `startTimes[i]` is when period `i` starts within one loop; the last entry is the loop length.
    private let startTimes: [Double]
    /// `cumulativeBits[i]` is the bits delivered from the loop start to the start of period `i`.
    private let cumulativeBits: [Double]

    /// Creates a trace, validating every period.
    ///
    /// - Throws: `ModelError` for no periods, a duration, bandwidth or latency outside
    ///   ``ModelLimits`` (a non-positive duration, a negative or non-finite bandwidth or latency, or
    ///   values beyond any real network), a loop longer than ``ModelLimits/maximumTraceSeconds``, or
    ///   bandwidth zero everywhere.
    public init(name: String = "trace", periods: [TracePeriod]) throws(ModelError) {
        guard !periods.isEmpty else { throw ModelError(.emptyTrace, "trace '\(name)' has no periods") }
        var starts = [0.0]
        var bits = [0.0]
        starts.reserveCapacity(periods.count + 1)
        bits.reserveCapacity(periods.count + 1)
        for (i, p) in periods.enumerated() {
            guard p.durationSeconds.isFinite, p.durationSeconds > 0 else {
                throw ModelError(.invalidPeriod, "trace '\(name)' period \(i): duration \(p.durationSeconds) s, expected a finite number > 0")
            }
            guard p.durationSeconds <= ModelLimits.maximumPeriodSeconds else {
                throw ModelError(
                    .invalidPeriod,
                    "trace '\(name)' period \(i): duration \(p.durationSeconds) s, expected at most \(NumberFormat.shortest(ModelLimits.maximumPeriodSeconds)) s"
                )
            }
            guard ModelLimits.contains(0...ModelLimits.maximumBitsPerSecond, p.bitsPerSecond) else {
                throw ModelError(
                    .invalidPeriod,
                    "trace '\(name)' period \(i): bandwidth \(p.bitsPerSecond) bit/s, expected a finite number from 0 to \(NumberFormat.shortest(ModelLimits.maximumBitsPerSecond))"
                )
            }
            guard ModelLimits.contains(0...ModelLimits.maximumLatencySeconds, p.latencySeconds) else {
                throw ModelError(
                    .invalidPeriod,
                    "trace '\(name)' period \(i): latency \(p.latencySeconds) s, expected a finite number from 0 to \(NumberFormat.shortest(ModelLimits.maximumLatencySeconds)) s"
                )
            }
            starts.append(starts[i] + p.durationSeconds)
            bits.append(bits[i] + p.durationSeconds * p.bitsPerSecond)
        }
        guard starts[periods.count] <= ModelLimits.maximumTraceSeconds else {
            throw ModelError(
                .invalidPeriod,
                "trace '\(name)' lasts \(starts[periods.count]) s, expected at most \(NumberFormat.shortest(ModelLimits.maximumTraceSeconds)) s per loop")
        }
        guard bits[periods.count] > 0 else {
            throw ModelError(.zeroBandwidthTrace, "trace '\(name)' has zero bandwidth everywhere; a download over it would never finish")
        }
        self.name = name
        self.periods = periods
        self.startTimes = starts
        self.cumulativeBits = bits
    }

    /// Length of one loop of the trace, in seconds.
    public var loopDurationSeconds: Double { startTimes[periods.count] }
    /// Bits one loop of the trace delivers.
    public var loopBits: Double { cumulativeBits[periods.count] }
    /// Time-average bandwidth over one loop, in bits per second.
    public var meanBitsPerSecond: Double { loopBits / loopDurationSeconds }

    /// The index of the period in force at `time` (seconds since the trace start, looping).
    public func periodIndex(at time: Double) -> Int {
        let local = time - (time / loopDurationSeconds).rounded(.down) * loopDurationSeconds
        return Self.lastIndex(in: startTimes, notAbove: local, count: periods.count)
    }

    /// Bandwidth in force at `time`, in bits per second.
    public func bitsPerSecond(at time: Double) -> Double { periods[periodIndex(at: time)].bitsPerSecond }

    /// Latency charged to a request that starts at `time`, in seconds.
    public func latencySeconds(at time: Double) -> Double { periods[periodIndex(at: time)].latencySeconds }

    /// Bits delivered between time 0 and `time` (seconds, `time` ≥ 0), counting whole loops.
    public func bitsDelivered(until time: Double) -> Double {
        precondition(time >= 0, "time must be non-negative")
        let loops = (time / loopDurationSeconds).rounded(.down)
        let local = time - loops * loopDurationSeconds
        let i = Self.lastIndex(in: startTimes, notAbove: local, count: periods.count)
        let within = (local - startTimes[i]) * periods[i].bitsPerSecond
        return loops * loopBits + cumulativeBits[i] + within
    }

    /// The earliest time at which `bits` more bits have arrived over a transfer that starts at `start`.
    ///
    /// - Parameters:
    ///   - start: when the first bit may flow, in seconds since the trace start (≥ 0).
    ///   - bits: how much to deliver (≥ 0).
    /// - Returns: the finish time in seconds; `start` itself when `bits` is zero.
    /// - Complexity: O(log P) for P periods, whatever the number of loops the transfer spans.
    public func transferEnd(startingAt start: Double, bits: Double) -> Double {
        precondition(start >= 0 && bits >= 0, "start and bits must be non-negative")
        if bits == 0 { return start }
        let target = bitsDelivered(until: start) + bits
        var loops = (target / loopBits).rounded(.down)
        var remainder = target - loops * loopBits
        if remainder <= 0, loops > 0 {
            // The transfer ends exactly at a loop's end: finish in the previous loop's last bits.
            loops -= 1
            remainder += loopBits
        }
        // First period whose end holds at least `remainder` bits.
        var lo = 0, hi = periods.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulativeBits[mid + 1] >= remainder { hi = mid } else { lo = mid + 1 }
        }
        let rate = periods[lo].bitsPerSecond
        let within = rate > 0 ? (remainder - cumulativeBits[lo]) / rate : 0
        let end = loops * loopDurationSeconds + startTimes[lo] + max(0, within)
        return max(end, start)
    }

    /// Largest `i` in `0..<count` with `values[i] <= x` (values ascending, `values[0] == 0`).
    private static func lastIndex(in values: [Double], notAbove x: Double, count: Int) -> Int {
        var lo = 0, hi = count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if values[mid] <= x { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
