import RealModule

/// BOLA-E and BOLA-O: BOLA made practical with a placeholder buffer, an insufficient-buffer rule,
/// (optionally) oscillation avoidance, and abandonment.
///
/// Spiteri, Sparacio, Sitaraman, "From Theory to Practice: Improving Bitrate Adaptation in the DASH
/// Reference Player", MMSys 2018 (ACM TOMM 2019), doi:10.1145/3204949.3204953; the rules as in
/// Sabre's `BolaEnh` and dash.js `BolaRule.js`:
/// - Utilities vₘ = ln(Rₘ/R₀) + 1; V and γp put the switch from the lowest level at the 10 s
///   minimum buffer and the top level's ceiling at the buffer target (the player's maximum, at
///   least 10 s + 2 s per level).
/// - **Startup**: the first decision with a throughput estimate takes the throughput's level and
///   sets a *placeholder* buffer so that BOLA would have chosen that level; the placeholder is
///   virtual buffer added to the real one. It grows with idle time (the player waiting on a full
///   buffer), is trimmed after each download to the chosen level's buffer band, cleared by a stall
///   (dash.js `onBufferEmpty`) and lowered after an abandonment.
/// - **Insufficient buffer** (BOLA-PL's throughput safety): no level whose segment could not be
///   fetched with a safety share (0.9, decaying ×0.9 per decision to 0.5) of the throughput before
///   the buffer (less latency) runs out.
/// - **Oscillation** (BOLA-O): a step up beyond the throughput's level is capped at
///   max(previous, throughput level); BOLA-E caps it one level higher (Sabre's `--abr-osc` off).
/// - **Abandonment**: the in-flight request is compared, by BOLA's objective per remaining bit,
///   with each lower level's whole segment (Sabre's `BolaEnh.check_abandon`).
/// The player here cannot be told to wait, so where BOLA-E would delay a request (buffer plus
/// placeholder above the level's ceiling) the placeholder is used up instead and no delay is added.
public struct BOLAEPolicy: ABRPolicy {
    /// 10 s: dash.js `MINIMUM_BUFFER_S`, Sabre `minimum_buffer`: the buffer at which BOLA leaves the lowest level.
    public static let minimumBufferSeconds = 10.0
    /// 2 s per level: Sabre `minimum_buffer_per_level`, the least buffer target for a ladder.
    public static let minimumBufferPerLevelSeconds = 2.0
    /// 0.9 then ×0.9 per decision down to 0.5: Sabre `low_buffer_safety_factor_init` / `low_buffer_safety_factor`.
    public static let initialInsufficientBufferSafety = 0.9
    public static let minimumInsufficientBufferSafety = 0.5

    public let avoidsOscillation: Bool
    public var name: String { avoidsOscillation ? "bolao" : "bolae" }

    /// Seconds of virtual buffer added to the real buffer.
    public private(set) var placeholderSeconds = 0.0
    private var throughput = ThroughputHistory()
    private var parameters: (v: Double, gammaP: Double, utilities: [Double])?
    private var started = false
    private var lastLevel = 0
    private var safety = initialInsufficientBufferSafety
    private var lastRequestEnd: Double?
    private var bufferAtDecision = 0.0
    private var abandonedTo: Int?

    public init(avoidsOscillation: Bool = false) {
        self.avoidsOscillation = avoidsOscillation
    }

    /// V, γp and the utilities for `video` and a buffer of `maxBufferSeconds` (Sabre `BolaEnh.__init__`).
    public static func parameters(video: Video, maxBufferSeconds: Double) -> (v: Double, gammaP: Double, utilities: [Double]) {
        let r0 = video.levels[0].bitsPerSecond
        let utilities = video.levels.map { Double.log($0.bitsPerSecond / r0) + 1 }
        let target = max(minimumBufferSeconds + minimumBufferPerLevelSeconds * Double(video.levelCount), maxBufferSeconds)
        let gammaP = (utilities[utilities.count - 1] - 1) / (target / minimumBufferSeconds - 1)
        return (minimumBufferSeconds / gammaP, gammaP, utilities)
    }

    /// BOLA's choice at `bufferSeconds` (real + placeholder): argmax (V(vₘ + γp) − Q) / Rₘ, the last on ties.
    func levelFromBuffer(_ bufferSeconds: Double, video: Video) -> Int {
        guard let p = parameters else { return 0 }
        var best = 0, bestScore = -Double.infinity
        for (m, level) in video.levels.enumerated() {
            let score = (p.v * (p.utilities[m] + p.gammaP) - bufferSeconds) / level.bitsPerSecond
            if score >= bestScore { best = m; bestScore = score }
        }
        return best
    }

    /// The least buffer at which BOLA prefers `level` to every lower one.
    func minimumBuffer(for level: Int, video: Video) -> Double {
        guard let p = parameters else { return 0 }
        var buffer = 0.0
        let r = video.levels[level].bitsPerSecond, u = p.utilities[level]
        for q in 0..<level {
            let rq = video.levels[q].bitsPerSecond, uq = p.utilities[q]
            buffer = max(buffer, p.v * (p.gammaP + (r * uq - rq * u) / (r - rq)))
        }
        return buffer
    }

