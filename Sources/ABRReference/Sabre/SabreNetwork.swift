import ABRSimulator

/// A network trace in Sabre's own units: the periods of Sabre's network JSON.
///
/// Each period is `{duration_ms, bandwidth_kbps, latency_ms}`; the trace loops when exhausted.
/// Kept in milliseconds and kbit/s (= bit/ms) so the model computes what sabre.py computes.
public struct SabreNetwork: Hashable, Sendable {
    /// One period of constant bandwidth and latency.
    public struct Period: Hashable, Sendable {
        /// `duration_ms`.
        public var durationMs: Double
        /// `bandwidth_kbps` (1 kbit/s = 1000 bit/s = 1 bit/ms); zero is an outage.
        public var bandwidthKbps: Double
        /// `latency_ms`: time to first bit of a request that starts in this period.
        public var latencyMs: Double

        public init(durationMs: Double, bandwidthKbps: Double, latencyMs: Double) {
            self.durationMs = durationMs
            self.bandwidthKbps = bandwidthKbps
            self.latencyMs = latencyMs
        }
    }

    /// The periods in play order.
    public let periods: [Period]

    /// Creates a network, validating every period.
    ///
    /// - Throws: `ModelError` for no periods, a duration that is not a finite number > 0, a
    ///   negative or non-finite bandwidth or latency, or zero bandwidth everywhere (sabre.py
    ///   would never finish a download over it).
    public init(periods: [Period]) throws(ModelError) {
        guard !periods.isEmpty else { throw ModelError(.emptyTrace, "Sabre network has no periods") }
        for (i, p) in periods.enumerated() {
            guard p.durationMs.isFinite, p.durationMs > 0, p.durationMs <= ModelLimits.maximumPeriodSeconds * 1000 else {
                throw ModelError(
                    .invalidPeriod,
                    "network period \(i): duration_ms \(p.durationMs), expected a finite number > 0 and at most \(NumberFormat.shortest(ModelLimits.maximumPeriodSeconds * 1000))"
                )
            }
            guard p.bandwidthKbps.isFinite, p.bandwidthKbps >= 0, p.bandwidthKbps <= ModelLimits.maximumBitsPerSecond / 1000 else {
                throw ModelError(
                    .invalidPeriod,
                    "network period \(i): bandwidth_kbps \(p.bandwidthKbps), expected a finite number from 0 to \(NumberFormat.shortest(ModelLimits.maximumBitsPerSecond / 1000))"
                )
            }
            guard p.latencyMs.isFinite, p.latencyMs >= 0, p.latencyMs <= ModelLimits.maximumLatencySeconds * 1000 else {
                throw ModelError(
                    .invalidPeriod,
                    "network period \(i): latency_ms \(p.latencyMs), expected a finite number from 0 to \(NumberFormat.shortest(ModelLimits.maximumLatencySeconds * 1000))"
                )
            }
        }
        guard periods.contains(where: { $0.bandwidthKbps > 0 }) else {
            throw ModelError(.zeroBandwidthTrace, "Sabre network has zero bandwidth everywhere; a download over it would never finish")
        }
        self.periods = periods
    }

    /// Converts abrkit periods (seconds, bit/s) to Sabre's units (ms, kbit/s).
    ///
    /// Values that are whole in Sabre's units but land an ulp away after the unit change
    /// (1.013 s × 1000) are snapped back to the integer.
    public init(tracePeriods: [TracePeriod]) throws(ModelError) {
        try self.init(
            periods: tracePeriods.map {
                Period(
                    durationMs: SabreUnits.snapped($0.durationSeconds * 1000),
                    bandwidthKbps: SabreUnits.snapped($0.bitsPerSecond / 1000),
                    latencyMs: SabreUnits.snapped($0.latencySeconds * 1000)
                )
            })
    }
}
