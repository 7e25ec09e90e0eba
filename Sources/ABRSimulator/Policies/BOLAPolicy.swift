import RealModule

/// BOLA-BASIC: Lyapunov buffer-based selection maximising (V·(vₘ + γp) − Q) / Sₘ.
///
/// Spiteri, Urgaonkar, Sitaraman, "BOLA: Near-Optimal Bitrate Adaptation for Online Videos",
/// INFOCOM 2016, doi:10.1109/INFOCOM.2016.7524428. Utilities vₘ = ln(Rₘ/R₀) (so v₀ = 0), Q is the
/// buffer in segments, Sₘ the nominal segment size, and V = (Q_max − 1)/(v_M + γp) with Q_max the
/// buffer capacity in segments, so the top level is chosen just before the buffer is full and the
/// lowest once the buffer falls towards empty. BOLA waits when every objective is negative; here
/// the player idles until a segment fits, so Q ≤ Q_max − 1 at each decision and the top level's
/// objective is never negative.
public struct BOLAPolicy: ABRPolicy {
    /// γp = 5: Sabre's default `--gamma-p` (Spiteri et al., MMSys 2018), which the paper's
    /// experiments also use.
    public static let defaultGammaP = 5.0

    public var name: String { "bola" }
    public let gammaP: Double

    public init(gammaP: Double = defaultGammaP) {
        precondition(gammaP > 0, "γp must be positive")
        self.gammaP = gammaP
    }

    /// The control parameter V for a buffer of `capacitySegments` and top utility `topUtility`.
    public func controlParameter(capacitySegments: Double, topUtility: Double) -> Double {
        (capacitySegments - 1) / (topUtility + gammaP)
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        let levels = context.video.levels
        let d = context.video.segmentSeconds
        let r0 = levels[0].bitsPerSecond
        let v = controlParameter(capacitySegments: context.maxBufferSeconds / d, topUtility: Double.log(levels[levels.count - 1].bitsPerSecond / r0))
        let q = context.bufferSeconds / d
        var best = 0
        var bestScore = -Double.infinity
        for (m, level) in levels.enumerated() {
            let size = level.bitsPerSecond * d
            let score = (v * (Double.log(level.bitsPerSecond / r0) + gammaP) - q) / size
            if score > bestScore { best = m; bestScore = score }
        }
        return Decision(level: best, reason: DecisionReason("bola.objective", "buffer_segments", q))
    }
}
