import ABRFormats
import ABRReference
import ABRSimulator
import ArgumentParser
import Foundation
import Reporting

/// `abrkit simulate`: play a video over traces under policies, print a comparison, write CSVs.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate ABR playback of a video over network traces and compare policies.",
        discussion: """
            Plays every trace × policy session (in parallel; output is identical for any --jobs) and prints \
            one row per policy: sessions, mean and median QoE, QoE per segment, average bitrate, rebuffer \
            ratio, switches, startup delay and GB per hour. With --out, writes sessions.csv and segments.csv.

            Examples:
              abrkit simulate --video ../shared/data/videos/pensieve-envivo --traces traces --policy bba,bola
              abrkit simulate --video out/ladder.json --traces traces/lte-like-01.txt --qoe log --out results
            """
    )

    @OptionGroup var input: SimulationInputOptions
    @OptionGroup var player: PlayerOptions

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp(
            "Policies, comma-separated or repeated (default: every policy of the model). Default model: \(PolicyCatalog.names.joined(separator: ", ")); "
                + "pensieve: \(PensievePolicyKind.allCases.map(\.rawValue).joined(separator: ", ")); sabre: \(SabrePolicyKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "names"))
    var policy: [String] = []

    @Option(
        help: ArgumentHelp(
            "A program to use as policy 'external': it reads one JSON request per line on stdin and answers one JSON reply per line "
                + "(docs/external-policy.md). Split on spaces, no shell quoting.", valueName: "command"))
    var externalCommand: String?

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for each reply of the external policy (more than 0, at most \(Int(ExternalPolicy.maximumTimeoutSeconds))).", valueName: "s"))
    var externalTimeout: Double = ExternalPolicy.defaultTimeoutSeconds

    @Option(
        help: ArgumentHelp(
            "Simulator: default (abrkit's exact event model), or a reference model that reproduces a published simulator: "
                + "pensieve (Pensieve's fixed_env.py, cooked traces) or sabre (sabre.py).", valueName: "model"))
    var model: SimulatorModel = .default

    @Option(help: "QoE model: \(QoEModel.Utility.allCases.map(\.rawValue).joined(separator: ", ")).")
    var qoe: QoEModel.Utility = .linear

    // `.unconditional`: `--data-cap -1` reaches validate() instead of argument-parser's "Missing value".
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Data saver: keep every session within this many GB per hour of viewing (any policy).", valueName: "GB/h"))
    var dataCap: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Scale each trace period's bandwidth by a factor drawn uniformly from 1 ± this (0 = the traces as recorded).", valueName: "fraction")
    )
    var bandwidthNoise: Double = 0

    @Option(help: "Seed for --bandwidth-noise; the same seed gives byte-identical output.")
    var seed: UInt64 = 1

    @Option(help: "Parallel sessions (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Write sessions.csv, segments.csv and run.json into this folder (replaced as a whole, docs/formats.md).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("The per-segment table with --out: csv, or none for large sweeps that need only sessions.csv.", valueName: "csv|none"))
    var segments: SegmentTable = .csv

    func validate() throws {
        if model != .default, player.isCustomized {
            throw ValidationError(
                "--max-buffer, --startup and --abandonment-check apply to the default model; --model \(model.rawValue) uses its simulator's own constants")
        }
        if model != .default, dataCap != nil || bandwidthNoise > 0 {
            throw ValidationError("--data-cap and --bandwidth-noise apply to the default model only")
        }
        if let externalCommand, externalCommand.split(separator: " ").isEmpty { throw ValidationError("--external-command is empty") }
        guard externalTimeout > 0, externalTimeout <= ExternalPolicy.maximumTimeoutSeconds else {  // false for NaN too
            throw ValidationError(
                "--external-timeout must be a positive number of seconds, at most \(Int(ExternalPolicy.maximumTimeoutSeconds)) (one day), got \(externalTimeout)"
            )
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard bandwidthNoise >= 0, bandwidthNoise < 1 else { throw ValidationError("--bandwidth-noise must be in [0, 1), got \(bandwidthNoise)") }
        if let dataCap, !(dataCap > 0 && dataCap.isFinite) { throw ValidationError("--data-cap must be a positive number of GB per hour, got \(dataCap)") }
        switch model {
        case .default: _ = try policyEntries()
        case .pensieve: _ = try named(PensievePolicyKind.allCases.map(\.rawValue)) { PensievePolicyKind(name: $0) }
        case .sabre: _ = try named(SabrePolicyKind.allCases.map(\.rawValue)) { SabrePolicyKind(rawValue: $0) }
        }
    }

    /// The external program as a catalog entry, when --external-command is given.
    var externalEntry: PolicyCatalog.Entry? {
        guard let externalCommand else { return nil }
        let command = externalCommand.split(separator: " ").map(String.init)
        let timeout = externalTimeout
        return PolicyCatalog.Entry(name: "external", summary: "external program: \(externalCommand)") {
            ExternalPolicy(command: command, timeoutSeconds: timeout)
        }
    }

    /// The policy names given, split on commas, in order, without repeats.
    var policyNames: [String] {
        var seen = Set<String>()
        return policy.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// A reference model's policies named by --policy (all of them when none is named).
    func named<P>(_ all: [String], _ make: (String) -> P?) throws -> [P] {
        try (policyNames.isEmpty ? all : policyNames).map { name in
            guard let p = make(name.lowercased()) else {
                throw ValidationError("--model \(model.rawValue) has no policy '\(name)'; expected one of \(all.joined(separator: ", "))")
            }
            return p
        }
    }

    /// The catalog entries named by --policy, in the order given, without repeats.
    func policyEntries() throws -> [PolicyCatalog.Entry] {
        guard !policyNames.isEmpty else { return externalEntry.map { [$0] } ?? PolicyCatalog.entries }
        var seen = Set<String>()
        var entries: [PolicyCatalog.Entry] = []
        for name in policyNames {
            if name == "external" {
                guard let externalEntry else { throw ValidationError("--policy external needs --external-command, the program to run") }
                if seen.insert(name).inserted { entries.append(externalEntry) }
                continue
            }
            guard let entry = PolicyCatalog.entry(named: name) else {
                throw ValidationError(
                    "unknown policy '\(name)'; expected one of \(PolicyCatalog.names.joined(separator: ", ")) (aliases: \(PolicyCatalog.aliases.keys.sorted().joined(separator: ", ")))"
                )
            }
            if seen.insert(entry.name).inserted { entries.append(entry) }
        }
        return entries
    }

    func run() throws {
        // Locked and checked before any work: an unwritable or busy --out fails at once.
        let results = try out.map { out throws(FormatError) in try ResultSetWriter(target: out) }
        let video = try input.readVideo()
        if model == .default {
            // The player's settings against this video (a segment longer than the buffer), naming the file.
            do { try player.configuration().validate(for: video) } catch let error as ModelError { throw CLIError("\(input.video): \(error.message)") }
        }
        let run: ReferenceModelRun
        switch model {
        case .default:
            var traces = try input.readTraces()
            if bandwidthNoise > 0 {
                do { traces = try traces.map { trace throws(ModelError) in try trace.perturbed(relativeNoise: bandwidthNoise, seed: seed) } } catch {
                    throw CLIError(error.message)
                }
            }
            var entries = try policyEntries()
            if let dataCap { entries = entries.map { $0.capped(gbPerHour: dataCap) } }
            let batch = SimulationBatch(video: video, traces: traces, policies: entries, configuration: try player.configuration(), qoe: QoEModel(qoe))
            do { run = ReferenceModelRun(results: try batch.run(jobs: jobs), extraColumns: [], extraValues: []) } catch { throw CLIError(error.message) }
        case .pensieve:
            run = try ReferenceModelRun.pensieve(
                video: video, tracePaths: input.traces, policies: named(PensievePolicyKind.allCases.map(\.rawValue)) { PensievePolicyKind(name: $0) },
                qoe: qoe, jobs: jobs)
        case .sabre:
            run = try ReferenceModelRun.sabre(
                video: video, traces: try input.readTraces(), policies: named(SabrePolicyKind.allCases.map(\.rawValue)) { SabrePolicyKind(rawValue: $0) },
                jobs: jobs)
        }
        let failures = run.results.compactMap(\.failure)
        if !failures.isEmpty {
            for (result, failure) in run.results.compactMap({ r in r.failure.map { (r, $0) } }) {
                FileHandle.standardError.write(Data("error: over \(result.traceName): \(failure)\n".utf8))
            }
            throw CLIError("\(failures.count) of \(run.results.count) sessions failed; no results written")
        }
        if let (result, field) = run.results.lazy.compactMap({ r in r.metrics.nonFiniteFields.first.map { (r, $0) } }).first {
            throw CLIError("over \(result.traceName), \(result.policyName): \(field) is not a finite number; no results written (an input beyond ModelLimits?)")
        }
        let traceCount = Set(run.results.map(\.traceName)).count
        print(SimulationReport.table(run.results, video: video, traceCount: traceCount, qoe: qoe, dataCap: dataCap, model: model.rawValue), terminator: "")
        if let results, let out {
            try write(run, into: results)
            FileHandle.standardError.write(Data("wrote \(out)/sessions.csv\(segments == .csv ? " and \(out)/segments.csv" : "")\n".utf8))
        }
    }

    /// Streams the tables into the result set (a buffer's worth in memory at a time) and commits it.
    private func write(_ run: ReferenceModelRun, into results: ResultSetWriter) throws {
        var csv = CSVBuffer()
        let sessions = try results.startFile("sessions.csv")
        csv.row(ResultsCSV.sessionColumns + run.extraColumns)
        ResultsCSV.appendSessions(run.results, extraValues: run.extraValues, to: &csv)
        try results.finish(sessions, &csv)
        if segments == .csv {
            let file = try results.startFile("segments.csv")
            csv.row(ResultsCSV.segmentColumns)
            for result in run.results {
                ResultsCSV.appendSegments(of: result, to: &csv)
                try file.drain(&csv)
            }
            try results.finish(file, &csv)
        }
        try results.commit()
    }
}

/// Whether `--out` gets the per-segment table.
enum SegmentTable: String, CaseIterable, ExpressibleByArgument {
    case csv, none
}

/// Which simulator plays the sessions.
enum SimulatorModel: String, CaseIterable, ExpressibleByArgument {
    case `default`, pensieve, sabre
}
