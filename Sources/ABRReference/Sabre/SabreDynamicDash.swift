/// Sabre's `dynamicdash`: BOLA-E and the throughput rule with hysteresis, as dash.js's DYNAMIC
/// (sabre.py `DynamicDash`).
///
/// Only the active rule decides (so BOLA-E's startup happens on its first turn). Starting in
/// throughput mode, it moves to BOLA-E above 10 s of buffer and back below 5 s (sabre.py first
/// derives thresholds from the buffer size, then overwrites them with these constants).
/// Abandonment is the active rule's; both rules hear every delay and download report.
struct SabreDynamicDash: SabrePolicy {
    /// `DynamicDash.low_threshold` as finally assigned, ms.
    static let lowThresholdMs = 5_000.0
    /// `DynamicDash.high_threshold` as finally assigned, ms.
    static let highThresholdMs = 10_000.0

    private(set) var bola: SabreBolaE
    private var throughput: SabreThroughputRule
    private(set) var isBola = false

    init(ladder: SabreLadder, configuration: SabreConfiguration) {
        bola = SabreBolaE(ladder: ladder, configuration: configuration)
        throughput = SabreThroughputRule(ladder: ladder, configuration: configuration)
    }

    mutating func firstQuality() -> Int {
        isBola ? bola.firstQuality() : throughput.firstQuality()
    }

    mutating func qualityDelay(segmentIndex: Int, state: SabreSessionState) -> (quality: Int, delayMs: Double) {
        let level = state.bufferLevelMs
        if isBola && level < Self.lowThresholdMs {
            isBola = false
        } else if !isBola && level > Self.highThresholdMs {
            isBola = true
        }
        return isBola
            ? bola.qualityDelay(segmentIndex: segmentIndex, state: state)
            : throughput.qualityDelay(segmentIndex: segmentIndex, state: state)
    }

    mutating func reportDelay(_ delayMs: Double) {
        bola.reportDelay(delayMs)
        throughput.reportDelay(delayMs)
    }

    mutating func reportDownload(_ progress: SabreProgress, state: SabreSessionState) {
        bola.reportDownload(progress, state: state)
        throughput.reportDownload(progress, state: state)
    }

    mutating func checkAbandon(_ progress: SabreProgress, bufferLevelMs: Double, state: SabreSessionState) -> Int? {
        isBola
            ? bola.checkAbandon(progress, bufferLevelMs: bufferLevelMs, state: state)
            : throughput.checkAbandon(progress, bufferLevelMs: bufferLevelMs, state: state)
    }
}
