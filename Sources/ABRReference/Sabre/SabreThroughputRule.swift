/// Sabre's `throughput`: throughput rule with insufficient-buffer rule and abandonment
/// (sabre.py `ThroughputRule`, after dash.js's ThroughputRule and AbandonRequestsRule).
///
/// - level: the highest whose segment arrives within one segment duration at 0.9 × the
///   estimate (`safety_factor`);
/// - insufficient-buffer rule (unless `--no-insufficient-buffer-rule`): no level whose segment
///   exceeds `safety × (buffer − latency) × throughput` bits, safety 0.9 decaying ×0.9 per
///   decision to 0.5;
/// - abandonment after 500 ms (`abandon_grace_time`) when the request, at its measured rate,
///   would take more than 1.8 segment durations (`abandon_multiplier`): to the throughput
///   level at 0.9 × the measured rate, if lower and its segment smaller than what remains.
struct SabreThroughputRule: SabrePolicy {
    /// `ThroughputRule.safety_factor`.
    static let safetyFactor = 0.9
    /// `ThroughputRule.low_buffer_safety_factor`.
    static let lowBufferSafetyFactor = 0.5
    /// `ThroughputRule.low_buffer_safety_factor_init`.
    static let lowBufferSafetyFactorInit = 0.9
    /// `ThroughputRule.abandon_multiplier`.
    static let abandonMultiplier = 1.8
    /// `ThroughputRule.abandon_grace_time`, ms.
    static let abandonGraceTimeMs = 500.0

    private let ladder: SabreLadder
    private let noIbr: Bool
    private var ibrSafety = lowBufferSafetyFactorInit

    init(ladder: SabreLadder, configuration: SabreConfiguration) {
        self.ladder = ladder
        noIbr = !configuration.insufficientBufferRule
    }

    mutating func qualityDelay(segmentIndex: Int, state: SabreSessionState) -> (quality: Int, delayMs: Double) {
        var quality = ladder.qualityFromThroughput(state.throughputKbps * Self.safetyFactor, latencyMs: state.latencyMs)
        if !noIbr {
            // insufficient buffer rule
            let safeSize = ibrSafety * (state.bufferLevelMs - state.latencyMs) * state.throughputKbps
            ibrSafety *= Self.lowBufferSafetyFactorInit
            ibrSafety = SabreMath.max(ibrSafety, Self.lowBufferSafetyFactor)
            for q in 0..<quality where ladder.bitratesKbps[q + 1] * ladder.segmentTimeMs > safeSize {
                quality = q
                break
            }
        }
        return (quality, 0)
    }

    mutating func checkAbandon(_ progress: SabreProgress, bufferLevelMs: Double, state: SabreSessionState) -> Int? {
        let downloadTime = progress.timeMs - progress.timeToFirstBitMs
        guard progress.timeMs >= Self.abandonGraceTimeMs && downloadTime > 0 else { return nil }
        let sizeLeft = progress.sizeBits - progress.downloadedBits
        let limitMs = Self.abandonMultiplier * ladder.segmentTimeMs
        // Division-free pre-check: with a margin of 10⁻⁹ of the limit, far above rounding
        // error, the request certainly ends in time; only near the limit (or past it) are the
        // exact quotients below needed, and they are sabre.py's.
        let slackMs = limitMs - progress.timeMs - limitMs * 1e-9
        if slackMs > 0 && sizeLeft * downloadTime < slackMs * progress.downloadedBits * (1 - 1e-12) { return nil }
        let tput = progress.downloadedBits / downloadTime
        let estimateTimeLeft = sizeLeft / tput
        guard progress.timeMs + estimateTimeLeft > limitMs else { return nil }
        let quality = ladder.qualityFromThroughput(tput * Self.safetyFactor, latencyMs: state.latencyMs)
        let estimateSize = progress.sizeBits * ladder.bitratesKbps[quality] / ladder.bitratesKbps[progress.quality]
        if quality >= progress.quality || estimateSize >= sizeLeft { return nil }
        return quality
    }
}
