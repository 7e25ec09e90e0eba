import ABRFormats
import ABRSimulator
import ArgumentParser
import Foundation
import Reporting

/// `abrkit plot`: SVG, PNG or PDF figures from results and ladders.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw session timelines, CDFs across traces, and rate–quality curves as SVG, PNG or PDF.",
        discussion: """
            Series are told apart by colour (Paul Tol's colour-blind-safe "muted" scheme), marker and dash, with one \
            legend per figure. PNG and PDF are converted from the SVG by rsvg-convert (package librsvg2-bin); an SVG \
            gets a PNG beside it when rsvg-convert is installed.

            Examples:
              abrkit plot cdf --sessions results/sessions.csv --out cdf.pdf --width 700 --height 600
              abrkit plot ladder --ladder out/ladder.json --x-scale linear --format png
            """,
        subcommands: [Timeline.self, CDF.self, Ladder.self]
    )

    /// Re-simulates one session (deterministic, exact) and draws bitrate, buffer and bandwidth against time.
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "One session: chosen bitrate over offered bandwidth (both Mbit/s), and buffer, against time; stalls shaded; with --live, latency and playback rate too."
        )

        @OptionGroup var input: SimulationInputOptions
        @OptionGroup var player: PlayerOptions
        @OptionGroup var liveOptions: LiveOptions
        @Option(help: "The policy to play.") var policy: String = "bola"
        @Option(help: "QoE model.") var qoe: QoEModel.Utility = .linear
        @OptionGroup var output: FigureOutputOptions

        func run() throws {
            guard let entry = PolicyCatalog.entry(named: policy) else {
                throw ValidationError("unknown policy '\(policy)'; expected one of \(PolicyCatalog.allNames.joined(separator: ", "))")
            }
            let video = try input.readVideo()
            let traces = try input.readTraces()
            guard traces.count == 1, let trace = traces.first else {
                throw ValidationError("--traces must name exactly one trace for a timeline, got \(traces.count)")
            }
            let batch = SimulationBatch(
                video: video, traces: [trace], policies: [entry], configuration: try player.configuration(), qoe: QoEModel(qoe),
                live: liveOptions.configuration)
            let results: [SessionResult]
            do { results = try batch.run(jobs: 1) } catch { throw CLIError("\(input.video): \(error.message)") }
            try output.write(SessionTimeline.figure(results[0], trace: trace, segmentSeconds: video.segmentSeconds), defaultName: "timeline")
        }
    }

    /// CDFs of QoE per segment, average bitrate and rebuffer ratio across the sessions of a sessions.csv.
    struct CDF: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "CDFs across traces of QoE, average bitrate and rebuffer ratio (log axis, zero-stall shares stated), one curve per policy.")

        @Option(help: ArgumentHelp("A sessions.csv written by abrkit simulate.", valueName: "file")) var sessions: String
        @OptionGroup var output: FigureOutputOptions

        func run() throws {
            let text: String
            do { text = try String(contentsOfFile: sessions, encoding: .utf8) } catch {
                throw CLIError("\(sessions): cannot read: \(error.localizedDescription)")
            }
            try output.write(ResultFigures.cdf(sessionsCSV: text, path: sessions), defaultName: "cdf")
        }
    }

    /// PSNR and SSIM against measured bitrate per rung of a ladder.json, with GB/h on the top axis.
    struct Ladder: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rate–quality curves per rung of a ladder.json (log rate axis), with GB per hour on a second axis.")

        @Option(help: ArgumentHelp("A ladder.json written by abrkit encode.", valueName: "file")) var ladder: String
        @OptionGroup var output: FigureOutputOptions

        func run() throws {
            try output.write(RateQualityFigure.figure(try LadderVideo.readFile(path: ladder)), defaultName: "rate-quality")
        }
    }

    static func report(_ paths: [String]) {
        FileHandle.standardError.write(Data("wrote \(paths.joined(separator: " and "))\n".utf8))
    }
}
