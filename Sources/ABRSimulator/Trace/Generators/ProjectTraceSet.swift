/// The traces the project ships in `traces/`: which generator makes each, with which parameters
/// and seed. `abrkit traces generate` writes exactly these.
///
/// 55 traces of 5–10 minutes at 1-s resolution (or coarser where the trace is piecewise
/// constant): constant rates spanning Pensieve's ladder (300–4300 kbit/s) and beyond; steps and
/// on/off outages that isolate one behaviour each; and three Markov-modulated families
/// (3G-, LTE- and broadband-like, see `MarkovTraceGenerator`'s presets) for realistic variety.
public enum ProjectTraceSet {
    /// The seed `abrkit traces generate` uses unless given `--seed`.
    public static let defaultSeed: UInt64 = 20_260_101

    /// One trace of the set.
    public struct Entry: Sendable {
        /// File name in `traces/`.
        public var name: String
        public var generator: any TraceGenerator
        /// The seed this trace is drawn with: `SplitMix64.seed(setSeed, label: name)`.
        public var seed: UInt64
        /// Whether the generator draws random numbers (the seed matters).
        public var isRandom: Bool

        public func trace() throws(ModelError) -> BandwidthTrace { try generator.trace(name: name, seed: seed) }
    }

    /// The whole set, in file-name order.
    public static func entries(seed: UInt64 = defaultSeed) -> [Entry] {
        var entries: [Entry] = []
        func add(_ name: String, _ generator: any TraceGenerator, random: Bool = false) {
            entries.append(Entry(name: name, generator: generator, seed: SplitMix64.seed(seed, label: name), isRandom: random))
        }
        let mega = 1_000_000.0
        for kbps in [300.0, 750, 1200, 2000, 3000, 5000, 10000] {
            add("constant-\(Int(kbps))k", ConstantTraceGenerator(bitsPerSecond: kbps * 1000, durationSeconds: 300))
        }
        let steps: [(String, [Double], Double)] = [
            ("step-up", [0.5, 1, 2, 4, 8], 60),
            ("step-down", [8, 4, 2, 1, 0.5], 60),
            ("step-cliff", [4, 4, 0.5, 0.5, 4], 60),
            ("step-valley", [3, 1, 0.3, 1, 3], 60),
            ("step-spike", [1, 1, 6, 1, 1], 60),
            ("step-alternate", [1, 4, 1, 4, 1, 4, 1, 4, 1, 4], 30),
        ]
        for (name, levels, hold) in steps {
            add(name, StepTraceGenerator(levelsBitsPerSecond: levels.map { $0 * mega }, holdSeconds: hold))
        }
        let outages: [(Double, Double, Double, Int)] = [
            (2, 60, 5, 4), (2, 60, 15, 4), (2, 60, 30, 3), (5, 30, 10, 7), (1, 90, 20, 3), (10, 20, 40, 5),
        ]
        for (mbps, on, off, cycles) in outages {
            add(
                "outage-\(trimmed(mbps))m-\(Int(on))on-\(Int(off))off",
                OutageTraceGenerator(onBitsPerSecond: mbps * mega, onSeconds: on, offSeconds: off, cycles: cycles))
        }
        for i in 1...12 { add("3g-like-\(twoDigits(i))", MarkovTraceGenerator.threeGLike(), random: true) }
        for i in 1...12 { add("lte-like-\(twoDigits(i))", MarkovTraceGenerator.lteLike(), random: true) }
        for tier in [10.0, 25, 50, 100] {
            for i in 1...3 {
                add("broadband-\(Int(tier))m-\(twoDigits(i))", MarkovTraceGenerator.broadbandLike(tierBitsPerSecond: tier * mega), random: true)
            }
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    private static func twoDigits(_ i: Int) -> String { i < 10 ? "0\(i)" : "\(i)" }
}
