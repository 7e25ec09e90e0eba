import RealModule

/// LoL+'s learning controller: a self-organising map with one neuron per level, whose state
/// (throughput, latency, rebuffer, switch) learns what each level brings, and whose best-matching
/// neuron for the target state (the throughput now, no latency, no rebuffering, no switch) is the
/// next level.
///
/// dash.js `src/streaming/rules/abr/lolp/LearningAbrController.js` (v5.1.1, commit af3cef0):
/// - Neurons: level i starts at (Rᵢ/N, 0, 0, 0) with N = ‖R‖₂ over the levels in bit/s
///   (`bitrateNormalizationFactor`); latency is normalised by 100 (`latencyNormalizationFactor`);
///   a normalised throughput above 1 is replaced by the largest neuron throughput.
/// - Distance: d(a, b; w) = √(Σ wₖ(aₖ − bₖ)²) (`_getDistance`).
/// - Guard: if B − R_cur·d / C < 0.3 s, the highest level below both the current one and C is
///   taken at once, with no learning (`_getDownShiftNeuron`; the current level if none).
/// - Weights: the dynamic weight selector's vector (`LoLPlusWeightSelector`), else the previous
///   one, initially the last of the sorted k-means++ centres (below).
/// - Choice: the neuron nearest the target, with the throughput weight raised to 100 for levels
///   above C − 10 kbit/s or that would leave less than 0.3 s of buffer (not the lowest level).
/// - Update (`_updateNeurons`): every neuron moves towards x by 0.01 × h, h = exp(−δ²/(2σ²)),
///   σ = 0.1, δ the unweighted distance to the centre neuron as it stands when reached; first
///   around the current level with x = (C/N, L/100, rebuffer, |R_cur − R_win|/N), then around
///   the winner with x = (C/N, 0, 0, |R_cur − R_win|/N).
///
/// The initial weights: dash.js draws L² random points (throughput × the largest neuron
/// throughput, latency, buffer, switch, each `Math.random()`), picks L centres by farthest-point
/// seeding from the first, sorts them from the least similar outward and takes the last
/// (`_getInitialKmeansPlusPlusCenters`). Here the draws come from a `SplitMix64` seeded by the
/// policy, so a session is deterministic; they matter only until the selector first finds weights.
public struct LoLPlusLearningController: Hashable, Sendable {
    /// One neuron's state, normalised as dash.js keeps it.
    public struct State: Hashable, Sendable {
        /// Throughput ÷ N.
        public var throughput: Double
        /// Latency ÷ 100 s.
        public var latency: Double
        /// Rebuffering, in seconds.
        public var rebuffer: Double
        /// Bitrate switch ÷ N.
        public var switchSize: Double

        /// - Parameters:
        ///   - throughput: normalised throughput.
        ///   - latency: normalised latency.
        ///   - rebuffer: rebuffering, in seconds.
        ///   - switchSize: normalised switch.
        public init(throughput: Double, latency: Double, rebuffer: Double, switchSize: Double) {
            self.throughput = throughput
            self.latency = latency
            self.rebuffer = rebuffer
            self.switchSize = switchSize
        }

        var vector: [Double] { [throughput, latency, rebuffer, switchSize] }
    }

    /// 100 s: dash.js `latencyNormalizationFactor`.
    public static let latencyNormalizationSeconds = 100.0
    /// 0.1: dash.js `_updateNeurons` `sigma`, the neighbourhood's width.
    public static let neighbourhoodSigma = 0.1
    /// 0.01 for every component: dash.js `_updateNeuronState` learning rate `w`.
    public static let learningRate = 0.01
    /// 10 kbit/s (10,000 bit/s): dash.js `throughputDelta`, "10K + video encoding is the recommended throughput".
    public static let throughputDeltaBitsPerSecond = 10_000.0
    /// 100: the throughput weight dash.js forces for levels it wants to discourage.
    public static let discouragedThroughputWeight = 100.0

    /// Each level's bitrate, in bit/s.
    public let bitrates: [Double]
    /// N = ‖bitrates‖₂ (dash.js `bitrateNormalizationFactor`).
    public let normalization: Double
    /// Each level's neuron.
    public private(set) var neurons: [State]
    /// The distance weights (throughput, latency, buffer, switch) in use.
    public private(set) var weights: [Double]?
    /// The sorted k-means++ centres (dash.js `sortedCenters`).
    public let sortedCenters: [[Double]]

    /// A map for `video`'s levels, its initial centres drawn from `rng`.
    ///
    /// - Parameters:
    ///   - bitrates: each level's bitrate in bit/s, ascending.
    ///   - rng: the generator for the k-means++ seeding's random points.
    public init(bitrates: [Double], rng: inout SplitMix64) {
        precondition(!bitrates.isEmpty, "a map needs a level")
        self.bitrates = bitrates
        let norm = bitrates.reduce(0) { $0 + $1 * $1 }.squareRoot()
        normalization = norm
        let neurons = bitrates.map { State(throughput: $0 / norm, latency: 0, rebuffer: 0, switchSize: 0) }
        self.neurons = neurons
        let maxThroughput = neurons.map(\.throughput).reduce(0) { max($0, $1) }
        var points: [[Double]] = []
        for _ in 0..<(bitrates.count * bitrates.count) {
            points.append([rng.nextUnit() * maxThroughput, rng.nextUnit(), rng.nextUnit(), rng.nextUnit()])
        }
        sortedCenters = Self.sortedKMeansPlusPlusCenters(points, count: bitrates.count)
    }

