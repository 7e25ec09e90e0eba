/// The offline optimum as a policy: it plans the whole session at creation, knowing the trace,
/// and replays the plan.
///
/// Not an ABR algorithm (no player knows the future) but the yardstick reports show next to each
/// trace's results: see `OptimalPlanner` for the dynamic programme and its discretisation. The
/// plan is exact for the session it was made for (same video, trace, player and QoE); it never
/// abandons, so abandonment checks change nothing.
public struct OptimalPolicy: ABRPolicy {
    /// 50 ms: Pensieve `sim/dp.cc`'s `DT`, the planner's time and buffer quantum.
    public static let defaultBinSeconds = 0.05

    public var name: String { "optimal" }
    /// The planned level of every segment.
    public let plan: [Int]
    /// The plan's QoE as the planner computed it (the session's QoE when replayed in the same setup).
    public let plannedQoE: Double

    /// Plans the session described by `setup`.
    ///
    /// - Complexity: see `OptimalPlanner.solve()`; about a second for 600 segments × 10 levels.
    public init(setup: PolicySetup, binSeconds: Double = OptimalPolicy.defaultBinSeconds, prunesDominated: Bool = true) {
        let planner = OptimalPlanner(
            video: setup.video, trace: setup.trace, configuration: setup.configuration, qoe: setup.qoe,
            binSeconds: binSeconds, prunesDominated: prunesDominated)
        (plan, plannedQoE) = planner.solve()
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        precondition(plan.indices.contains(context.segmentIndex), "the optimal plan was made for a different video")
        return Decision(level: plan[context.segmentIndex], reason: DecisionReason("optimal.plan", "planned_qoe", plannedQoE))
    }
}
