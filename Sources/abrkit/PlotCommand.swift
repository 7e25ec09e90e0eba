import ABRFormats
import ABRSimulator
import ArgumentParser
import Foundation
import Reporting

/// `abrkit plot`: SVG figures (and PNG when rsvg-convert is present) from results and ladders.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw session timelines, CDFs across traces, and rate–quality curves as SVG (and PNG).",
        subcommands: [Timeline.self, CDF.self, Ladder.self]
    )

    /// Re-simulates one session (deterministic, exact) and draws bitrate, buffer and bandwidth against time.
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One session: chosen bitrate, buffer and bandwidth against time, stalls shaded.")

        @OptionGroup var input: SimulationInputOptions
        @OptionGroup var player: PlayerOptions
        @Option(help: "The policy to play.") var policy: String = "bola"
        @Option(help: "QoE model.") var qoe: QoEModel.Utility = .linear
        @Option(help: ArgumentHelp("Output SVG file.", valueName: "file")) var out: String = "timeline.svg"

        func run() throws {
            guard let entry = PolicyCatalog.entry(named: policy) else {
                throw ValidationError("unknown policy '\(policy)'; expected one of \(PolicyCatalog.names.joined(separator: ", "))")
            }
            let video = try input.readVideo()
            let traces = try input.readTraces()
            guard traces.count == 1, let trace = traces.first else {
                throw ValidationError("--traces must name exactly one trace for a timeline, got \(traces.count)")
            }
            let batch = SimulationBatch(video: video, traces: [trace], policies: [entry], configuration: try player.configuration(), qoe: QoEModel(qoe))
            let results: [SessionResult]
            do { results = try batch.run(jobs: 1) } catch { throw CLIError(error.message) }
            try report(FigureFile.write(SessionTimeline.figure(results[0], trace: trace, segmentSeconds: video.segmentSeconds), to: out))
        }
    }

    /// CDFs of QoE per segment, average bitrate and rebuffer ratio across the sessions of a sessions.csv.
    struct CDF: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "CDFs across traces of QoE, average bitrate and rebuffer ratio, one curve per policy.")

        @Option(help: ArgumentHelp("A sessions.csv written by abrkit simulate.", valueName: "file")) var sessions: String
        @Option(help: ArgumentHelp("Output SVG file.", valueName: "file")) var out: String = "cdf.svg"

        func run() throws {
            let text: String
            do { text = try String(contentsOfFile: sessions, encoding: .utf8) } catch {
                throw CLIError("\(sessions): cannot read: \(error.localizedDescription)")
            }
            try report(FigureFile.write(ResultFigures.cdf(sessionsCSV: text, path: sessions), to: out))
        }
    }

    /// PSNR and SSIM against measured bitrate per rung of a ladder.json, with GB/h on the top axis.
    struct Ladder: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rate–quality curves per rung of a ladder.json, with GB per hour on a second axis.")

        @Option(help: ArgumentHelp("A ladder.json written by abrkit encode.", valueName: "file")) var ladder: String
        @Option(help: ArgumentHelp("Output SVG file.", valueName: "file")) var out: String = "rate-quality.svg"

        func run() throws {
            try report(FigureFile.write(RateQualityFigure.figure(try LadderVideo.readFile(path: ladder)), to: out))
        }
    }

    static func report(_ paths: [String]) {
        FileHandle.standardError.write(Data("wrote \(paths.joined(separator: " and "))\n".utf8))
    }
}

private func report(_ paths: [String]) { PlotCommand.report(paths) }