    /// dash.js `_getDistance`: √|Σ wₖ(aₖ − bₖ)²| with the sum's sign.
    ///
    /// - Parameters:
    ///   - a: a state vector.
    ///   - b: another, as long.
    ///   - weights: one weight per component.
    public static func distance(_ a: [Double], _ b: [Double], weights: [Double]) -> Double {
        var sum = 0.0
        for k in a.indices { sum += weights[k] * ((a[k] - b[k]) * (a[k] - b[k])) }
        return (sum < 0 ? -1 : 1) * abs(sum).squareRoot()
    }

    /// The largest neuron throughput (dash.js `_getMaxThroughput`).
    public var maxThroughput: Double { neurons.reduce(0) { max($0, $1.throughput) } }

    /// The next level (dash.js `getNextQuality`), learning from this step.
    ///
    /// - Parameters:
    ///   - throughputBitsPerSecond: the safe throughput estimate, in bit/s.
    ///   - latencySeconds: the live latency (0 in video on demand).
    ///   - bufferSeconds: the buffer now.
    ///   - playbackRate: the playback speed.
    ///   - currentLevel: the level of the last segment.
    ///   - selector: the weight selector for this decision.
    ///   - evaluator: the QoE evaluator for this segment.
    /// - Returns: the level, and whether the low-buffer guard chose it (no learning then).
    public mutating func nextLevel(
        throughputBitsPerSecond: Double, latencySeconds: Double, bufferSeconds: Double, playbackRate: Double, currentLevel: Int,
        selector: inout LoLPlusWeightSelector, evaluator: LoLPlusQoEEvaluator
    ) -> (level: Int, downshift: Bool) {
        let throughput = throughputBitsPerSecond
        var throughputNormalized = throughput / normalization
        if throughputNormalized > 1 { throughputNormalized = maxThroughput }
        let latency = latencySeconds / Self.latencyNormalizationSeconds
        let segmentSeconds = selector.segmentSeconds
        let downloadTime = bitrates[currentLevel] * segmentSeconds / throughput
        let rebuffer = max(0, downloadTime - bufferSeconds)
        if bufferSeconds - downloadTime < selector.bufferMinSeconds {
            return (downShiftLevel(from: currentLevel, throughputBitsPerSecond: throughput), true)
        }
        if weights == nil { weights = sortedCenters[sortedCenters.count - 1] }
        let levels = zip(bitrates, neurons).map { (bitsPerSecond: $0, latency: $1.latency) }
        if let found = selector.findWeights(
            levels: levels, latencySeconds: latencySeconds, bufferSeconds: bufferSeconds, throughputBitsPerSecond: throughput,
            playbackRate: playbackRate, evaluator: evaluator)
        {
            weights = found
        }
        let target = [throughputNormalized, 0, 0, 0]
        let minBitrate = bitrates.min() ?? 0
        var minDistance: Double?
        var winner = 0
        for (i, neuron) in neurons.enumerated() {
            var distanceWeights = weights ?? []
            let next = selector.nextBuffer(bitsPerSecond: bitrates[i], bufferSeconds: bufferSeconds, throughputBitsPerSecond: throughput)
            let isBufferLow = next < selector.bufferMinSeconds
            if bitrates[i] > throughput - Self.throughputDeltaBitsPerSecond || isBufferLow, bitrates[i] != minBitrate {
                distanceWeights[0] = Self.discouragedThroughputWeight
            }
            let distance = Self.distance(neuron.vector, target, weights: distanceWeights)
            if minDistance.map({ distance < $0 }) ?? true {
                minDistance = distance
                winner = i
            }
        }
        let bitrateSwitch = abs(bitrates[currentLevel] - bitrates[winner]) / normalization
        updateNeurons(around: currentLevel, towards: [throughputNormalized, latency, rebuffer, bitrateSwitch])
        updateNeurons(around: winner, towards: [throughputNormalized, 0, 0, bitrateSwitch])
        return (winner, false)
    }

    /// dash.js `_updateNeurons`: each neuron in order moves towards `x` by the learning rate × its
    /// neighbourhood to the centre neuron (whose state may already have moved).
    ///
    /// - Parameters:
    ///   - centre: the index of the neuron the neighbourhood is centred on.
    ///   - x: the state to move towards.
    public mutating func updateNeurons(around centre: Int, towards x: [Double]) {
        let ones = [1.0, 1, 1, 1]
        for i in neurons.indices {
            let delta = Self.distance(neurons[i].vector, neurons[centre].vector, weights: ones)
            let h = Double.exp(-1 * (delta * delta) / (2 * (Self.neighbourhoodSigma * Self.neighbourhoodSigma)))
            let rate = Self.learningRate
            neurons[i].throughput = neurons[i].throughput + (x[0] - neurons[i].throughput) * rate * h
            neurons[i].latency = neurons[i].latency + (x[1] - neurons[i].latency) * rate * h
            neurons[i].rebuffer = neurons[i].rebuffer + (x[2] - neurons[i].rebuffer) * rate * h
            neurons[i].switchSize = neurons[i].switchSize + (x[3] - neurons[i].switchSize) * rate * h
        }
    }

    /// dash.js `_getDownShiftNeuron`: the highest level below `level` whose bitrate is under the
    /// throughput, or `level` itself.
    func downShiftLevel(from level: Int, throughputBitsPerSecond: Double) -> Int {
        var best = 0.0
        var result = level
        for (i, bitrate) in bitrates.enumerated() where bitrate < bitrates[level] && bitrate > best && throughputBitsPerSecond > bitrate {
            best = bitrate
            result = i
        }
        return result
    }
}
