/// A recipe for a bandwidth trace: a pure function of its parameters and a seed.
///
/// Generators never touch a clock or a global random source, so the same parameters and seed
/// give the same periods on every machine; `abrkit traces generate` relies on that to recreate
/// `traces/` byte for byte.
public protocol TraceGenerator: Sendable {
    /// The periods of one loop of the trace.
    func periods(seed: UInt64) -> [TracePeriod]
    /// The generator's kind and parameters in one line, with units, for `traces/README.md`.
    var summary: String { get }
}

extension TraceGenerator {
    /// The generated trace.
    ///
    /// - Throws: `ModelError` when the parameters produce an invalid trace (for example zero bandwidth everywhere).
    public func trace(name: String, seed: UInt64) throws(ModelError) -> BandwidthTrace {
        try BandwidthTrace(name: name, periods: periods(seed: seed))
    }
}

/// Prints a bandwidth in the unit a reader expects: "750 kbit/s", "2.5 Mbit/s".
func describeRate(_ bitsPerSecond: Double) -> String {
    bitsPerSecond < 1_000_000 ? "\(trimmed(bitsPerSecond / 1000)) kbit/s" : "\(trimmed(bitsPerSecond / 1_000_000)) Mbit/s"
}

/// `2` rather than `2.0`.
func trimmed(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
