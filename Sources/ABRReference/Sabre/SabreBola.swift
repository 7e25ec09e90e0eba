/// Sabre's `bola`: BOLA with Sabre's finite-video buffer cap and abandonment (sabre.py `Bola`).
///
/// BOLA (Spiteri, Urgaonkar, Sitaraman, "BOLA: Near-Optimal Bitrate Adaptation for Online
/// Videos", INFOCOM 2016, doi:10.1109/INFOCOM.2016.7524428) picks the level maximising
/// `(Vp (u_m + γp) − Q) / S_m` for buffer level `Q`, utility `u_m = ln(S_m / S_0)` and
/// `Vp = (buffer − p) / (u_max + γp)`. Sabre's defaults (not `--abr-basic`):
///
/// - the buffer used for `Vp` shrinks near the start and end of the video:
///   `min(buffer, max(min(i, N − i) / 2, 3) × p)` for segment `i` of `N`;
/// - an upward switch beyond what the throughput estimate sustains is limited to one level above
///   it (or the last level, when that is already higher); with `--abr-osc` it stops at the
///   sustainable level and waits until the buffer falls to that level's threshold;
/// - abandonment: abandon to the lower level with the best score over the *remaining* bits,
///   when its whole segment is smaller than what remains; the abandon target also becomes the
///   `last_quality` for the next decision.
struct SabreBola: SabrePolicy {
    private let ladder: SabreLadder
    private let utilities: [Double]
    /// γp (`--gamma-p`, default 5).
    private let gp: Double
    /// Configured buffer in ms (`--max-buffer` × 1000).
    private let bufferSizeMs: Double
    private let abrOsc: Bool
    private let abrBasic: Bool
    /// `Vp`, recomputed before every decision unless `abrBasic`.
    private(set) var vp: Double {
        didSet { for q in targets.indices { targets[q] = vp * (gp + utilities[q]) } }
    }
    /// `Vp (γp + u_q)` per level, for the current `Vp`.
    private var targets: [Double]
    private var abandonSearch = SabreAbandonSearch()
    /// sabre.py's `last_seek_index`: seeking is not modelled, so it stays 0.
    private let lastSeekIndex = 0
    private(set) var lastQuality = 0

    init(ladder: SabreLadder, configuration: SabreConfiguration) {
        self.ladder = ladder
        utilities = ladder.utilities { -$0 }  // so utilities[0] = 0
        gp = configuration.gammaP
        bufferSizeMs = configuration.maxBufferSeconds * 1000
        abrOsc = configuration.abrOsc
        abrBasic = configuration.abrBasic
        vp = (bufferSizeMs - ladder.segmentTimeMs) / (utilities[ladder.topQuality] + gp)
        targets = utilities.map { [vp, gp] u in vp * (gp + u) }
    }

    /// `quality_from_buffer()`: the level with the best BOLA score at `levelMs` (first on ties).
    func qualityFromBuffer(_ levelMs: Double) -> Int {
        var quality = 0
        var score = -Double.infinity
        for q in ladder.bitratesKbps.indices {
            let s = (vp * (utilities[q] + gp) - levelMs) / ladder.bitratesKbps[q]
            if q == 0 || s > score {
                quality = q
                score = s
            }
        }
        return quality
    }

    mutating func qualityDelay(segmentIndex: Int, state: SabreSessionState) -> (quality: Int, delayMs: Double) {
        if !abrBasic {
            let segmentsToEdge = Swift.min(segmentIndex - lastSeekIndex, ladder.segmentCount - segmentIndex)
            let t = SabreMath.max(Double(segmentsToEdge) / 2, 3) * ladder.segmentTimeMs
            let bufferSize = SabreMath.min(bufferSizeMs, t)
            vp = (bufferSize - ladder.segmentTimeMs) / (utilities[ladder.topQuality] + gp)
        }
        var quality = qualityFromBuffer(state.bufferLevelMs)
        var delay = 0.0
        if quality > lastQuality {
            let qualityT = ladder.qualityFromThroughput(state.throughputKbps, latencyMs: state.latencyMs)
            if quality <= qualityT {
                delay = 0
            } else if lastQuality > qualityT {
                quality = lastQuality
                delay = 0
            } else if !abrOsc {
                quality = qualityT + 1
                delay = 0
            } else {
                quality = qualityT
                let l = vp * (gp + utilities[quality])
                delay = SabreMath.max(0, state.bufferLevelMs - l)
                if quality == ladder.topQuality { delay = 0 }
            }
        }
        lastQuality = quality
        return (quality, delay)
    }

    mutating func checkAbandon(_ progress: SabreProgress, bufferLevelMs: Double, state: SabreSessionState) -> Int? {
        if abrBasic { return nil }
        let remain = progress.sizeBits - progress.downloadedBits
        if progress.downloadedBits <= 0 || remain <= 0 { return nil }
        guard abandonSearch.mayAbandon(progress, bitratesKbps: ladder.bitratesKbps, below: remain) else { return nil }
        // score = (Vp (γp + u) − Q) / remain; sabre.py returns when it is negative
        let scoreNumerator = targets[progress.quality] - bufferLevelMs
        if scoreNumerator < 0 && scoreNumerator / remain < 0 { return nil }
        let abandonTo = abandonSearch.bestLowerLevel(
            targets: targets, bufferMs: bufferLevelMs, remainingBits: remain,
            scoreNumerator: scoreNumerator, scoreDenominator: remain)
        if let abandonTo { lastQuality = abandonTo }
        return abandonTo
    }
}
