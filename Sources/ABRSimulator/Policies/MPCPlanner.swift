/// MPC's look-ahead: the level plan over the next segments that maximises the session's QoE
/// under a constant predicted throughput.
///
/// The model of one step (segment `i` at level `l`, predicted rate `C`) follows the session's player:
/// if the segment would overflow the buffer the player first idles until it fits; the download
/// takes `size(i, l) · 8 / C` seconds; once playing, the buffer drains meanwhile and any shortfall
/// is a stall; then the segment adds `segmentSeconds`. Before playback starts nothing drains and
/// the wait costs the startup penalty; playback starts at the startup threshold. The reward is the
/// QoE model's: `q(i, l) − rebufferPenalty · stall − switchPenalty · |q(i, l) − q_prev|` (with a
/// weight, an offset and separate rise and drop penalties where the model has them).
///
/// The search returns exactly what exhaustive enumeration of all `L^h` plans returns, with ties
/// broken towards the lexicographically smallest plan: a depth-first branch and bound whose
/// prefix rewards are accumulated in plan order (so every plan's total is the same floating-point
/// sum as enumeration's) and which prunes a branch only when its prefix plus an upper bound on
/// the rest is below the best total by more than rounding. The bound takes, for each remaining
/// segment, the best utility less the stall that even the fullest reachable buffer would suffer
/// (the buffer grows by at most one segment per step), plus the most a rise could earn where the
/// model rewards rises (from the lowest utility the step before can have); stall, startup and
/// drop penalties are never negative. Levels are tried from the top down, which finds good
/// plans early; the tie rule makes the answer independent of that order.
struct MPCPlanner: Sendable {
    /// The player as the planner sees it between two downloads.
    struct State: Hashable, Sendable {
        var bufferSeconds: Double
        var isPlaying: Bool
        /// Utility of the previous segment, `nil` before the first.
        var previousUtility: Double?

        init(bufferSeconds: Double, isPlaying: Bool, previousUtility: Double?) {
            self.bufferSeconds = bufferSeconds
            self.isPlaying = isPlaying
            self.previousUtility = previousUtility
        }
    }

    /// The best plan's levels, and its total reward.
    struct Plan: Hashable, Sendable {
        var levels: [Int]
        var reward: Double

        init(levels: [Int], reward: Double) {
            self.levels = levels
            self.reward = reward
        }
    }

    let video: Video
    let qoe: QoEModel
    let maxBufferSeconds: Double
    let startupThresholdSeconds: Double

    init(video: Video, qoe: QoEModel, maxBufferSeconds: Double, startupThresholdSeconds: Double) {
        precondition(
            qoe.rebufferPenalty >= 0 && qoe.switchPenalty >= 0 && qoe.startupPenalty >= 0 && qoe.utilityWeight >= 0,
            "the search's bound needs non-negative penalties and utility weight")
        self.video = video
        self.qoe = qoe
        self.maxBufferSeconds = maxBufferSeconds
        self.startupThresholdSeconds = startupThresholdSeconds
    }

    /// One step of the model: `segment` at `level` from `state`, with `utility` = q(segment, level).
    @inlinable
    func step(_ state: State, segment: Int, utility: Double, downloadSeconds: Double) -> (State, reward: Double) {
        var next = state
        var reward = qoe.weighted(utility) - qoe.switchCost(from: state.previousUtility, to: utility)
        // A segment that would overflow the buffer: a playing player idles until it fits, one not yet
        // playing starts instead (as `PlaybackSession.step()` does).
        if next.bufferSeconds + video.segmentSeconds > maxBufferSeconds {
            if next.isPlaying { next.bufferSeconds = maxBufferSeconds - video.segmentSeconds } else { next.isPlaying = true }
        }
        if next.isPlaying {
            let stall = max(0, downloadSeconds - next.bufferSeconds)
            reward -= qoe.rebufferPenalty * stall
            next.bufferSeconds = max(0, next.bufferSeconds - downloadSeconds) + video.segmentSeconds
        } else {
            reward -= qoe.startupPenalty * downloadSeconds
            next.bufferSeconds += video.segmentSeconds
            if next.bufferSeconds >= startupThresholdSeconds || segment == video.segmentCount - 1 { next.isPlaying = true }
        }
        next.previousUtility = utility
        return (next, reward)
    }

