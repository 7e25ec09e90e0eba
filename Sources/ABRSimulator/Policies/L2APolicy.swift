import RealModule

/// L2A-LL (Learn2Adapt-LowLatency): online convex optimisation over a probability vector on the
/// levels, with a Lagrange multiplier that tracks the buffer's displacement.
///
/// Karagkioules, Mekuria, Griffioen, Wagenaar, "Online learning for low-latency adaptive
/// streaming", ACM MMSys 2020, doi:10.1145/3339825.3397042. Reproduced from dash.js
/// `src/streaming/rules/abr/L2ARule.js` (v5.1.1, commit af3cef0), its arithmetic and its units:
///
/// - **Startup** (`_handleStartupState`): no sample yet, keep the level; then the highest level
///   whose kbit/s fits the safe average throughput (`getOptimalRepresentationForBitrate`; the
///   lowest if none does). Once a segment has been downloaded and the buffer holds at least
///   `B_target` = 1.5 s, L2A turns steady with Q = VL and w = the one-hot vector of that level.
/// - **Steady** (`_handleSteadyState`), with V the last segment's duration (s), c the last
///   segment's throughput (rounded kbit/s, at least 1), r the playback rate and α the step size:
///   wᵢ = w′ᵢ + s·(V / 2α)·(Q + VL)·(r·Rᵢ / c) with Rᵢ in kbit/s and s = +1 up to the first level
///   whose r·Rᵢ exceeds c, −1 from there on (dash.js never resets it); w ← the Euclidean projection
///   of w onto the simplex; Q ← max(0, Q − V + V·r·(b·w + b·(w − w′)) / c); the level is the one
///   whose bᵢ is nearest b·w; a climb above the last level becomes one step when b of the next
///   level ≤ c; and if the chosen level's kbit/s ≥ c, Q ← REACT · max(VL, Q).
///
/// dash.js 5 takes b in **bit/s** (`rep.bandwidth`) against c in kbit/s in the Q update and the
/// one-step test (its 2023 ABR refactoring, commit 8937f8a, kept kbit/s only in the w update), so
/// Q grows about 1000-fold and the one-step climb applies only when c in kbit/s reaches the next
/// level's bit/s. `Arithmetic.dashJS4` follows dash.js 4.7.4 instead, which converted b to
/// kbit/s in place first (the paper's consistent units). Both give the same nearest level, which
/// does not depend on b's unit.
///
/// Without a live context (video on demand) the playback rate is 1 and the throughput is the last
/// completed download's (`DashThroughputModel`). Every decision follows a completed download, so
/// dash.js's "same request URL, keep the quality" branch does not arise.
public struct L2APolicy: ABRPolicy {
    /// Whose units the Q update and the one-step climb use.
    public enum Arithmetic: String, Hashable, Sendable, CaseIterable {
        /// dash.js 5.0–5.1.1: bitrates in bit/s against throughput in kbit/s there.
        case dashJS5
        /// dash.js 4.7.4: bitrates in kbit/s throughout.
        case dashJS4
    }

    /// 4 steps: dash.js `L2ARule.js` `HORIZON`, the optimisation horizon.
    public static let horizon = 4.0
    /// 4^0.99 ≈ 3.944: dash.js `VL`, the cautiousness parameter.
    public static let cautiousness = Double.pow(horizon, 0.99)
    /// 2: dash.js `REACT`, the reaction to a throughput over-estimate (Q's re-calibration).
    public static let reactiveness = 2.0
    /// max(horizon, VL·√horizon) = 2·4^0.99 ≈ 7.890: dash.js `alpha`, the gradient step size.
    public static let stepSize = max(horizon, cautiousness * horizon.squareRoot())
    /// 1.5 s: dash.js `B_target`, the buffer at which startup ends.
    public static let targetBufferSeconds = 1.5

    public var name: String { "l2a" }
    public let arithmetic: Arithmetic
    /// True once startup has ended.
    public private(set) var isSteady = false
    /// The probability vector w over the levels (dash.js `prev_w` after each update); empty in startup.
    public private(set) var weights: [Double] = []
    /// The Lagrange multiplier Q (dash.js `Q`).
    public private(set) var lagrangeMultiplier = 0.0
    private var throughput = DashThroughputModel()
    /// dash.js `currentRepresentation`: the last chosen (and downloaded) level.
    private var currentLevel: Int?
    /// dash.js `lastSegmentDurationS`: the last downloaded segment's duration, in seconds.
    private var lastSegmentSeconds: Double?

