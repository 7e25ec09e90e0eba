/// RobustMPC's plan search from Pensieve's `test/mpc.py`, exact and fast.
///
/// mpc.py scores every combination of levels over the horizon (`itertools.product(range(6),
/// repeat=5)`, 7776 per decision), each with
/// `bitrate_sum/1000. - REBUF_PENALTY*rebuffer - smoothness_diffs/1000.`, where the rebuffer is
/// accumulated chunk by chunk against a simulated buffer (`download_time = size/1e6/bandwidth`;
/// a download longer than the buffer stalls and empties it; each chunk then adds 4 s). It keeps a
/// combination when `reward >= max_reward`, starting from `max_reward = -100000000`, so among
/// the best rewards the *last* combination in `product` order wins: the lexicographically
/// greatest one.
///
/// This search returns exactly that combination. It walks the same tree depth first, sharing
/// each prefix's buffer and rebuffer across its children, and computes every reward with the
/// same operations in the same order as mpc.py, so rewards and ties are bit-identical. It skips
/// a subtree only when a real-number upper bound on every reward in it, plus a margin far above
/// floating-point rounding, is still *below* the incumbent, so a skipped combination could never
/// have won or tied. The bound adds the best utility-minus-switching any completion can reach
/// (ignoring stalls) to the stall that even the smallest remaining chunks must cause (stalls grow
/// with download times, so the smallest sizes give the least). The incumbent is seeded with the
/// constant plans. Ties are broken by comparing plans, so the visiting order does not matter.
///
/// - Complexity: O(L^h · h) in the worst case, as the enumeration; in practice a few hundred
///   nodes instead of L^h · h = 38,880 steps for 6 levels and a horizon of 5.
struct PensieveHorizonSearch: Sendable {
    /// `max_reward = -100000000`: mpc.py's starting incumbent; plans scoring below it are never chosen.
    static let rewardFloor = -100_000_000.0

    /// The plan's objective: utilities, their scale, and the penalties.
    let qoe: PensieveQoE
    /// Playback time each chunk adds to the simulated buffer, in seconds (mpc.py's `+= 4`).
    let chunkSeconds: Double
    private let levelCount: Int
    private let maxHorizon: Int
    /// `tail[k * levelCount + q]`: the best `Σ utility − smoothPenalty·Σ|Δutility|` over k more
    /// chunks after level q, stalls ignored (unscaled).
    private let tail: [Double]

    /// - Parameters:
    ///   - qoe: the objective; its penalties must be ≥ 0 (the bound assumes stalls only cost).
    ///   - chunkSeconds: playback time each planned chunk adds.
    ///   - maxHorizon: the longest horizon `best` will be asked for.
    init(qoe: PensieveQoE, chunkSeconds: Double, maxHorizon: Int) {
        precondition(qoe.rebufferPenalty >= 0 && qoe.smoothPenalty >= 0 && qoe.scale > 0, "QoE penalties must be ≥ 0 and the scale > 0")
        precondition(maxHorizon >= 0, "negative horizon")
        self.qoe = qoe
        self.maxHorizon = maxHorizon
        self.chunkSeconds = chunkSeconds
        let l = qoe.utilities.count
        self.levelCount = l
        var tail = [Double](repeating: 0, count: (maxHorizon + 1) * l)
        if maxHorizon > 0 {
            for k in 1...maxHorizon {
                for q in 0..<l {
                    var best = -Double.infinity
                    for j in 0..<l {
                        let change = qoe.utilities[j] - qoe.utilities[q]
                        let value = qoe.utilities[j] - qoe.smoothPenalty * (change < 0 ? -change : change) + tail[(k - 1) * l + j]
                        best = max(best, value)
                    }
                    tail[k * l + q] = best
                }
            }
        }
        self.tail = tail
    }

    /// The chosen plan.
    struct Plan: Hashable, Sendable {
        /// The plan's levels, one per horizon step; empty for a zero horizon.
        var levels: [Int]
        /// Its score, bit-identical to mpc.py's.
        var reward: Double
        /// Tree nodes visited, for benchmarks.
        var nodes: Int
    }

