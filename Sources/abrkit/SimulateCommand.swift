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
            ratio, switches, startup delay and GB per hour (--format csv or json for scripts). With --out, writes \
            sessions.csv, segments.csv, summary.csv and run.json. Sessions are streamed: each trace is read when needed and each session written and \
            dropped, so memory does not grow with the number of sessions.

            --shard I/N plays one contiguous part of the sessions into OUT/shard-I-of-N; 'abrkit merge' joins \
            the parts into exactly what one run writes. In a Slurm job array or a Kubernetes indexed job the \
            part is taken from the environment (docs/simulation.md, "Sweeps at scale").

            --live replays the video as a live stream joined at the live edge minus --target-latency, with \
            dash.js's playback-rate catch-up (--catchup) and, with --part-seconds, CMAF parts fetched as the \
            encoder produces them; sessions.csv and segments.csv then gain latency and playback-rate columns \
            (docs/simulation.md, "Live and low latency").

            Examples:
              abrkit simulate --video out/ladder.json --traces traces --policy bba,bola
              abrkit simulate --video out/ladder.json --traces traces/lte-like-01 --qoe log --out results
              abrkit simulate --video out/ladder.json --traces traces --shard 0/4 --out quarters
              abrkit simulate --video out/ladder.json --traces traces --live --target-latency 3 --policy throughput,bola
            """
    )

    @OptionGroup var input: SimulationInputOptions
    @OptionGroup var player: PlayerOptions
    @OptionGroup var liveOptions: LiveOptions

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp(
            "Policies, comma-separated or repeated (default: every policy of the model). Default model: \(PolicyCatalog.names.joined(separator: ", ")) "
                + "(and, when named, the low-latency \(PolicyCatalog.lowLatencyEntries.map(\.name).joined(separator: ", "))); "
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

    @Option(
        help:
            "QoE model: \(QoEPreset.allCases.map(\.rawValue).joined(separator: ", ")) (comyco: Comyco's VMAF QoE, on the video's vmaf table unless --quality-metric names another VMAF pooling)."
    )
    var qoe: QoEPreset = .linear

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

    @Option(help: "Parallel sessions; as many as this machine has cores unless given.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Write sessions.csv, segments.csv and run.json into this folder (replaced as a whole, docs/formats.md).", valueName: "dir"))
    var out: String?

    @OptionGroup var sharding: ShardOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Loop the video's segments into a program this long, seconds (as abrkit demo does with its short encode; "
                + "sizes, quality and GB/h stay the measured ones). Default: the video as it is.", valueName: "s"))
    var programSeconds: Double?

    @Option(help: TableFormat.help)
    var format: TableFormat = .text

    @Option(help: ArgumentHelp("The per-segment table with --out: csv, or none for large sweeps that need only sessions.csv.", valueName: "csv|none"))
    var segments: SegmentTable = .csv

    func validate() throws {
        if model != .default, player.isCustomized {
            throw ValidationError(
                "--max-buffer, --startup and --abandonment-check apply to the default model; --model \(model.rawValue) uses its simulator's own constants")
        }
        if model != .default, liveOptions.live { throw ValidationError("--live applies to the default model; --model \(model.rawValue) is video on demand") }
        if liveOptions.live, player.abandonmentCheck != nil { throw ValidationError("--abandonment-check is not modelled in live runs; drop it or --live") }
        if model != .default, dataCap != nil || bandwidthNoise > 0 {
            throw ValidationError("--data-cap and --bandwidth-noise apply to the default model only")
        }
        if let externalCommand, externalCommand.split(separator: " ").isEmpty { throw ValidationError("--external-command is empty") }
        guard externalTimeout > 0, externalTimeout <= ExternalPolicy.maximumTimeoutSeconds else {  // false for NaN too
            throw ValidationError(
                "--external-timeout must be a positive number of seconds, at most \(Int(ExternalPolicy.maximumTimeoutSeconds)) (one day), got \(externalTimeout)"
            )
        }
        if qoe == .comyco, model != .default {
            throw ValidationError("--qoe comyco applies to the default model; --model \(model.rawValue) scores with its own QoE")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard bandwidthNoise >= 0, bandwidthNoise < 1 else { throw ValidationError("--bandwidth-noise must be in [0, 1), got \(bandwidthNoise)") }
        if let dataCap, !(dataCap > 0 && dataCap.isFinite) { throw ValidationError("--data-cap must be a positive number of GB per hour, got \(dataCap)") }
        if let programSeconds, !(programSeconds > 0 && programSeconds <= Video.maximumLoopedSeconds) {
            throw ValidationError(
                "--program-seconds \(programSeconds): expected a positive number of seconds, at most \(NumberFormat.shortest(Video.maximumLoopedSeconds)) (one day)"
            )
        }
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
                    "unknown policy '\(name)'; expected one of \(PolicyCatalog.allNames.joined(separator: ", ")) (aliases: \(PolicyCatalog.aliases.keys.sorted().joined(separator: ", ")))"
                )
            }
            if seen.insert(entry.name).inserted { entries.append(entry) }
        }
        return entries
    }

    func run() throws {
        let part = try sharding.resolve()
        if let part, part.source != "--shard" {
            FileHandle.standardError.write(Data("shard \(part.shard.description) (from \(part.source))\n".utf8))
        }
        // A shard writes below --out, so every task of an array can be given the same command line.
        let target = out.map { out in part.map { out + "/" + $0.shard.folderName } ?? out }
        // Locked and checked before any work: an unwritable or busy --out fails at once.
        let results = try target.map { target throws(FormatError) in try ResultSetWriter(target: target) }
        var video = try input.readVideo(defaultQualityMetric: qoe.defaultQualityMetric)
        if let programSeconds { video = try modelCall { () throws(ModelError) in try video.looped(toSeconds: programSeconds) } }
        if model == .default {
            // The player's settings against this video (a segment longer than the buffer), naming the file.
            do {
                try player.configuration().validate(for: video)
                try liveOptions.configuration?.validate(for: video, player: player.configuration())
            } catch let error as ModelError { throw CLIError("\(input.video): \(error.message)") }
        }
        let tracePaths = try input.traceFiles()
        let manifest: RunManifest
        let recorder: SweepRecorder
        switch model {
        case .default:
            var entries = try policyEntries()
            if let dataCap { entries = entries.map { $0.capped(gbPerHour: dataCap) } }
            let batch = SimulationBatch(
                video: video, traces: [], policies: entries, configuration: try player.configuration(), qoe: qoe.model,
                live: liveOptions.configuration)
            do { try batch.validate() } catch { throw CLIError(error.message) }
            let (format, noise, seed) = (input.traceFormat, bandwidthNoise, seed)
            let sweep = batch.sweep(tracePaths: tracePaths) { path in
                let trace = try TraceReader.read(path: path, format: format)
                do throws(ModelError) { return try trace.perturbed(relativeNoise: noise, seed: seed) } catch { throw FormatError(error, path: path) }
            }
            (manifest, recorder) = try play(sweep, policies: entries.map(\.name), video: video, part: part?.shard, results: results, extraColumns: [])
        case .pensieve:
            let kinds = try named(PensievePolicyKind.allCases.map(\.rawValue)) { PensievePolicyKind(name: $0) }
            let (sweep, columns) = try modelCall { () throws(ModelError) in
                try ReferenceModelSweep.pensieve(video: video, tracePaths: tracePaths, policies: kinds, qoe: qoe.model.utility)
            }
            (manifest, recorder) = try play(sweep, policies: kinds.map(\.rawValue), video: video, part: part?.shard, results: results, extraColumns: columns)
        case .sabre:
            let kinds = try named(SabrePolicyKind.allCases.map(\.rawValue)) { SabrePolicyKind(rawValue: $0) }
            let (sweep, columns) = try modelCall { () throws(ModelError) in
                try ReferenceModelSweep.sabre(video: video, tracePaths: tracePaths, format: input.traceFormat, policies: kinds)
            }
            (manifest, recorder) = try play(sweep, policies: kinds.map(\.rawValue), video: video, part: part?.shard, results: results, extraColumns: columns)
        }
        print(format.summary(recorder.summary.summaries, title: SimulationReport.Title(manifest)), terminator: "")
        if let target {
            FileHandle.standardError.write(Data("wrote \(target)/sessions.csv\(segments == .csv ? " and \(target)/segments.csv" : "")\n".utf8))
        }
    }

    /// Runs this process's sessions of `sweep` into a recorder, and commits the result set.
    private func play<T>(
        _ sweep: SessionSweep<T>, policies: [String], video: Video, part: Shard?, results: ResultSetWriter?, extraColumns: [String]
    ) throws -> (RunManifest, SweepRecorder) {
        let sessions = (part ?? .whole).sessions(ofTotal: sweep.sessionCount)
        let manifest = RunManifest(
            model: model.rawValue, qoe: qoe.rawValue, dataCapGBPerHour: dataCap, policies: policies, options: recordedOptions,
            video: RunManifest.VideoInput(
                path: input.video, fingerprint: video.fingerprint, segments: video.segmentCount, segmentSeconds: video.segmentSeconds, levels: video.levelCount),
            traces: try RunManifest.traceInputs(paths: sweep.tracePaths), sessions: sweep.sessionCount,
            shard: part.map { RunManifest.ShardPart(index: $0.index, count: $0.count, firstSession: sessions.lowerBound, sessions: sessions.count) })
        let recorder = try SweepRecorder(results: results, extraColumns: extraColumns, segmentTable: segments == .csv, live: liveOptions.live)
        do {
            try sweep.run(sessions: sessions, jobs: jobs) { _, outcome in try recorder.record(outcome) }
        } catch let error as ModelError {
            throw CLIError(error.message)
        }
        try recorder.finish(run: manifest)
        return (manifest, recorder)
    }

    /// A reference model's setup, its `ModelError` as the CLI's message.
    private func modelCall<R>(_ body: () throws(ModelError) -> R) throws -> R {
        do { return try body() } catch { throw CLIError(error.message) }
    }

    /// The options besides model, QoE, data cap and policies that shape the results, as
    /// `run.json` records them: shards of one sweep must agree on every one.
    private var recordedOptions: [String] {
        var options = [
            "--max-buffer \(NumberFormat.shortest(player.maxBuffer))", "--startup \(player.startup.map(NumberFormat.shortest) ?? "one-segment")",
            "--abandonment-check \(player.abandonmentCheck.map(NumberFormat.shortest) ?? "off")",
            "--bandwidth-noise \(NumberFormat.shortest(bandwidthNoise))", "--seed \(seed)", "--segments \(segments.rawValue)",
            "--trace-format \(input.traceFormat?.rawValue ?? "detect")", "--quality-metric \(input.qualityMetric ?? "default")",
            "--program-seconds \(programSeconds.map(NumberFormat.shortest) ?? "as-read")",
        ]
        options += liveOptions.recorded
        if let externalCommand { options += ["--external-command \(externalCommand)", "--external-timeout \(NumberFormat.shortest(externalTimeout))"] }
        return options
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
