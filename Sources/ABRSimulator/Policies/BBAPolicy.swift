/// BBA-0: buffer-based rate selection with a reservoir, a cushion and a linear rate map.
///
/// Huang et al., "A Buffer-Based Approach to Rate Adaptation: Evidence from a Large Video
/// Streaming Service", SIGCOMM 2014, doi:10.1145/2619239.2626296, Algorithm 1. Below the
/// reservoir it takes the lowest rate, above reservoir + cushion the highest; in between the map
/// f(B) = R_min + (R_max − R_min)·(B − r)/c is compared with the neighbours of the previous rate,
/// so the rate changes only when f(B) crosses the next rate up or falls to the next rate down.
public struct BBAPolicy: ABRPolicy {
    /// 5 s and 10 s: the reservoir and cushion of Pensieve's BB baseline (`test/bb.py`), the
    /// configuration behind the published comparisons with a 60 s buffer.
    public static let defaultReservoirSeconds = 5.0
    public static let defaultCushionSeconds = 10.0

    public var name: String { "bba" }
    public let reservoirSeconds: Double
    public let cushionSeconds: Double

    public init(reservoirSeconds: Double = defaultReservoirSeconds, cushionSeconds: Double = defaultCushionSeconds) {
        precondition(reservoirSeconds >= 0 && cushionSeconds > 0, "reservoir must be ≥ 0 and cushion > 0")
        self.reservoirSeconds = reservoirSeconds
        self.cushionSeconds = cushionSeconds
    }

    /// The rate map f(B) in bits per second.
    public func mappedBitsPerSecond(bufferSeconds b: Double, levels: [Level]) -> Double {
        let low = levels[0].bitsPerSecond, high = levels[levels.count - 1].bitsPerSecond
        let fraction = min(max((b - reservoirSeconds) / cushionSeconds, 0), 1)
        return low + (high - low) * fraction
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        let levels = context.video.levels
        let b = context.bufferSeconds
        let top = levels.count - 1
        if b <= reservoirSeconds { return Decision(level: 0, reason: DecisionReason("bba.reservoir", "buffer_s", b)) }
        if b >= reservoirSeconds + cushionSeconds { return Decision(level: top, reason: DecisionReason("bba.upper_reservoir", "buffer_s", b)) }
        let f = mappedBitsPerSecond(bufferSeconds: b, levels: levels)
        let previous = context.lastLevel ?? 0
        let plus = min(previous + 1, top), minus = max(previous - 1, 0)
        if f >= levels[plus].bitsPerSecond, plus != previous {
            // max{R_i : R_i < f(B)}; equals the previous rate when f(B) is exactly R₊.
            let level = levels.lastIndex { $0.bitsPerSecond < f } ?? 0
            return Decision(level: level, reason: DecisionReason("bba.cushion_up", "buffer_s", b))
        }
        if f <= levels[minus].bitsPerSecond, minus != previous {
            // min{R_i : R_i > f(B)}; equals the previous rate when f(B) is exactly R₋.
            let level = levels.firstIndex { $0.bitsPerSecond > f } ?? top
            return Decision(level: level, reason: DecisionReason("bba.cushion_down", "buffer_s", b))
        }
        return Decision(level: previous, reason: DecisionReason("bba.hold", "buffer_s", b))
    }
}
