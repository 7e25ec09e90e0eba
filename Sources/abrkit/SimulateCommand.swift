import ABRFormats
import ABRSimulator
import ArgumentParser
import Foundation

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

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Policies, comma-separated or repeated.", valueName: "names"))
    var policy: [String] = PolicyCatalog.names

    @Option(help: "QoE model: \(QoEModel.Utility.allCases.map(\.rawValue).joined(separator: ", ")).")
    var qoe: QoEModel.Utility = .linear

    @Option(help: ArgumentHelp("Data saver: keep every session within this many GB per hour of viewing (any policy).", valueName: "GB/h"))
    var dataCap: Double?

    @Option(help: ArgumentHelp("Scale each trace period's bandwidth by a factor drawn uniformly from 1 ± this (0 = the traces as recorded).", valueName: "fraction"))
    var bandwidthNoise: Double = 0

    @Option(help: "Seed for --bandwidth-noise; the same seed gives byte-identical output.")
    var seed: UInt64 = 1

    @Option(help: "Parallel sessions (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Write sessions.csv and segments.csv into this folder.", valueName: "dir"))
    var out: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard bandwidthNoise >= 0, bandwidthNoise < 1 else { throw ValidationError("--bandwidth-noise must be in [0, 1), got \(bandwidthNoise)") }
        if let dataCap, !(dataCap > 0 && dataCap.isFinite) { throw ValidationError("--data-cap must be a positive number of GB per hour, got \(dataCap)") }
        _ = try policyEntries()
    }

    /// The catalog entries named by --policy, in the order given, without repeats.
    func policyEntries() throws -> [PolicyCatalog.Entry] {
        var seen = Set<String>()
        var entries: [PolicyCatalog.Entry] = []
        for name in policy.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) where !name.isEmpty {
            guard let entry = PolicyCatalog.entry(named: name) else {
                throw ValidationError("unknown policy '\(name)'; expected one of \(PolicyCatalog.names.joined(separator: ", ")) (aliases: \(PolicyCatalog.aliases.keys.sorted().joined(separator: ", ")))")
            }
            if seen.insert(entry.name).inserted { entries.append(entry) }
        }
        guard !entries.isEmpty else { throw ValidationError("--policy names no policy") }
        return entries
    }

    func run() throws {
        let video = try input.readVideo()
        var traces = try input.readTraces()
        if bandwidthNoise > 0 {
            do { traces = try traces.map { trace throws(ModelError) in try trace.perturbed(relativeNoise: bandwidthNoise, seed: seed) } } catch { throw CLIError(error.message) }
        }
        var entries = try policyEntries()
        if let dataCap { entries = entries.map { $0.capped(gbPerHour: dataCap) } }
        let batch = SimulationBatch(video: video, traces: traces, policies: entries,
                                    configuration: try player.configuration(), qoe: QoEModel(qoe))
        let results: [SessionResult]
        do { results = try batch.run(jobs: jobs) } catch { throw CLIError(error.message) }
        print(SimulationReport.table(results, video: video, traceCount: traces.count, qoe: qoe, dataCap: dataCap), terminator: "")
        if let out {
            try OutputFolder.create(out)
            try AtomicFile.write(ResultsCSV.sessions(results), to: out + "/sessions.csv")
            try AtomicFile.write(ResultsCSV.segments(results), to: out + "/segments.csv")
            FileHandle.standardError.write(Data("wrote \(out)/sessions.csv and \(out)/segments.csv\n".utf8))
        }
    }
}
