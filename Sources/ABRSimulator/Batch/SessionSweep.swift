/// One session of a sweep as written out: the shared result and the model's own extra CSV values.
public struct SweepOutcome: Sendable {
    public var result: SessionResult
    /// Values of the model's extra `sessions.csv` columns (empty for the default model).
    public var extraValues: [String]

    public init(result: SessionResult, extraValues: [String] = []) {
        self.result = result
        self.extraValues = extraValues
    }
}

/// Every trace file × policy, read and played lazily, handed out in (trace, policy) order.
///
/// Session `k` plays policy `k % policyCount` over trace `k / policyCount`. A trace is read by the
/// first worker that needs it and dropped when its last session has it, so a sweep over a million
/// files holds only the traces of the sessions in flight.
public struct SessionSweep<Trace: Sendable>: Sendable {
    public var tracePaths: [String]
    public var policyCount: Int
    /// Reads (and prepares) one trace file; its error ends the sweep at that trace's first session.
    public var load: @Sendable (_ path: String) throws -> Trace
    /// Plays one policy over one trace.
    public var play: @Sendable (_ trace: Trace, _ path: String, _ policy: Int) throws -> SweepOutcome

    public init(
        tracePaths: [String], policyCount: Int, load: @escaping @Sendable (String) throws -> Trace,
        play: @escaping @Sendable (Trace, String, Int) throws -> SweepOutcome
    ) {
        precondition(policyCount > 0, "a sweep needs a policy")
        self.tracePaths = tracePaths
        self.policyCount = policyCount
        self.load = load
        self.play = play
    }

    /// Sessions in the whole sweep.
    public var sessionCount: Int { tracePaths.count * policyCount }

    /// Plays the sessions in `range` on up to `jobs` threads and calls `consume(k, outcome)` in
    /// order of `k`, on the calling thread.
    ///
    /// - Throws: the first error in session order (a trace that cannot be read, a model error),
    ///   or what `consume` throws; outcomes after it are not consumed.
    public func run(sessions range: Range<Int>, jobs: Int, window: Int? = nil, consume: (Int, SweepOutcome) throws -> Void) throws {
        precondition(range.lowerBound >= 0 && range.upperBound <= sessionCount, "sessions \(range) outside 0..<\(sessionCount)")
        let perTrace = policyCount
        let cache = TraceCache<Trace>(uses: { t in
            (max(range.lowerBound, t * perTrace)..<min(range.upperBound, (t + 1) * perTrace)).count
        })
        let sweep = self
        try OrderedStream.run(
            count: range.count, jobs: jobs, window: window ?? max(1, jobs) * OrderedStream.defaultWindowPerJob,
            produce: { k -> Result<SweepOutcome, any Error> in
                let session = range.lowerBound + k
                let t = session / perTrace
                return Result {
                    let trace = try cache.take(t) { try sweep.load(sweep.tracePaths[t]) }
                    return try sweep.play(trace, sweep.tracePaths[t], session % perTrace)
                }
            },
            consume: { k, outcome in try consume(range.lowerBound + k, outcome.get()) })
    }
}

/// Traces shared by the sessions that play them: loaded once, outside the lock, and released
/// after their last use.
private final class TraceCache<Trace: Sendable>: @unchecked Sendable {
    private enum Entry {
        case loading
        case loaded(Result<Trace, any Error>, remaining: Int)
    }

    private let condition = Condition()
    private let uses: (Int) -> Int
    private var entries: [Int: Entry] = [:]

    init(uses: @escaping (Int) -> Int) { self.uses = uses }

    /// Trace `index`, loading it with `load` when no other worker has (others wait for that one).
    func take(_ index: Int, load: () throws -> Trace) throws -> Trace {
        condition.lock()
        while case .loading = entries[index] { condition.wait() }
        if entries[index] == nil {
            entries[index] = .loading
            condition.unlock()
            let loaded = Result { try load() }
            condition.lock()
            entries[index] = .loaded(loaded, remaining: uses(index))
            condition.broadcast()
        }
        guard case .loaded(let result, let remaining) = entries[index] else { preconditionFailure("trace \(index) is loaded here") }
        entries[index] = remaining > 1 ? .loaded(result, remaining: remaining - 1) : nil
        condition.unlock()
        return try result.get()
    }
}