    /// - Parameter arithmetic: the dash.js release whose units to follow (default: 5, the current one).
    public init(arithmetic: Arithmetic = .dashJS5) {
        self.arithmetic = arithmetic
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        throughput.update(from: context)
        if let record = context.history.last(where: { !$0.abandoned }) {
            lastSegmentSeconds = context.video.duration(ofSegment: record.segmentIndex)
            currentLevel = record.level
        }
        return isSteady ? steady(context) : startup(context)
    }

    private mutating func startup(_ context: DecisionContext) -> Decision {
        guard let safe = throughput.safeAverageKbps else {
            return Decision(level: currentLevel ?? 0, reason: DecisionReason("l2a.startup.no_estimate"))
        }
        let level = Self.optimalLevel(forKbps: safe, video: context.video)
        currentLevel = level
        if lastSegmentSeconds != nil, context.bufferSeconds >= Self.targetBufferSeconds {
            isSteady = true
            lagrangeMultiplier = Self.cautiousness
            weights = context.video.levels.indices.map { $0 == level ? 1 : 0 }
        }
        return Decision(level: level, reason: DecisionReason("l2a.startup", "safe_kbps", safe))
    }

    private mutating func steady(_ context: DecisionContext) -> Decision {
        let levels = context.video.levels
        let c = max(throughput.lastKbps ?? 1, 1)
        let v = lastSegmentSeconds ?? context.video.segmentSeconds
        let rate = context.live?.playbackRate ?? 1
        let vl = Self.cautiousness
        let previous = weights
        var w = previous
        var sign = 1.0
        for (i, level) in levels.enumerated() {
            if rate * level.kbps > c { sign = -1 }
            w[i] = previous[i] + sign * (v / (2 * Self.stepSize)) * ((lagrangeMultiplier + vl) * (rate * level.kbps / c))
        }
        w = Self.simplexProjection(w)
        let b = levels.map { arithmetic == .dashJS5 ? $0.bitsPerSecond : $0.kbps }
        var bw = 0.0, bDiff = 0.0
        for i in levels.indices {
            bw += b[i] * w[i]
            bDiff += b[i] * (w[i] - previous[i])
        }
        lagrangeMultiplier = max(0, lagrangeMultiplier - v + v * rate * ((bw + bDiff) / c))
        weights = w
        var chosen = 0
        for i in levels.indices where abs(b[i] - bw) < abs(b[chosen] - bw) { chosen = i }
        var rule: StaticString = "l2a.steady"
        if let current = currentLevel, chosen > current, b[current + 1] <= c {
            chosen = current + 1
            rule = "l2a.climb"
        }
        if levels[chosen].kbps >= c {
            lagrangeMultiplier = Self.reactiveness * max(vl, lagrangeMultiplier)
            rule = "l2a.overestimate"
        }
        currentLevel = chosen
        return Decision(level: chosen, reason: DecisionReason(rule, "lagrange_q", lagrangeMultiplier))
    }

    /// The highest level whose kbit/s is at most `kbps`, or the lowest when none is or `kbps` ≤ 0
    /// (dash.js `AbrController.getOptimalRepresentationForBitrate`).
    ///
    /// - Parameters:
    ///   - kbps: the throughput to fit, in kbit/s.
    ///   - video: the title whose levels to choose from.
    public static func optimalLevel(forKbps kbps: Double, video: Video) -> Int {
        guard kbps > 0 else { return 0 }
        return video.levels.lastIndex { $0.kbps <= kbps } ?? 0
    }

    /// The Euclidean projection of `y` onto the probability simplex {x : xᵢ ≥ 0, Σxᵢ = 1}.
    ///
    /// dash.js `euclideanProjection` (Chen and Ye, "Projection onto a simplex", arXiv:1101.6081):
    /// sort y descending into s; the threshold t is (s₁ + … + sₖ − 1)/k for the first k < m with
    /// t ≥ sₖ₊₁, else (Σs − 1)/m; xᵢ = max(yᵢ − t, 0).
    ///
    /// - Parameter y: a non-empty vector of finite numbers.
    /// - Returns: the nearest point of the simplex to `y`.
    /// - Complexity: O(m log m) for m entries.
    public static func simplexProjection(_ y: [Double]) -> [Double] {
        precondition(!y.isEmpty, "the simplex of no levels is empty")
        let s = y.sorted(by: >)
        let m = s.count
        var sum = 0.0
        var threshold: Double?
        for k in 0..<(m - 1) {
            sum += s[k]
            let t = (sum - 1) / Double(k + 1)
            if t >= s[k + 1] {
                threshold = t
                break
            }
        }
        let t = threshold ?? (sum + s[m - 1] - 1) / Double(m)
        return y.map { max($0 - t, 0) }
    }
}
