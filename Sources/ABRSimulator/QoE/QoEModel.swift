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
///
/// A model may also weight the utility, penalise rises and drops differently (a negative rise
/// penalty rewards rises) and add a constant per segment, as Comyco's VMAF QoE does
/// (``comyco``): `α·q − λ·stall − μ₊·[Δq]₊ − μ₋·[Δq]₋ + c`.
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
    /// Weight of a segment's utility (α); 1 by default.
    public var utilityWeight: Double
    /// Penalty per unit of utility *rise* (μ₊; negative rewards rises); nil: ``switchPenalty``,
    /// the same for rises and drops, as every model but Comyco's has it.
    public var switchUpPenalty: Double?
    /// Added to every segment's reward (c); 0 by default.
    public var segmentOffset: Double
    /// The per-segment quality the weights were fitted to; nil: any.
    public var qualityMetric: QualityMetric?

    /// A family of per-segment quality tables a model's weights may need.
    public enum QualityMetric: String, Sendable, Hashable {
        /// VMAF: a video quality key starting with "vmaf" (`vmaf`, `vmaf_harmonic_mean`, `vmaf_p5`).
        case vmaf
    }

    /// - Parameters:
    ///   - utility: how a segment's level maps to a score.
    ///   - rebufferPenalty: per second of stall; nil: the utility's published one.
    ///   - switchPenalty: per unit of utility change (of drops only, when `switchUpPenalty` is given).
    ///   - startupPenalty: per second of startup delay.
    ///   - utilityWeight: α, the utility's weight.
    ///   - switchUpPenalty: per unit of utility rise; nil: `switchPenalty`.
    ///   - segmentOffset: c, added to every segment's reward.
    ///   - qualityMetric: the quality key the weights need, for `quality` utilities.
    public init(
        _ utility: Utility, rebufferPenalty: Double? = nil, switchPenalty: Double = 1, startupPenalty: Double = 0, utilityWeight: Double = 1,
        switchUpPenalty: Double? = nil, segmentOffset: Double = 0, qualityMetric: QualityMetric? = nil
    ) {
        self.utility = utility
        self.rebufferPenalty = rebufferPenalty ?? Self.defaultRebufferPenalty(utility)
        self.switchPenalty = switchPenalty
        self.startupPenalty = startupPenalty
        self.utilityWeight = utilityWeight
        self.switchUpPenalty = switchUpPenalty
        self.segmentOffset = segmentOffset
        self.qualityMetric = qualityMetric
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
        if utility == .quality, let qualityMetric, !(video.qualityMetric ?? "").hasPrefix(qualityMetric.rawValue) {
            let key = qualityMetric.rawValue
            throw ModelError(
                .invalidConfiguration,
                "this QoE's weights were fitted to \(key.uppercased()), and the video's per-segment quality is '\(video.qualityMetric ?? "unnamed")' (expected a \(key) table, e.g. --quality-metric \(key))"
            )
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
    ///
    /// - Parameters:
    ///   - q: the segment's utility.
    ///   - previousUtility: the previous segment's; nil for the first.
    ///   - rebufferSeconds: the stall before the segment played.
    public func reward(utility q: Double, previousUtility: Double?, rebufferSeconds: Double) -> Double {
        weighted(q) - rebufferPenalty * rebufferSeconds - switchCost(from: previousUtility, to: q)
    }

    /// `α·q + c`: `q` itself (the very same value) for the models without weight or offset.
    ///
    /// - Parameter q: a segment's utility.
    @inlinable
    public func weighted(_ q: Double) -> Double {
        utilityWeight == 1 && segmentOffset == 0 ? q : utilityWeight * q + segmentOffset
    }

    /// What the change from `previous` (nil: none, the first segment) to `q` costs: `μ·|Δq|`, or
    /// with ``switchUpPenalty`` `μ₊·Δq` for a rise and `μ₋·|Δq|` for a drop.
    ///
    /// - Parameters:
    ///   - previous: the previous segment's utility; nil for the first segment.
    ///   - q: this segment's utility.
    @inlinable
    public func switchCost(from previous: Double?, to q: Double) -> Double {
        let change = q - (previous ?? q)
        guard let switchUpPenalty, change > 0 else { return switchPenalty * abs(change) }
        return switchUpPenalty * change
    }

    /// The most a change to `q` from no less than `lowest` can add to a reward (a negative rise
    /// penalty rewards rises): the bound a plan search needs. 0 when changes only cost.
    ///
    /// - Parameters:
    ///   - q: the highest utility the segment can have.
    ///   - lowest: the lowest utility the previous segment can have.
    public func largestSwitchGain(to q: Double, fromAtLeast lowest: Double) -> Double {
        guard let switchUpPenalty, switchUpPenalty < 0, q > lowest else { return 0 }
        return -switchUpPenalty * (q - lowest)
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
