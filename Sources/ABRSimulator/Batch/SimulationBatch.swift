/// Runs every trace × policy session, in parallel, with results in a fixed order.
///
/// Sessions are independent values, so they run on any thread; each result is written to its own
/// slot, and the output order is (trace, policy) whatever the number of workers, so reports are
/// byte-identical for any `jobs`.
public struct SimulationBatch: Sendable {
    public var video: Video
    public var traces: [BandwidthTrace]
    public var policies: [PolicyCatalog.Entry]
    public var configuration: PlayerConfiguration
    public var qoe: QoEModel
    /// Plays every session as live (``LiveSession``) when set; video on demand when `nil`.
    public var live: LiveConfiguration?

    public init(
        video: Video, traces: [BandwidthTrace], policies: [PolicyCatalog.Entry], configuration: PlayerConfiguration = .init(), qoe: QoEModel = .linear,
        live: LiveConfiguration? = nil
    ) {
        self.video = video
        self.traces = traces
        self.policies = policies
        self.configuration = configuration
        self.qoe = qoe
        self.live = live
    }

    /// Checks the configuration and QoE model against the video once, before any session runs.
    public func validate() throws(ModelError) {
        try configuration.validate(for: video)
        try live?.validate(for: video, player: configuration)
        try qoe.validate(for: video)
    }

    /// Runs all sessions on up to `jobs` threads.
    ///
    /// - Returns: one result per trace × policy, ordered by trace then policy.
    public func run(jobs: Int) throws(ModelError) -> [SessionResult] {
        try validate()
        return ParallelMap.run(count: traces.count * policies.count, jobs: jobs) { i in
            runOne(trace: traces[i / policies.count], entry: policies[i % policies.count])
        }
    }

    /// One session of `entry`'s policy over `trace`; a policy failure ends the session and is in its result.
    public func runOne(trace: BandwidthTrace, entry: PolicyCatalog.Entry) -> SessionResult {
        let policy = AnyPolicy(entry.make(PolicySetup(video: video, trace: trace, configuration: configuration, qoe: qoe)))
        if let live {
            var session: LiveSession<AnyPolicy>
            do {
                session = try LiveSession(video: video, trace: trace, policy: policy, configuration: configuration, live: live, qoe: qoe)
            } catch {
                preconditionFailure("validated before the batch started: \(error)")
            }
            return session.run()
        }
        var session: PlaybackSession<AnyPolicy>
        do {
            session = try PlaybackSession(
                video: video, trace: trace, policy: policy,
                configuration: configuration, qoe: qoe)
        } catch {
            preconditionFailure("validated before the batch started: \(error)")
        }
        return session.run()
    }
}

/// A policy behind an existential, so one session type serves every catalog entry.
public struct AnyPolicy: ABRPolicy {
    public var base: any ABRPolicy
    public init(_ base: any ABRPolicy) { self.base = base }
    public var name: String { base.name }
    public mutating func decide(_ context: DecisionContext) -> Decision { base.decide(context) }
    public mutating func didDownload(_ record: DownloadRecord, context: DecisionContext) { base.didDownload(record, context: context) }
    public mutating func abandon(_ progress: DownloadProgress, context: DecisionContext) -> Int? { base.abandon(progress, context: context) }
    public var failure: PolicyFailure? { base.failure }
}

extension SimulationBatch {
    /// The batch's video, policies and settings over trace files that `load` reads one at a time
    /// (``traces`` is not used): what `abrkit simulate` streams.
    public func sweep(tracePaths: [String], load: @escaping @Sendable (String) throws -> BandwidthTrace) -> SessionSweep<BandwidthTrace> {
        let batch = self
        return SessionSweep(
            tracePaths: tracePaths, policyCount: policies.count, load: load,
            play: { trace, _, p in SweepOutcome(result: batch.runOne(trace: trace, entry: batch.policies[p])) })
    }
}
