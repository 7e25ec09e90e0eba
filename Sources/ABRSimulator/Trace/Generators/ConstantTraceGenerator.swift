/// A link of fixed bandwidth: the simplest oracle for a simulator (every download time is bits ÷ rate).
public struct ConstantTraceGenerator: TraceGenerator, Hashable {
    public var bitsPerSecond: Double
    public var durationSeconds: Double

    public init(bitsPerSecond: Double, durationSeconds: Double) {
        precondition(bitsPerSecond > 0 && durationSeconds > 0, "a constant trace needs a positive rate and duration")
        self.bitsPerSecond = bitsPerSecond
        self.durationSeconds = durationSeconds
    }

    public func periods(seed: UInt64) -> [TracePeriod] {
        [TracePeriod(durationSeconds: durationSeconds, bitsPerSecond: bitsPerSecond)]
    }

    public var summary: String { "constant \(describeRate(bitsPerSecond)) for \(trimmed(durationSeconds)) s" }
}
