/// Sabre's network: walks the looping trace period by period, in ms and bits.
///
/// Reproduces sabre.py's `NetworkModel` (github.com/UMass-LIDS/sabre, commit 09b03bb,
/// `src/sabre.py`) operation by operation, so its floating-point sums are bit-identical:
///
/// - **Latency consumes period time.** A request first waits one latency "unit": in a period
///   of latency `L` it takes `L` ms; if the period ends first, the fraction `elapsed / L` of the
///   unit is spent and the rest is paid at the next period's latency (`do_latency_delay`).
/// - **Transfer** integrates the piecewise-constant bandwidth exactly (`do_download`).
/// - **Idle time** (full buffer, policy delay) advances the trace clock (`delay`).
/// - **Sustainable quality**: on entering a period, the highest level whose bitrate is at most
///   `bandwidth × (1 − latency / segment duration)`; its changes feed the reaction-time and
///   ramp-up metrics (`next_network_period`), queued here in `qualityChanges` for the session.
struct SabreNetworkModel {
    /// A change of sustainable quality at a period boundary, for the session's bookkeeping.
    struct QualityChange {
        var networkTimeMs: Double
        var quality: Int
        var previousQuality: Int
    }

    private let periods: [SabreNetwork.Period]
    private let bitratesKbps: [Double]
    private let segmentTimeMs: Double
    private var index = 0
    /// `time_to_next`: ms left in the current period.
    private(set) var timeToNextMs: Double
    /// `network_total_time`: ms since the session start on the network's clock.
    private(set) var totalTimeMs: Double = 0
    /// `sustainable_quality` of the current period.
    private(set) var sustainableQuality = 0
    /// Bandwidth of the current period, kbit/s.
    private(set) var bandwidthKbps: Double
    /// The current period's regular abandonment step, `max(12 kbit, 50 ms × bandwidth)` bits,
    /// and its duration `bits / bandwidth` (0 in an outage): the values sabre.py recomputes at
    /// every step of `do_minimal_download`, computed once per period (same operands, same result).
    private(set) var stepBits = 0.0
    private(set) var stepTimeMs = 0.0
    /// Sustainable-quality changes since the session last drained them, oldest first.
    var qualityChanges: [QualityChange] = []

    init(network: SabreNetwork, movie: SabreMovie) {
        periods = network.periods
        bitratesKbps = movie.bitratesKbps
        segmentTimeMs = movie.segmentDurationMs
        timeToNextMs = 0
        bandwidthKbps = 0
        qualityChanges.reserveCapacity(16)
        enterPeriod()  // sabre.py's constructor calls next_network_period with no previous quality
        qualityChanges.removeAll()
    }

    var currentPeriod: SabreNetwork.Period { periods[index] }

    /// `next_network_period`: enter the next period (looping) and note a quality change.
    mutating func nextPeriod() {
        index += 1
        if index == periods.count { index = 0 }
        enterPeriod()
    }

    private mutating func enterPeriod() {
        let period = periods[index]
        timeToNextMs = period.durationMs
        bandwidthKbps = period.bandwidthKbps
        if bandwidthKbps > 0 {
            stepBits = SabreMath.max(Self.minProgressSizeBits, Self.minProgressTimeMs * bandwidthKbps)
            stepTimeMs = stepBits / bandwidthKbps
        }
        let latencyFactor = 1 - period.latencyMs / segmentTimeMs
        let effectiveBandwidth = period.bandwidthKbps * latencyFactor
        let previous = sustainableQuality
        sustainableQuality = 0
        for i in bitratesKbps.indices.dropFirst() {
            if bitratesKbps[i] > effectiveBandwidth { break }
            sustainableQuality = i
        }
        if sustainableQuality != previous {
            qualityChanges.append(QualityChange(networkTimeMs: totalTimeMs, quality: sustainableQuality, previousQuality: previous))
        }
    }

    /// Spend `timeMs` inside the current period (which lasts at least that long).
    @inline(__always)
    mutating func advanceWithinPeriod(_ timeMs: Double) {
        timeToNextMs -= timeMs
        totalTimeMs += timeMs
    }

    /// Spend the rest of the current period and enter the next.
    @inline(__always)
    mutating func finishPeriod() {
        totalTimeMs += timeToNextMs
        nextPeriod()
    }

    /// `do_latency_delay(delay_units)`: wait `units` latencies, period by period; returns ms.
    mutating func latencyDelay(units: Double) -> Double {
        var units = units
        var totalDelay = 0.0
        while units > 0 {
            let currentLatency = periods[index].latencyMs
            let time = units * currentLatency
            if time <= timeToNextMs {
                totalDelay += time
                totalTimeMs += time
                timeToNextMs -= time
                units = 0
            } else {
                // time > timeToNext implies currentLatency > 0
                totalDelay += timeToNextMs
                totalTimeMs += timeToNextMs
                units -= timeToNextMs / currentLatency
                nextPeriod()
            }
        }
        return totalDelay
    }

    /// `do_download(size)`: transfer `sizeBits` without interruption; returns ms.
    mutating func transfer(sizeBits: Double) -> Double {
        var size = sizeBits
        var totalTime = 0.0
        while size > 0 {
            let bandwidth = periods[index].bandwidthKbps
            if size <= timeToNextMs * bandwidth {
                // bandwidth > 0 here
                let time = size / bandwidth
                totalTime += time
                totalTimeMs += time
                timeToNextMs -= time
                size = 0
            } else {
                totalTime += timeToNextMs
                totalTimeMs += timeToNextMs
                size -= timeToNextMs * bandwidth
                nextPeriod()
            }
        }
        return totalTime
    }

    /// `delay(time)`: let `timeMs` pass with the link idle.
    mutating func delay(_ timeMs: Double) {
        var time = timeMs
        while time > timeToNextMs {
            time -= timeToNextMs
            totalTimeMs += timeToNextMs
            nextPeriod()
        }
        timeToNextMs -= time
        totalTimeMs += time
    }
}