    /// Finds the plan mpc.py would choose.
    ///
    /// - Parameters:
    ///   - downloadSeconds: `downloadSeconds[step * levelCount + level]`, the predicted download time
    ///     of each horizon step at each level, computed by the caller as mpc.py does.
    ///   - horizon: the number of steps (0 gives the empty plan, as mpc.py's `()`).
    ///   - startBufferSeconds: the buffer after the last download.
    ///   - lastLevel: the level of the last download (the smoothness reference).
    /// - Returns: the plan, or `nil` when every plan scores below `rewardFloor` (mpc.py then
    ///   keeps the previous decision).
    func best(downloadSeconds: [Double], horizon: Int, startBufferSeconds: Double, lastLevel: Int) -> Plan? {
        precondition(horizon >= 0 && horizon <= maxHorizon, "horizon \(horizon) outside 0...\(maxHorizon)")
        precondition(downloadSeconds.count >= horizon * levelCount, "need a download time per step and level")
        var state = SearchState(horizon: horizon)
        // Rounding margin: every quantity is a short sum of terms no larger than these magnitudes.
        var timeMagnitude = startBufferSeconds + chunkSeconds * Double(horizon)
        for step in 0..<horizon {
            var largest = 0.0
            for level in 0..<levelCount { largest = max(largest, downloadSeconds[step * levelCount + level]) }
            timeMagnitude += largest
        }
        var utilityMagnitude = 0.0
        for u in qoe.utilities { utilityMagnitude = max(utilityMagnitude, u < 0 ? -u : u) }
        utilityMagnitude *= Double(horizon) * (1 + 2 * qoe.smoothPenalty) / qoe.scale
        state.margin = 1e-9 * (1 + utilityMagnitude + qoe.rebufferPenalty * timeMagnitude)
        for step in 0..<horizon {
            var smallest = Double.infinity
            for level in 0..<levelCount { smallest = min(smallest, downloadSeconds[step * levelCount + level]) }
            state.smallestDownload[step] = smallest
        }
        for level in 0..<levelCount {
            var path = [Int](repeating: level, count: horizon)
            let reward = score(path: &path, downloadSeconds, startBufferSeconds, lastLevel)
            state.consider(path, reward)
        }
        search(
            &state, downloadSeconds, depth: 0, buffer: startBufferSeconds, rebuffer: 0,
            utilitySum: 0, changeSum: 0, last: lastLevel)
        guard state.hasBest else { return nil }
        return Plan(levels: state.bestPath, reward: state.bestReward, nodes: state.nodes)
    }

    private struct SearchState {
        var path: [Int]
        var bestPath: [Int]
        var bestReward = PensieveHorizonSearch.rewardFloor
        var hasBest = false
        var margin = 0.0
        var nodes = 0
        var smallestDownload: [Double]

        init(horizon: Int) {
            path = [Int](repeating: 0, count: horizon)
            bestPath = path
            smallestDownload = [Double](repeating: 0, count: horizon)
        }

        /// mpc.py's `reward >= max_reward`, kept over product order: the greatest reward, and
        /// among equal rewards the lexicographically greatest plan.
        mutating func consider(_ candidate: [Int], _ reward: Double) {
            if reward > bestReward || (reward == bestReward && (!hasBest || bestPath.lexicographicallyPrecedes(candidate))) {
                bestReward = reward
                bestPath = candidate
                hasBest = true
            }
        }
    }

    /// mpc.py's inner loop for one plan, used to seed the incumbent.
    private func score(path: inout [Int], _ downloadSeconds: [Double], _ startBuffer: Double, _ lastLevel: Int) -> Double {
        var buffer = startBuffer, rebuffer = 0.0, utilitySum = 0.0, changeSum = 0.0, last = lastLevel
        for (step, level) in path.enumerated() {
            let download = downloadSeconds[step * levelCount + level]
            if buffer < download {
                rebuffer += download - buffer
                buffer = 0
            } else {
                buffer -= download
            }
            buffer += chunkSeconds
            utilitySum += qoe.utilities[level]
            let change = qoe.utilities[level] - qoe.utilities[last]
            changeSum += change < 0 ? -change : change
            last = level
        }
        return finalReward(utilitySum, rebuffer, changeSum)
    }

    /// `(bitrate_sum/1000.) - (REBUF_PENALTY*curr_rebuffer_time) - (smoothness_diffs/1000.)`.
    @inline(__always)
    private func finalReward(_ utilitySum: Double, _ rebuffer: Double, _ changeSum: Double) -> Double {
        utilitySum / qoe.scale - qoe.rebufferPenalty * rebuffer - qoe.smoothPenalty * changeSum / qoe.scale
    }

    private func search(
        _ state: inout SearchState, _ downloadSeconds: [Double], depth: Int, buffer: Double, rebuffer: Double,
        utilitySum: Double, changeSum: Double, last: Int
    ) {
        state.nodes += 1
        let horizon = state.path.count
        if depth == horizon {
            state.consider(state.path, finalReward(utilitySum, rebuffer, changeSum))
            return
        }
        // Upper bound for every plan below this node (real arithmetic, then the margin).
        var leastStall = rebuffer, simulated = buffer
        for step in depth..<horizon {
            let download = state.smallestDownload[step]
            if simulated < download {
                leastStall += download - simulated
                simulated = 0
            } else {
                simulated -= download
            }
            simulated += chunkSeconds
        }
        let remaining = horizon - depth
        let bound =
            (utilitySum - qoe.smoothPenalty * changeSum + tail[remaining * levelCount + last]) / qoe.scale
            - qoe.rebufferPenalty * leastStall
        if bound + state.margin < state.bestReward { return }

        for level in stride(from: levelCount - 1, through: 0, by: -1) {
            let download = downloadSeconds[depth * levelCount + level]
            var nextBuffer = buffer, nextRebuffer = rebuffer
            if nextBuffer < download {
                nextRebuffer += download - nextBuffer
                nextBuffer = 0
            } else {
                nextBuffer -= download
            }
            nextBuffer += chunkSeconds
            let change = qoe.utilities[level] - qoe.utilities[last]
            state.path[depth] = level
            search(
                &state, downloadSeconds, depth: depth + 1, buffer: nextBuffer, rebuffer: nextRebuffer,
                utilitySum: utilitySum + qoe.utilities[level], changeSum: changeSum + (change < 0 ? -change : change),
                last: level)
        }
    }
}
