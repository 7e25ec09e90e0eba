import RealModule

/// A per-segment quality-of-experience model: utility − stall penalty − switch penalty.
///
/// Segment `i` at level `l` earns `q(i, l) − rebufferPenalty · stall_i − switchPenalty · |q(i, l) − q(i−1, l′)|`,
/// and a session's QoE is the sum, less `startupPenalty · startupDelay`. The utilities `q`:
/// - `linear`: bitrate in Mbit/s; penalties 4.3 per stall second, 1 per Mbit/s of change.
/// - `log`: ln(R / R_min); penalties 2.66 and 1.
/// - `hd`: Pensieve's HD table (300→1, 750→2, 1200→3, 1850→12, 2850→15, 4300→20 kbit/s → score),
///   linearly interpolated in kbit/s and flat beyond its ends; penalties 8 and 1.
/// - `quality`: the video's per-segment quality (SSIM dB or PSNR), in the spirit of Puffer
///   (Yan et al., NSDI 2020): Σ quality − λ·stall_s − μ·Σ|Δquality| with λ = 100, μ = 1.
///
/// The first three are the QoE variants of Mao et al., "Neural Adaptive Video Streaming with Pensieve",
/// SIGCOMM 2017, doi:10.1145/3098822.3098843, §5.1, with their weights.
public struct QoEModel: Hashable, Sendable {
    /// Which utility maps a segment's level to a score.
    public enum Utility: String, CaseIterable, Sendable {
        case linear, log, hd, quality
    }

    public var utility: Utility
    /// Penalty per second of stall.
    public var rebufferPenalty: Double
    /// Penalty per unit of utility change between consecutive segments.
    public var switchPenalty: Double
    /// Penalty per second of startup delay; 0 by default, as in Pensieve's and MPC's QoE_lin.
    public var startupPenalty: Double

    public init(_ utility: Utility, rebufferPenalty: Double? = nil, switchPenalty: Double = 1, startupPenalty: Double = 0) {
        self.utility = utility
        self.rebufferPenalty = rebufferPenalty ?? Self.defaultRebufferPenalty(utility)
        self.switchPenalty = switchPenalty
        self.startupPenalty = startupPenalty
    }

    /// Pensieve's QoE_lin: the default.
    public static let linear = QoEModel(.linear)

    /// The stall penalty each utility is published with (Mao et al. 2017 §5.1; Yan et al. 2020 for `quality`).
    public static func defaultRebufferPenalty(_ utility: Utility) -> Double {
        switch utility {
        case .linear: 4.3
        case .log: 2.66
        case .hd: 8
        case .quality: 100
        }
    }

    /// Pensieve's HD score table: (kbit/s, score).
    static let hdTable: [(kbps: Double, score: Double)] = [(300, 1), (750, 2), (1200, 3), (1850, 12), (2850, 15), (4300, 20)]

    /// Checks that `video` carries what this model needs.
    public func validate(for video: Video) throws(ModelError) {
        if utility == .quality, video.segmentQuality == nil {
            throw ModelError(
                .invalidConfiguration,
                "QoE 'quality' needs per-segment quality, and this video has none (encode it with abrkit encode, or choose linear, log or hd)")
        }
    }

    /// Utility of segment `segment` at `level`.
    public func utility(segment: Int, level: Int, video: Video) -> Double {
        let bps = video.levels[level].bitsPerSecond
        switch utility {
        case .linear: return bps / 1_000_000
        case .log: return Double.log(bps / video.levels[0].bitsPerSecond)
        case .hd: return Self.hdScore(kbps: bps / 1000)
        case .quality: return video.segmentQuality?[segment][level] ?? 0
        }
    }

    /// Reward of one segment given the previous segment's utility (`nil` for the first).
    public func reward(utility q: Double, previousUtility: Double?, rebufferSeconds: Double) -> Double {
        q - rebufferPenalty * rebufferSeconds - switchPenalty * abs(q - (previousUtility ?? q))
    }

    static func hdScore(kbps: Double) -> Double {
        let table = hdTable
        if kbps <= table[0].kbps { return table[0].score }
        for i in 1..<table.count where kbps <= table[i].kbps {
            let (k0, s0) = table[i - 1], (k1, s1) = table[i]
            return s0 + (s1 - s0) * (kbps - k0) / (k1 - k0)
        }
        return table[table.count - 1].score
    }
}
