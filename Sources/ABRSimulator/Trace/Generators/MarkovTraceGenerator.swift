/// A Markov-modulated link: a hidden state (poor, fair, good, …) that moves between neighbouring
/// states, each with its own mean bandwidth, plus correlated noise around that mean.
///
/// Time runs in steps of `stepSeconds`. In each step the chain leaves its state with probability
/// `stepSeconds ÷ meanDwellSeconds` (a geometric dwell, the discrete-time counterpart of the
/// exponential dwell of a continuous-time chain, with the requested mean), moving to the state
/// below or above with equal chance (a birth–death chain, so the rate changes gradually, as a
/// phone moving between cells does, never from best to worst in one step). The step's bandwidth
/// is `mean × max(0, 1 + cv × z)`, where `z` is an AR(1) process with unit variance and lag-1
/// correlation `noiseCorrelation`, driven by `SplitMix64.nextApproximateNormal()`; it is rounded to
/// whole kbit/s so the cooked files print short and read back exactly. In the long run, the
/// share of time in a state is proportional to its dwell times its number of neighbours.
///
/// Uses only `+ − × ÷` and `squareRoot()`, which IEEE 754 rounds exactly, so the output is
/// bit-identical on every platform (no `log` or `exp`, which differ between C libraries).
public struct MarkovTraceGenerator: TraceGenerator, Hashable {
    /// One state of the chain.
    public struct State: Hashable, Sendable {
        public var meanBitsPerSecond: Double
        public var meanDwellSeconds: Double

        public init(meanBitsPerSecond: Double, meanDwellSeconds: Double) {
            self.meanBitsPerSecond = meanBitsPerSecond
            self.meanDwellSeconds = meanDwellSeconds
        }
    }

    /// A label for the summary, e.g. "3G-like".
    public var label: String
    /// The states, ordered by mean bandwidth; moves go to a neighbour in this order.
    public var states: [State]
    /// Coefficient of variation of the noise within a state (standard deviation ÷ mean).
    public var coefficientOfVariation: Double
    /// Lag-1 correlation of the noise between steps, in `[0, 1)`.
    public var noiseCorrelation: Double
    public var durationSeconds: Double
    public var stepSeconds: Double

    public init(
        label: String, states: [State], coefficientOfVariation: Double, noiseCorrelation: Double,
        durationSeconds: Double, stepSeconds: Double = 1
    ) {
        precondition(!states.isEmpty && states.contains { $0.meanBitsPerSecond > 0 }, "a Markov trace needs a state with bandwidth")
        precondition(states.allSatisfy { $0.meanBitsPerSecond >= 0 && $0.meanDwellSeconds >= stepSeconds }, "dwell must be ≥ one step")
        precondition(coefficientOfVariation >= 0 && (0..<1).contains(noiseCorrelation), "cv ≥ 0 and correlation in [0, 1)")
        precondition(durationSeconds >= stepSeconds && stepSeconds > 0, "duration must cover at least one step")
        self.label = label
        self.states = states
        self.coefficientOfVariation = coefficientOfVariation
        self.noiseCorrelation = noiseCorrelation
        self.durationSeconds = durationSeconds
        self.stepSeconds = stepSeconds
    }

    public func periods(seed: UInt64) -> [TracePeriod] {
        var rng = SplitMix64(seed: seed)
        let steps = Int((durationSeconds / stepSeconds).rounded())
        let innovationScale = (1 - noiseCorrelation * noiseCorrelation).squareRoot()
        var state = Int(rng.nextUnit() * Double(states.count))
        var noise = rng.nextApproximateNormal()
        var periods: [TracePeriod] = []
        periods.reserveCapacity(steps)
        for _ in 0..<steps {
            let mean = states[state].meanBitsPerSecond
            let kbps = (mean * max(0, 1 + coefficientOfVariation * noise) / 1000).rounded()
            periods.append(TracePeriod(durationSeconds: stepSeconds, bitsPerSecond: kbps * 1000))
            // Advance the chain and the noise for the next step.
            if states.count > 1, rng.nextUnit() < stepSeconds / states[state].meanDwellSeconds {
                if state == 0 { state = 1 } else if state == states.count - 1 { state -= 1 } else { state += rng.nextUnit() < 0.5 ? -1 : 1 }
            }
            noise = noiseCorrelation * noise + innovationScale * rng.nextApproximateNormal()
        }
        return periods
    }

    public var summary: String {
        let means = states.map { trimmed($0.meanBitsPerSecond / 1_000_000) }.joined(separator: ", ")
        let dwells = states.map { trimmed($0.meanDwellSeconds) }.joined(separator: ", ")
        return "Markov \(label): state means \(means) Mbit/s, mean dwell \(dwells) s, noise cv \(trimmed(coefficientOfVariation)) "
            + "corr \(trimmed(noiseCorrelation)), \(trimmed(stepSeconds))-s steps for \(trimmed(durationSeconds)) s"
    }
}