    /// Seconds to download `segment` at `level` at `bitsPerSecond`.
    @inlinable
    func downloadSeconds(segment: Int, level: Int, bitsPerSecond: Double) -> Double {
        Double(video.segmentBytes[segment][level]) * 8 / bitsPerSecond
    }

    /// The best plan for segments `first ..< first + horizon` (clipped to the video's end).
    ///
    /// - Complexity: O(L^h) in the worst case; far less in practice thanks to the bound.
    func bestPlan(from state: State, first: Int, horizon: Int, bitsPerSecond: Double) -> Plan {
        precondition(bitsPerSecond > 0 && horizon > 0, "need a positive rate and horizon")
        var search = Search(planner: self, state: state, first: first, horizon: min(horizon, video.segmentCount - first), bitsPerSecond: bitsPerSecond)
        search.run()
        return Plan(levels: search.bestLevels, reward: search.bestReward)
    }

    /// The branch and bound's working state: flat tables, no allocation inside the search.
    private struct Search {
        let planner: MPCPlanner
        let depth: Int
        let levels: Int
        let first: Int
        var utilities: [Double]  // [step * levels + level]
        var seconds: [Double]  // [step * levels + level]
        var bound: [Double]  // bound[k] ≥ reward of steps k..<depth
        var states: [State]  // states[k] before step k
        var prefix: [Double]  // prefix[k] = reward of steps 0..<k
        var current: [Int]
        var bestLevels: [Int]
        var bestReward = -Double.infinity

        init(planner: MPCPlanner, state: State, first: Int, horizon: Int, bitsPerSecond: Double) {
            self.planner = planner
            self.depth = horizon
            self.levels = planner.video.levelCount
            self.first = first
            utilities = Array(repeating: 0, count: horizon * levels)
            seconds = Array(repeating: 0, count: horizon * levels)
            bound = Array(repeating: 0, count: horizon + 1)
            for k in 0..<horizon {
                for l in 0..<levels {
                    utilities[k * levels + l] = planner.qoe.utility(segment: first + k, level: l, video: planner.video)
                    seconds[k * levels + l] = planner.downloadSeconds(segment: first + k, level: l, bitsPerSecond: bitsPerSecond)
                }
            }
            // Step k's reward is at most max over levels of q − rebufferPenalty · (stall with the most buffer
            // step k can have: the buffer grows by at most one segment per step and idles down to max − d).
            let d = planner.video.segmentSeconds, cap = planner.maxBufferSeconds - d
            let qoe = planner.qoe
            let rewardsRises = (qoe.switchUpPenalty ?? 0) < 0
            let table = utilities
            for k in stride(from: horizon - 1, through: 0, by: -1) {
                let most = min(state.bufferSeconds + Double(k) * d, cap)
                var top = -Double.infinity
                for l in 0..<levels {
                    let stall = state.isPlaying ? max(0, seconds[k * levels + l] - most) : 0
                    top = max(top, qoe.weighted(utilities[k * levels + l]) - qoe.rebufferPenalty * stall)
                }
                // A model that rewards rises: at most the rise from the lowest previous utility.
                if rewardsRises, let lowest = k == 0 ? state.previousUtility : table[(k - 1) * levels..<k * levels].min() {
                    top += qoe.largestSwitchGain(to: table[k * levels..<(k + 1) * levels].max() ?? lowest, fromAtLeast: lowest)
                }
                bound[k] = bound[k + 1] + top
            }
            states = Array(repeating: state, count: horizon + 1)
            prefix = Array(repeating: 0, count: horizon + 1)
            current = Array(repeating: 0, count: horizon)
            bestLevels = Array(repeating: 0, count: horizon)
        }

        mutating func run() { visit(0) }

        private mutating func visit(_ k: Int) {
            if k == depth {
                let total = prefix[k]
                if total > bestReward || (total == bestReward && current.lexicographicallyPrecedes(bestLevels)) {
                    bestReward = total
                    bestLevels = current
                }
                return
            }
            for l in stride(from: levels - 1, through: 0, by: -1) {
                let (next, reward) = planner.step(states[k], segment: first + k, utility: utilities[k * levels + l], downloadSeconds: seconds[k * levels + l])
                let total = prefix[k] + reward
                // Prune only when even the best conceivable rest cannot reach the best total (ties are kept).
                if total + bound[k + 1] < bestReward - 1e-9 * (1 + abs(bestReward)) { continue }
                current[k] = l
                prefix[k + 1] = total
                states[k + 1] = next
                visit(k + 1)
            }
        }
    }
}
