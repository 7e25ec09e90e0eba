import ABRFormats
import ABRSimulator
import Foundation

/// Runs `--model pensieve` or `--model sabre` over every trace × policy, in parallel, and returns
/// results in the shared form plus the model's own metrics as extra CSV columns.
public struct ReferenceModelRun: Sendable {
    public var results: [SessionResult]
    /// Columns the model adds to `sessions.csv` (its own published metrics).
    public var extraColumns: [String]
    /// One row of `extraColumns` values per result.
    public var extraValues: [[String]]

    public init(results: [SessionResult], extraColumns: [String] = [], extraValues: [[String]] = []) {
        self.results = results; self.extraColumns = extraColumns; self.extraValues = extraValues
    }

    /// Pensieve's `fixed_env.py` with `bb.py` / `mpc.py`: cooked traces read as written (exact samples).
    public static func pensieve(video: Video, tracePaths: [String], policies: [PensievePolicyKind], qoe: QoEModel.Utility, jobs: Int) throws
        -> ReferenceModelRun
    {
        var configuration = PensieveConfiguration()
        switch qoe {
        case .linear: break
        case .hd: configuration.qoe = .hd
        default: throw ModelError(.invalidConfiguration, "--model pensieve scores with Pensieve's linear or hd QoE, not '\(qoe.rawValue)'")
        }
        let files = try tracePaths.flatMap { path throws(FormatError) in try TraceReader.files(at: path) }
        let traces = try files.map { path throws(FormatError) -> (String, PensieveTrace) in
            let (times, mbps) = try CookedTrace.samples(path: path)
            do throws(ModelError) {
                return (URL(fileURLWithPath: path).lastPathComponent, try PensieveTrace(times: times, mbps: mbps))
            } catch {
                throw FormatError(error, path: path)
            }
        }
        let count = traces.count * policies.count
        let settings = configuration
        let runs: [(SessionResult, PensieveSummary)] = try ParallelMap.run(count: count, jobs: jobs) {
            i throws(ModelError) -> (SessionResult, PensieveSummary) in
            let (name, trace) = traces[i / policies.count]
            let policy = policies[i % policies.count]
            let run = try PensieveModel.run(trace: trace, video: video, policy: policy, configuration: settings)
            return (run.sessionResult(traceName: name, policyName: policy.rawValue, video: video), run.summary)
        }
        return ReferenceModelRun(
            results: runs.map { $0.0 }, extraColumns: ["pensieve_reward_chunks_2_to_48"],
            extraValues: runs.map { [NumberFormat.decimal($0.1.publishedReward)] })
    }

    /// sabre.py with its defaults; Sabre's printed metrics become `sabre_*` columns.
    public static func sabre(video: Video, traces: [BandwidthTrace], policies: [SabrePolicyKind], jobs: Int) throws -> ReferenceModelRun {
        let count = traces.count * policies.count
        let runs: [(SessionResult, SabreMetrics)] = try ParallelMap.run(count: count, jobs: jobs) { i throws(ModelError) -> (SessionResult, SabreMetrics) in
            let trace = traces[i / policies.count]
            let policy = policies[i % policies.count]
            let run = try SabreModel.run(network: trace.periods, video: video, policy: policy)
            return (run.sessionResult(traceName: trace.name, policyName: policy.rawValue, video: video), run.metrics)
        }
        var names: [String] = []
        for (_, metrics) in runs { for column in metrics.columns where !names.contains(column.name) { names.append(column.name) } }
        let values = runs.map { _, metrics in
            let byName = Dictionary(metrics.columns.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            return names.map { byName[$0].map { NumberFormat.decimal($0) } ?? "" }
        }
        return ReferenceModelRun(results: runs.map { $0.0 }, extraColumns: names.map { "sabre_" + $0 }, extraValues: values)
    }
}
