/// Sabre's `dynamic`: BOLA and the throughput rule, switched by buffer level (sabre.py `Dynamic`).
///
/// DYNAMIC (Spiteri, Sparacio, Sitaraman, MMSys 2018, doi:10.1145/3204949.3204953): both rules
/// decide every segment (so both keep their state, e.g. BOLA's last level and the throughput
/// rule's decaying safety factor). Starting in throughput mode, it moves to BOLA when the buffer
/// exceeds 10 s and BOLA's level is at least the throughput level, and back when the buffer is
/// below 10 s and BOLA's level is lower. Abandonment is always the throughput rule's (sabre.py
/// disables BOLA's with `if False and self.is_bola`).
struct SabreDynamic: SabrePolicy {
    /// `Dynamic.low_buffer_threshold`, ms.
    static let lowBufferThresholdMs = 10_000.0

    private var bola: SabreBola
    private var throughput: SabreThroughputRule
    private(set) var isBola = false

    init(ladder: SabreLadder, configuration: SabreConfiguration) {
        bola = SabreBola(ladder: ladder, configuration: configuration)
        throughput = SabreThroughputRule(ladder: ladder, configuration: configuration)
    }

    mutating func firstQuality() -> Int {
        isBola ? bola.firstQuality() : throughput.firstQuality()
    }

    mutating func qualityDelay(segmentIndex: Int, state: SabreSessionState) -> (quality: Int, delayMs: Double) {
        let level = state.bufferLevelMs
        let b = bola.qualityDelay(segmentIndex: segmentIndex, state: state)
        let t = throughput.qualityDelay(segmentIndex: segmentIndex, state: state)
        if isBola {
            if level < Self.lowBufferThresholdMs && b.quality < t.quality { isBola = false }
        } else {
            if level > Self.lowBufferThresholdMs && b.quality >= t.quality { isBola = true }
        }
        return isBola ? b : t
    }

    mutating func reportDelay(_ delayMs: Double) {
        bola.reportDelay(delayMs)
        throughput.reportDelay(delayMs)
    }

    mutating func reportDownload(_ progress: SabreProgress, state: SabreSessionState) {
        bola.reportDownload(progress, state: state)
        throughput.reportDownload(progress, state: state)
        // sabre.py also leaves BOLA mode after a replacement download; replacement is off by default.
    }

    mutating func checkAbandon(_ progress: SabreProgress, bufferLevelMs: Double, state: SabreSessionState) -> Int? {
        throughput.checkAbandon(progress, bufferLevelMs: bufferLevelMs, state: state)
    }
}
