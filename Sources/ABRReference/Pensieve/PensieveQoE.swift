/// The per-chunk reward of Pensieve's scripts: `q(level)/scale − rebufferPenalty·rebuffer_s −
/// smoothPenalty·|q(level) − q(previous)|/scale`.
///
/// The scripts log the linear QoE (`VIDEO_BIT_RATE[q] / M_IN_K - REBUF_PENALTY * rebuf -
/// SMOOTH_PENALTY * np.abs(...) / M_IN_K`, with 4.3 and 1 in Mbit/s); `test/mpc.py` carries the HD
/// variant (`BITRATE_REWARD = [1, 2, 3, 12, 15, 20]`, rebuffer penalty 8, no scaling) and a log
/// variant (`ln(kbps / 300)`) as commented-out lines, and the Pensieve paper defines all three
/// (SIGCOMM 2017, §5.1). The same utilities drive RobustMPC's objective, as the paired comments
/// in mpc.py do. The log variant needs `ln`, which the standard library lacks: build it with
/// `init(utilities:scale:rebufferPenalty:smoothPenalty:)` from a caller that has a math library.
///
/// Arithmetic follows the scripts' expression order so the rewards are bit-identical.
public struct PensieveQoE: Hashable, Sendable {
    /// Utility of each level, in the units the scale divides.
    public var utilities: [Double]
    /// Divisor applied to utilities and to their differences (1000 turns kbit/s into Mbit/s).
    public var scale: Double
    /// Penalty per second of rebuffering.
    public var rebufferPenalty: Double
    /// Penalty per unit of |utility change| (before scaling).
    public var smoothPenalty: Double

    public init(utilities: [Double], scale: Double, rebufferPenalty: Double, smoothPenalty: Double) {
        self.utilities = utilities
        self.scale = scale
        self.rebufferPenalty = rebufferPenalty
        self.smoothPenalty = smoothPenalty
    }

    /// `VIDEO_BIT_RATE = [300, 750, 1200, 1850, 2850, 4300]` (kbit/s), Pensieve's Envivio video.
    public static let envivioKbps: [Double] = [300, 750, 1200, 1850, 2850, 4300]

    /// QoE_lin: bitrate in Mbit/s, `REBUF_PENALTY = 4.3`, `SMOOTH_PENALTY = 1` (bb.py, mpc.py).
    public static let linear = linear(kbps: envivioKbps)

    /// QoE_hd: `BITRATE_REWARD = [1, 2, 3, 12, 15, 20]`, rebuffer penalty 8 (mpc.py, commented out).
    public static let hd = PensieveQoE(utilities: [1, 2, 3, 12, 15, 20], scale: 1, rebufferPenalty: 8, smoothPenalty: 1)

    /// QoE_lin for another ladder: utilities are the levels' kbit/s, divided by 1000.
    public static func linear(kbps: [Double]) -> PensieveQoE {
        PensieveQoE(utilities: kbps, scale: 1000, rebufferPenalty: 4.3, smoothPenalty: 1)
    }

    /// The reward of one chunk.
    ///
    /// - Parameters:
    ///   - level: the level just downloaded.
    ///   - previous: the level before it (`DEFAULT_QUALITY` for the first chunk).
    ///   - rebufferSeconds: the stall this download caused.
    public func reward(level: Int, previous: Int, rebufferSeconds: Double) -> Double {
        let change = utilities[level] - utilities[previous]
        return utilities[level] / scale - rebufferPenalty * rebufferSeconds
            - smoothPenalty * (change < 0 ? -change : change) / scale
    }
}
