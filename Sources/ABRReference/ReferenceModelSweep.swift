import ABRFormats
import ABRSimulator
import Foundation

/// `--model pensieve` and `--model sabre` as sweeps: each trace file read when its first session
/// needs it, each session's result in the shared form plus the model's own metrics as extra
/// `sessions.csv` columns.
public enum ReferenceModelSweep {
    /// Pensieve's `fixed_env.py` with `bb.py` / `mpc.py`: cooked traces read as written (exact samples).
    public static func pensieve(video: Video, tracePaths: [String], policies: [PensievePolicyKind], qoe: QoEModel.Utility) throws(ModelError)
        -> (sweep: SessionSweep<PensieveTrace>, extraColumns: [String])
    {
        var configuration = PensieveConfiguration()
        switch qoe {
        case .linear: break
        case .hd: configuration.qoe = .hd
        default: throw ModelError(.invalidConfiguration, "--model pensieve scores with Pensieve's linear or hd QoE, not '\(qoe.rawValue)'")
        }
        try configuration.validate(for: video)
        let settings = configuration
        let sweep = SessionSweep<PensieveTrace>(
            tracePaths: tracePaths, policyCount: policies.count,
            load: { path in
                let (times, mbps) = try CookedTrace.samples(path: path)
                do throws(ModelError) { return try PensieveTrace(times: times, mbps: mbps) } catch { throw FormatError(error, path: path) }
            },
            play: { trace, path, p in
                let run = try PensieveModel.run(trace: trace, video: video, policy: policies[p], configuration: settings)
                return SweepOutcome(
                    result: run.sessionResult(traceName: URL(fileURLWithPath: path).lastPathComponent, policyName: policies[p].rawValue, video: video),
                    extraValues: [NumberFormat.decimal(run.summary.publishedReward)])
            })
        return (sweep, ["pensieve_reward_chunks_2_to_48"])
    }

    /// sabre.py with its defaults; Sabre's printed metrics become `sabre_*` columns.
    public static func sabre(video: Video, tracePaths: [String], format: TraceFormat?, policies: [SabrePolicyKind]) throws(ModelError)
        -> (sweep: SessionSweep<(name: String, network: SabreNetwork)>, extraColumns: [String])
    {
        // The columns every session can print, in order of first appearance across the policies;
        // a session's row leaves the ones it does not print empty.
        var names: [String] = []
        for policy in policies {
            let own = (try SabreModel.printsBolaBuffer(policy, video: video) ? [SabreMetrics.bolaBufferColumn] : []) + SabreMetrics.columnNames
            for name in own where !names.contains(name) { names.append(name) }
        }
        let columns = names
        // Converted once: the movie for the sweep, each network when its trace is read.
        let movie = try SabreMovie(video: video)
        let sweep = SessionSweep<(name: String, network: SabreNetwork)>(
            tracePaths: tracePaths, policyCount: policies.count,
            load: { path in
                let trace = try TraceReader.read(path: path, format: format)
                do throws(ModelError) { return (trace.name, try SabreNetwork(tracePeriods: trace.periods)) } catch { throw FormatError(error, path: path) }
            },
            play: { trace, _, p in
                let run = try SabreModel.run(network: trace.network, movie: movie, policy: policies[p])
                let byName = Dictionary(run.metrics.columns.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
                return SweepOutcome(
                    result: run.sessionResult(traceName: trace.name, policyName: policies[p].rawValue, video: video),
                    extraValues: columns.map { byName[$0].map { NumberFormat.decimal($0) } ?? "" })
            })
        return (sweep, columns.map { "sabre_" + $0 })
    }
}
