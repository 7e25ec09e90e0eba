/// The offline optimum: with the whole trace known, the level sequence that maximises the
/// session's QoE, found by dynamic programming over segment × level × (time, buffer).
///
/// In the spirit of Pensieve's offline optimal (`sim/dp.cc`, Mao et al., SIGCOMM 2017,
/// doi:10.1145/3098822.3098843), which quantises time and buffer in 50 ms steps. Here every
/// transition is simulated *exactly* as `PlaybackSession` plays it (idle when full, per-period
/// latency, exact trace integration, stalls, startup), from a representative state per bin:
/// - States after segment `i` are merged when they share the last level, the playing flag and the
///   `binSeconds` bins of clock and buffer; the merged state keeps the representative with the
///   highest QoE so far.
/// - Among states with the same last level and playing flag, a state B is dropped when another, A,
///   is in no later clock bin and has at least B's QoE and at least B's QoE + stall penalty × drain
///   time (clock + buffer, when the buffer would run dry). A can copy every later choice of B:
///   running dry x s sooner costs it at most x s more stall, which the second condition pays for.
///   This is exact without a buffer cap (and with one latency for all periods, so a later request
///   never finishes earlier); where the cap binds, a player with more buffer must wait and may then
///   start later, so there the rule is a heuristic.
/// - On long sessions over wide ladders the number of states is capped per segment (`beam`).
///
/// The plan's QoE is therefore achievable (the session replays it exactly) and it is the optimum
/// up to the bins, the state cap and, where the buffer cap binds, the dominance heuristic: an upper
/// bound on every online policy's QoE up to that discretisation. With tiny bins it matches exhaustive
/// enumeration (tested, with the buffer cap binding and not).
struct OptimalPlanner: Sendable {
    /// The time and buffer quantum (``OptimalPolicy/defaultBinSeconds``).
    static let defaultBinSeconds = OptimalPolicy.defaultBinSeconds
    /// 250 states per segment: 0.7 s for 600 segments × 10 levels (measured, release build, one core),
    /// while small sessions (the brute-force tests) never reach it.
    static let defaultMaxStatesPerSegment = 250

    let video: Video
    let trace: BandwidthTrace
    let configuration: PlayerConfiguration
    let qoe: QoEModel
    let binSeconds: Double
    /// Whether to drop dominated states (see above); off, only the bins merge states.
    let prunesDominated: Bool
    /// The most states kept after each segment (see `beam`).
    let maxStatesPerSegment: Int

    init(
        video: Video, trace: BandwidthTrace, configuration: PlayerConfiguration = .init(), qoe: QoEModel = .linear,
        binSeconds: Double = defaultBinSeconds, prunesDominated: Bool = true, maxStatesPerSegment: Int = defaultMaxStatesPerSegment
    ) {
        precondition(maxStatesPerSegment >= video.levelCount, "keep at least one state per level")
        self.maxStatesPerSegment = maxStatesPerSegment
        precondition(binSeconds > 0, "bins must be positive")
        self.video = video
        self.trace = trace
        self.configuration = configuration
        self.qoe = qoe
        self.binSeconds = binSeconds
        self.prunesDominated = prunesDominated
    }

    /// One DP state: the player after a segment, and how it got there.
    struct Node {
        var time: Double
        var bufferSeconds: Double
        var isPlaying: Bool
        var level: Int
        /// Σ per-segment rewards so far.
        var reward: Double
        /// Startup delay once playing (0 before).
        var startupSeconds: Double
        /// Index of the predecessor in the previous layer.
        var parent: Int

        func score(_ startupPenalty: Double) -> Double { reward - startupPenalty * startupSeconds }
        /// When the buffer would run dry with no further download.
        var drain: Double { time + bufferSeconds }
        /// The second coordinate of dominance: QoE plus the stall penalty's worth of the drain time
        /// once playing (a state that runs dry x s sooner stalls at most x s more); buffer before.
        func reach(_ startupPenalty: Double, _ rebufferPenalty: Double) -> Double {
            isPlaying ? score(startupPenalty) + rebufferPenalty * drain : bufferSeconds
        }
    }

    /// The best level sequence and its QoE (Σ rewards − startup penalty × startup delay).
    ///
    /// - Complexity: O(N · S · L · log(S · L)) for N segments, L levels and at most S states kept per segment.
    func solve() -> (levels: [Int], qoe: Double) {
        let count = video.segmentCount
        var layers: [[Node]] = []
        layers.reserveCapacity(count)
        var previous = [Node(time: 0, bufferSeconds: 0, isPlaying: false, level: -1, reward: 0, startupSeconds: 0, parent: -1)]
        var utilities = Array(repeating: 0.0, count: video.levelCount)
        var previousUtilities = utilities
        var layer: [Node] = []
        for segment in 0..<count {
            for l in 0..<video.levelCount { utilities[l] = qoe.utility(segment: segment, level: l, video: video) }
            layer.removeAll(keepingCapacity: true)
            for (p, node) in previous.enumerated() {
                for level in 0..<video.levelCount {
                    var next = advance(
                        node, segment: segment, level: level, utility: utilities[level],
                        previousUtility: node.level >= 0 ? previousUtilities[node.level] : nil)
                    next.parent = p
                    layer.append(next)
                }
            }
            layers.append(previous)
            previous = reduce(layer)
            if previous.count > maxStatesPerSegment { previous = beam(previous) }
            swap(&utilities, &previousUtilities)
        }
        // Best final state (first in order among equals), then walk the parents back.
        var best = 0
        for (i, node) in previous.enumerated() where node.score(qoe.startupPenalty) > previous[best].score(qoe.startupPenalty) { best = i }
        var levels = Array(repeating: 0, count: count)
        var node = previous[best]
        for segment in stride(from: count - 1, through: 0, by: -1) {
            levels[segment] = node.level
            if segment > 0 { node = layers[segment][node.parent] }
        }
        return (levels, previous[best].score(qoe.startupPenalty))
    }

