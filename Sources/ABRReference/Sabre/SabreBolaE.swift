/// Sabre's `bolae`: BOLA-E with placeholder buffer and insufficient-buffer rule (sabre.py `BolaEnh`).
///
/// BOLA-E (Spiteri, Sparacio, Sitaraman, "From Theory to Practice: Improving Bitrate Adaptation
/// in the DASH Reference Player", MMSys 2018, doi:10.1145/3204949.3204953):
///
/// - utilities `ln(S_m / S_0) + 1`; unless `--no-insufficient-buffer-rule`, the BOLA buffer is
///   `max(10 s + 2 s × levels, configured buffer)` (sabre.py prints it, see `printedBufferMs`),
///   `γp = (u_max − 1) / (buffer / 10 s − 1)` and `Vp = 10 s / γp`;
/// - startup: the first decision (after segment 0) follows throughput and sets a *placeholder*
///   buffer so BOLA would have picked that level; later decisions use buffer + placeholder;
/// - a decision above both the last level and the throughput level is limited to one above the
///   higher of the two (`--abr-osc`: to that level); a buffer above the level's threshold is
///   first taken from the placeholder, the rest becomes an idle delay;
/// - insufficient-buffer rule: no level whose segment exceeds `safety × (buffer − latency) ×
///   throughput` bits, the safety factor starting at 0.9 and shrinking ×0.9 per decision to 0.5;
/// - abandonment estimates the state after a new request's latency, and leaves the decision's
///   `last_quality` alone (unlike `bola`).
struct SabreBolaE: SabrePolicy {
    /// `BolaEnh.minimum_buffer`: 10 s.
    static let minimumBufferMs = 10_000.0
    /// `BolaEnh.minimum_buffer_per_level`: 2 s.
    static let minimumBufferPerLevelMs = 2_000.0
    /// `BolaEnh.low_buffer_safety_factor`: the insufficient-buffer rule's floor.
    static let lowBufferSafetyFactor = 0.5
    /// `BolaEnh.low_buffer_safety_factor_init`: its start and per-decision decay.
    static let lowBufferSafetyFactorInit = 0.9

    private let ladder: SabreLadder
    private let utilities: [Double]
    private let gp: Double
    private let vp: Double
    /// `Vp (γp + u_q)` per level: BOLA's buffer level above which it would not fetch `q`.
    private let targets: [Double]
    private var abandonSearch = SabreAbandonSearch()
    private let abrOsc: Bool
    private let noIbr: Bool
    /// The BOLA buffer size sabre.py prints from `BolaEnh.__init__` (`print(buffer)`), in ms;
    /// `nil` with `--no-insufficient-buffer-rule`, where nothing is printed.
    let printedBufferMs: Double?
    private var isStartup = true
    private(set) var placeholderMs = 0.0
    private(set) var lastQuality = 0
    private var ibrSafety = lowBufferSafetyFactorInit

    init(ladder: SabreLadder, configuration: SabreConfiguration) {
        self.ladder = ladder
        utilities = ladder.utilities { 1 - $0 }  // so utilities[0] = 1
        abrOsc = configuration.abrOsc
        noIbr = !configuration.insufficientBufferRule
        let configuredBufferMs = configuration.maxBufferSeconds * 1000
        if noIbr {
            gp = configuration.gammaP - 1  // to match BOLA basic
            vp = (configuredBufferMs - ladder.segmentTimeMs) / (utilities[ladder.topQuality] + gp)
            printedBufferMs = nil
        } else {
            let levelBuffer = Self.minimumBufferMs + Self.minimumBufferPerLevelMs * Double(ladder.levelCount)
            let buffer = SabreMath.max(levelBuffer, configuredBufferMs)
            gp = (utilities[ladder.topQuality] - 1) / (buffer / Self.minimumBufferMs - 1)
            vp = Self.minimumBufferMs / gp
            printedBufferMs = buffer
        }
        targets = utilities.map { [vp, gp] u in vp * (gp + u) }
    }

    /// `quality_from_buffer(level)`: best BOLA score at `levelMs` (first on ties).
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

    /// `min_buffer_for_quality(quality)`: the lowest buffer at which BOLA prefers `quality`
    /// over every lower level.
    func minBufferForQuality(_ quality: Int) -> Double {
        let bitrate = ladder.bitratesKbps[quality]
        let utility = utilities[quality]
        var level = 0.0
        for q in 0..<quality where utilities[q] < utility {
            let b = ladder.bitratesKbps[q]
            let u = utilities[q]
            let l = vp * (gp + (bitrate * u - b * utility) / (bitrate - b))
            level = SabreMath.max(level, l)
        }
        return level
    }

