extension BandwidthTrace {
    /// A copy whose every period's bandwidth is scaled by an independent factor drawn uniformly
    /// from [1 − `relativeNoise`, 1 + `relativeNoise`].
    ///
    /// Models measurement and cross-traffic variation around a recorded trace, as Pensieve's
    /// training environment does per chunk (`sim/env.py`, `NOISE_LOW = 0.9`, `NOISE_HIGH = 1.1`);
    /// here the noise is drawn per period, so downloads stay exact integrals over the perturbed trace.
    /// The draws come from a stream keyed by `seed` and the trace's name, so a session's noise does
    /// not depend on which other traces run or in which order.
    ///
    /// - Parameters:
    ///   - relativeNoise: in [0, 1); 0 returns the trace unchanged.
    ///   - seed: the run's seed (`--seed`).
    /// - Throws: `ModelError` only if every perturbed period were zero, which a trace with
    ///   bandwidth somewhere cannot produce for `relativeNoise` < 1.
    public func perturbed(relativeNoise: Double, seed: UInt64) throws(ModelError) -> BandwidthTrace {
        precondition(relativeNoise >= 0 && relativeNoise < 1, "relative noise must be in [0, 1)")
        guard relativeNoise > 0 else { return self }
        var rng = SplitMix64(seed: SplitMix64.seed(seed, label: name))
        let scaled = periods.map { p in
            var q = p
            q.bitsPerSecond *= 1 - relativeNoise + 2 * relativeNoise * rng.nextUnit()
            return q
        }
        return try BandwidthTrace(name: name, periods: scaled)
    }
}