    /// Merges states that share a bin (keeping the best QoE) and, if on, drops dominated ones: one sort
    /// by (level, playing, clock bin, buffer bin, QoE descending), then one sweep.
    ///
    /// Within a group, a state is dominated when an earlier one in this order (no later clock bin)
    /// has at least its QoE and at least its reach; the sweep keeps a staircase of the kept states'
    /// (reach, QoE): reach ascending, QoE strictly descending.
    private func reduce(_ layer: [Node]) -> [Node] {
        let penalty = qoe.startupPenalty, stall = qoe.rebufferPenalty
        var entries = layer.indices.map { i in
            let n = layer[i]
            return Entry(
                group: n.level * 2 + (n.isPlaying ? 1 : 0), time: bin(n.time), buffer: bin(n.bufferSeconds),
                score: n.score(penalty), reach: n.reach(penalty, stall), index: i)
        }
        entries.sort()
        var kept: [Node] = []
        kept.reserveCapacity(min(layer.count, 4 * maxStatesPerSegment))
        var stairs: [(reach: Double, score: Double)] = []
        var last: Entry? = nil
        for e in entries {
            if let l = last, l.group == e.group, l.time == e.time, l.buffer == e.buffer { continue }  // same bin: the first is best
            if last?.group != e.group { stairs.removeAll(keepingCapacity: true) }
            last = e
            if prunesDominated {
                // First stair reaching at least as far: it has the best QoE among those.
                var lo = 0, hi = stairs.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if stairs[mid].reach >= e.reach { hi = mid } else { lo = mid + 1 }
                }
                if lo < stairs.count, stairs[lo].score >= e.score { continue }
                var start = lo
                while start > 0, stairs[start - 1].score <= e.score { start -= 1 }
                let end = (lo < stairs.count && stairs[lo].reach == e.reach) ? lo + 1 : lo
                stairs.replaceSubrange(start..<end, with: [(reach: e.reach, score: e.score)])
            }
            kept.append(layer[e.index])
        }
        return kept
    }

    /// A state's sort key for `reduce`.
    private struct Entry: Comparable {
        var group: Int
        var time: Int
        var buffer: Int
        var score: Double
        var reach: Double
        var index: Int

        static func < (a: Entry, b: Entry) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.time != b.time { return a.time < b.time }
            if a.buffer != b.buffer { return a.buffer > b.buffer }
            if a.score != b.score { return a.score > b.score }
            return a.index < b.index
        }
    }

    private func bin(_ seconds: Double) -> Int { Int((seconds / binSeconds).rounded(.down)) }

    /// Plays `segment` at `level` from `node` exactly as `PlaybackSession.step()` does (no abandonment).
    func advance(_ node: Node, segment: Int, level: Int, utility: Double, previousUtility: Double?) -> Node {
        var next = node
        let d = video.segmentSeconds
        if next.bufferSeconds + d > configuration.maxBufferSeconds {
            if next.isPlaying {
                let idle = next.bufferSeconds + d - configuration.maxBufferSeconds
                next.time += idle
                next.bufferSeconds -= idle
            } else {
                next.isPlaying = true
                next.startupSeconds = next.time
            }
        }
        let start = next.time
        let firstByte = start + trace.latencySeconds(at: start)
        let seconds = trace.transferEnd(startingAt: firstByte, bits: Double(video.segmentBytes[segment][level]) * 8) - start
        var stall = 0.0
        if seconds > 0 {
            if next.isPlaying {
                if next.bufferSeconds >= seconds {
                    next.bufferSeconds -= seconds
                } else {
                    stall = seconds - next.bufferSeconds
                    next.bufferSeconds = 0
                }
            }
            next.time += seconds
        }
        next.bufferSeconds += d
        if !next.isPlaying, next.bufferSeconds >= configuration.startupThreshold(for: video) || segment == video.segmentCount - 1 {
            next.isPlaying = true
            next.startupSeconds = next.time
        }
        next.reward += qoe.reward(utility: utility, previousUtility: previousUtility, rebufferSeconds: stall)
        next.level = level
        return next
    }

    /// Keeps the best `maxStatesPerSegment` states, the same share per level, ranked by QoE plus the
    /// stall penalty's worth of up to one segment of buffer (buffer beyond that rarely decides the
    /// next download). A heuristic bound on work that binds only on long sessions over wide ladders.
    private func beam(_ layer: [Node]) -> [Node] {
        let share = maxStatesPerSegment / video.levelCount
        let d = video.segmentSeconds
        func rank(_ n: Node) -> Double { n.score(qoe.startupPenalty) + qoe.rebufferPenalty * min(n.bufferSeconds, d) }
        var kept: [Node] = []
        kept.reserveCapacity(maxStatesPerSegment)
        var byLevel = Array(repeating: [Node](), count: video.levelCount)
        for node in layer { byLevel[node.level].append(node) }
        for nodes in byLevel {
            kept.append(contentsOf: nodes.count <= share ? nodes : Array(nodes.sorted { rank($0) > rank($1) }.prefix(share)))
        }
        return kept
    }
}