    /// The buffer above which BOLA would rather wait than fetch `level`: V(vₘ + γp).
    func maximumBuffer(for level: Int) -> Double {
        guard let p = parameters else { return .infinity }
        return p.v * (p.utilities[level] + p.gammaP)
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        let video = context.video
        if parameters == nil { parameters = Self.parameters(video: video, maxBufferSeconds: context.maxBufferSeconds) }
        let buffer = context.bufferSeconds
        bufferAtDecision = buffer
        if let end = lastRequestEnd, context.time > end { placeholderSeconds += context.time - end }
        guard let rate = throughput.bitsPerSecond else {
            return Decision(level: lastLevel, reason: DecisionReason("bolae.no_estimate"))
        }
        let latency = throughput.latencySeconds
        let sustainable = ThroughputHistory.sustainableLevel(bitsPerSecond: rate, latencySeconds: latency, video: video)
        if !started {
            started = true
            placeholderSeconds = max(0, minimumBuffer(for: sustainable, video: video) - buffer)
            lastLevel = sustainable
            return Decision(level: sustainable, reason: DecisionReason("bolae.startup", "throughput_kbps", rate / 1000))
        }
        var level = levelFromBuffer(buffer + placeholderSeconds, video: video)
        var reason = DecisionReason("bolae.buffer", "effective_buffer_s", buffer + placeholderSeconds)
        if level > lastLevel, level > sustainable {
            level = max(lastLevel, sustainable) + (avoidsOscillation ? 0 : 1)
            reason = DecisionReason(avoidsOscillation ? "bolao.oscillation_cap" : "bolae.step_cap", "throughput_kbps", rate / 1000)
        }
        // A request BOLA would delay: spend the placeholder instead (this player cannot be told to wait).
        let excess = buffer + placeholderSeconds - maximumBuffer(for: level)
        if excess > 0 { placeholderSeconds = max(0, placeholderSeconds - excess) }
        // Insufficient-buffer rule: the next level up must be fetchable before the buffer runs out.
        let safeBits = safety * (buffer - latency) * rate
        safety = max(safety * Self.initialInsufficientBufferSafety, Self.minimumInsufficientBufferSafety)
        for q in 0..<level where video.levels[q + 1].bitsPerSecond * video.segmentSeconds > safeBits {
            level = q
            placeholderSeconds = min(placeholderSeconds, max(0, minimumBuffer(for: q, video: video) - buffer))
            reason = DecisionReason("bolae.insufficient_buffer", "safe_kbit", safeBits / 1000)
            break
        }
        return Decision(level: level, reason: reason)
    }

    public mutating func didDownload(_ record: DownloadRecord, context: DecisionContext) {
        throughput.observe(record)
        lastRequestEnd = record.endTime
        let buffer = context.bufferSeconds
        if record.abandoned {
            // Something went wrong: lower the placeholder to the level abandoned to.
            let to = abandonedTo ?? 0
            let want = to > 0 ? minimumBuffer(for: to, video: context.video) : Self.minimumBufferSeconds
            placeholderSeconds = min(placeholderSeconds, max(0, want - buffer))
            abandonedTo = nil
            return
        }
        lastLevel = record.level
        guard started else { return }
        if !context.isStartup, record.durationSeconds > bufferAtDecision {
            placeholderSeconds = 0  // the buffer ran dry: no virtual buffer may prop the level up
            return
        }
        // Keep the placeholder within the chosen level's buffer band, relative to the buffer before the download.
        let bufferBefore = buffer + record.durationSeconds
        placeholderSeconds = min(placeholderSeconds, max(0, maximumBuffer(for: record.level) - bufferBefore))
        if buffer > 0 {
            placeholderSeconds = max(placeholderSeconds, minimumBuffer(for: record.level, video: context.video) - bufferBefore)
        }
    }

    public mutating func abandon(_ progress: DownloadProgress, context: DecisionContext) -> Int? {
        guard started, let p = parameters else { return nil }
        let total = Double(progress.bytesTotal), remaining = total - progress.bytesReceived
        let transfer = progress.elapsedSeconds - progress.latencySeconds
        guard progress.bytesReceived > 0, remaining > 0, transfer > 0 else { return nil }
        // A new request pays latency again: judge from the state one latency from now.
        let buffer = max(0, progress.bufferSeconds + placeholderSeconds - progress.latencySeconds)
        let rate = progress.bytesReceived / transfer
        let left = remaining - progress.latencySeconds * rate
        guard left > 0 else { return nil }
        let video = context.video
        var best: Int? = nil
        var score = (p.v * (p.gammaP + p.utilities[progress.level]) - buffer) / left
        for q in 0..<progress.level {
            let size = total * video.levels[q].bitsPerSecond / video.levels[progress.level].bitsPerSecond
            let other = (p.v * (p.gammaP + p.utilities[q]) - buffer) / size
            // Only a smaller download than what is left, and only a better objective.
            if size < left, other > score { score = other; best = q }
        }
        if let q = best { abandonedTo = q; lastLevel = q }
        return best
    }
}