    /// `max_buffer_for_quality(quality)`: the buffer above which BOLA would not download `quality`.
    func maxBufferForQuality(_ quality: Int) -> Double {
        targets[quality]  // sabre.py: Vp × (u + γp), the same sum
    }

    mutating func qualityDelay(segmentIndex: Int, state: SabreSessionState) -> (quality: Int, delayMs: Double) {
        let bufferLevel = state.bufferLevelMs
        if isStartup {
            // sabre.py returns (last_quality, 0) while the throughput is unknown; the session
            // always has a sample by the first decision, so that branch cannot run.
            isStartup = false
            ibrSafety = Self.lowBufferSafetyFactorInit
            let quality = ladder.qualityFromThroughput(state.throughputKbps, latencyMs: state.latencyMs)
            placeholderMs = SabreMath.max(0, minBufferForQuality(quality) - bufferLevel)
            return (quality, 0)
        }

        var quality = qualityFromBuffer(bufferLevel + placeholderMs)
        let qualityT = ladder.qualityFromThroughput(state.throughputKbps, latencyMs: state.latencyMs)
        if quality > lastQuality && quality > qualityT {
            quality = Swift.max(lastQuality, qualityT)
            if !abrOsc { quality += 1 }
        }

        let maxLevel = maxBufferForQuality(quality)
        var delay = bufferLevel + placeholderMs - maxLevel
        if delay > 0 {
            if delay <= placeholderMs {
                placeholderMs -= delay
                delay = 0
            } else {
                delay -= placeholderMs
                placeholderMs = 0
            }
        } else {
            delay = 0
        }
        if quality == ladder.topQuality { delay = 0 }

        if !noIbr {
            // insufficient buffer rule
            let safeSize = ibrSafety * (bufferLevel - state.latencyMs) * state.throughputKbps
            ibrSafety *= Self.lowBufferSafetyFactorInit
            ibrSafety = SabreMath.max(ibrSafety, Self.lowBufferSafetyFactor)
            for q in 0..<quality where ladder.bitratesKbps[q + 1] * ladder.segmentTimeMs > safeSize {
                quality = q
                delay = 0
                let minLevel = minBufferForQuality(quality)
                let maxPlaceholder = SabreMath.max(0, minLevel - bufferLevel)
                placeholderMs = SabreMath.min(maxPlaceholder, placeholderMs)
                break
            }
        }
        return (quality, delay)
    }

    mutating func reportDelay(_ delayMs: Double) {
        placeholderMs += delayMs
    }

    mutating func reportDownload(_ progress: SabreProgress, state: SabreSessionState) {
        lastQuality = progress.quality
        let level = state.bufferLevelMs
        if let abandonTo = progress.abandonToQuality {
            // abandonment means something went wrong: lower the placeholder to a conservative level
            let wantLevel = abandonTo > 0 ? minBufferForQuality(abandonTo) : Self.minimumBufferMs
            let maxPlaceholder = SabreMath.max(0, wantLevel - level)
            placeholderMs = SabreMath.min(placeholderMs, maxPlaceholder)
        } else {
            // keep the placeholder from being too large relative to the download
            let levelWas = level + progress.timeMs
            let maxPlaceholder = SabreMath.max(0, maxBufferForQuality(progress.quality) - levelWas)
            placeholderMs = SabreMath.min(placeholderMs, maxPlaceholder)
            // nor too small (a decision not taken by BOLA); not while rebuffering
            if level > 0 {
                let minPlaceholder = minBufferForQuality(progress.quality) - levelWas
                placeholderMs = SabreMath.max(placeholderMs, minPlaceholder)
            }
        }
    }

    mutating func checkAbandon(_ progress: SabreProgress, bufferLevelMs: Double, state: SabreSessionState) -> Int? {
        let remain = progress.sizeBits - progress.downloadedBits
        if progress.downloadedBits <= 0 || remain <= 0 { return nil }
        // `sz` below is at most `remain`: no lower segment smaller than that, no abandonment
        guard abandonSearch.mayAbandon(progress, bitratesKbps: ladder.bitratesKbps, below: remain) else { return nil }
        // a new request pays a latency, so estimate the state after it
        let ttfb = progress.timeToFirstBitMs
        let bl = SabreMath.max(0, bufferLevelMs + placeholderMs - ttfb)
        let tp = progress.downloadedBits / (progress.timeMs - ttfb)
        let sz = remain - ttfb * tp
        if sz <= 0 { return nil }
        // score = (Vp (γp + u) − bl) / sz; only levels whose whole segment is smaller than this
        // request's remaining bits: "if remaining bits in this download are less than new
        // download, why switch?"
        return abandonSearch.bestLowerLevel(
            targets: targets, bufferMs: bl, remainingBits: sz,
            scoreNumerator: targets[progress.quality] - bl, scoreDenominator: sz)
    }
}
