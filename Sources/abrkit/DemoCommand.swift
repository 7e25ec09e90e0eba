#if FFmpeg
import ABRFormats
import ABRSimulator
import ArgumentParser
import EncodingLadder
import Foundation
import LadderCore
import Reporting

/// `abrkit demo`: the main job on built-in defaults. Encode the built-in sample into a ladder,
/// play it under every policy over the project's traces, and write a report.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Encode the built-in sample, simulate every policy over the project's traces, and write report.html with tables and figures.",
        discussion: """
            Answers two questions for one title: what does each rung cost per hour of viewing, and which \
            policy plays it best on which kind of network. The encode is short (a few minutes on 2 cores); \
            its measured segments are looped to a --program-seconds title so that policies settle (sizes, \
            quality and GB/h are those measured).
            """
    )

    /// 12 s: three 4 s segments of real 4K encode, about two minutes on two cores.
    static let defaultSampleSeconds = 12.0
    /// 2 s segments give six distinct segments to loop; short segments are common for low-latency VOD.
    static let defaultSegmentSeconds = 2.0
    /// 10 minutes: long enough for every policy's startup to matter little.
    static let defaultProgramSeconds = 600.0

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir")) var out: String = "demo-out"
    // Numbers are parsed `.unconditional`ly: `--seconds -4` reaches validate() instead of argument-parser's "Missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds of built-in sample to encode.", valueName: "s")) var seconds: Double = defaultSampleSeconds
    @Option(parsing: .unconditional, help: ArgumentHelp("Segment duration of the encode, seconds.", valueName: "s")) var segmentSeconds: Double =
        defaultSegmentSeconds
    @Option(help: ArgumentHelp("Ladder preset or file.", valueName: "name|file")) var ladder: String = "sd-hd-4k"
    @Option(help: ArgumentHelp("Trace folder (default: the project's trace set, generated in memory as `traces generate` writes it).", valueName: "dir"))
    var traces: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Length of the simulated program: the encode looped, seconds.", valueName: "s"))
    var programSeconds: Double = defaultProgramSeconds
    @Option(parsing: .unconditional, help: "Parallel sessions; as many as this machine has cores unless given.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        for (name, value, maximum) in [
            ("--seconds", seconds, EncodeSourceOptions.maximumSampleSeconds), ("--program-seconds", programSeconds, Video.maximumLoopedSeconds),
        ]
        where !(value > 0 && value <= maximum) {
            throw ValidationError("\(name) \(value): expected a positive number of seconds, at most \(NumberFormat.shortest(maximum)) (one day)")
        }
        try EncodeSourceOptions.validateSegmentSeconds(segmentSeconds)
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        try OutputFolder.create(out)

        // 1. Encode.
        let encodeFolder = out + "/encode"
        let encoded = try encode(into: encodeFolder)
        let rungTable = SummaryTable.render(encoded)
        print("Ladder \(encoded.ladder.name): \(NumberFormat.decimal(seconds)) s sample encoded into \(encodeFolder)\n")
        print(rungTable)

        // 2. Simulate every policy over the traces, with the encode looped to a program.
        let ladderPath = encodeFolder + "/ladder.json"
        let measured = try VideoReader.read(path: ladderPath)
        let program = try measured.looped(toSeconds: programSeconds)
        let traceSet = try loadTraces()
        let linear = try simulate(program, traceSet, qoe: QoEModel(.linear))
        let quality = program.segmentQuality == nil ? nil : try simulate(program, traceSet, qoe: QoEModel(.quality))
        let comparison = SimulationReport.table(linear, video: program, traceCount: traceSet.count, qoe: .linear, dataCap: nil)
        print("Playback of a \(NumberFormat.decimal(programSeconds)) s program (the encode looped) over \(traceSet.count) traces:\n")
        print(comparison)
        let byNetwork = DemoReport.bestByNetwork(linear: linear, quality: quality)
        print("Best policy per network family:\n")
        print(byNetwork.rendered)

        // 3. Files and figures, the report last: it inlines the figures and links every file.
        let sessionsCSV = ResultsCSV.sessions(linear)
        try AtomicFile.write(sessionsCSV, to: out + "/sessions.csv")
        try AtomicFile.write(ResultsCSV.segments(linear), to: out + "/segments.csv")
        // The comparison tables as data: linear QoE (the table printed), and QoE by measured quality.
        try AtomicFile.write(ResultsCSV.summary(ResultsCSV.summarize(linear)), to: out + "/summary.csv")
        if let quality { try AtomicFile.write(ResultsCSV.summary(ResultsCSV.summarize(quality)), to: out + "/summary-quality.csv") }
        let rateQuality = RateQualityFigure.figure(try LadderVideo.readFile(path: ladderPath))
        let cdf = try ResultFigures.cdf(sessionsCSV: sessionsCSV, path: out + "/sessions.csv")
        var figureFiles = try FigureFile.write(rateQuality, to: out + "/rate-quality.svg")
        figureFiles += try FigureFile.write(cdf, to: out + "/cdf.svg")
        var timeline: (session: SessionResult, svg: String)?
        if let (session, trace) = DemoReport.showcase(linear, traces: traceSet) {
            let figure = SessionTimeline.figure(session, trace: trace, segmentSeconds: program.segmentSeconds)
            figureFiles += try FigureFile.write(figure, to: out + "/timeline.svg")
            timeline = (session, figure.svg)
        }
        let files =
            [
                HTMLReport.Link(href: "encode/ladder.json", note: "the measured ladder: segment sizes and quality per rung"),
                HTMLReport.Link(href: "encode/master.m3u8", note: "HLS master playlist"), HTMLReport.Link(href: "encode/manifest.mpd", note: "DASH manifest"),
                HTMLReport.Link(href: "sessions.csv", note: "one row per session (docs/formats.md)"),
                HTMLReport.Link(href: "segments.csv", note: "one row per segment downloaded, with each decision's reason"),
            ] + figureFiles.map { HTMLReport.Link(href: URL(fileURLWithPath: $0).lastPathComponent, note: "figure") }
        let summaries = PolicySummary.summarize(linear), title = comparisonTitle(program, traceCount: traceSet.count)
        let page = DemoReport.page(
            encoded: encoded, sampleSeconds: seconds, programSeconds: programSeconds, traceCount: traceSet.count,
            comparison: (SimulationReport.heading(summaries, title: title), SimulationReport.rows(summaries, title: title)), byNetwork: byNetwork,
            figures: DemoReport.Figures(timeline: timeline, cdf: cdf.svg, rateQuality: rateQuality.svg), files: files)
        try AtomicFile.write(page.html, to: out + "/report.html")
        FileHandle.standardError.write(Data("wrote \(out)/report.html, sessions.csv, segments.csv, summary*.csv and figures\n".utf8))
    }

    /// The comparison table's title line for the looped program under QoE_lin, no cap.
    private func comparisonTitle(_ program: Video, traceCount: Int) -> SimulationReport.Title {
        SimulationReport.Title(
            videoSegments: program.segmentCount, segmentSeconds: program.segmentSeconds, levels: program.levelCount, traceCount: traceCount,
            qoe: QoEModel.Utility.linear.rawValue, dataCap: nil)
    }

    private func encode(into folder: String) throws -> EncodeReport {
        let spec = try LadderSpec.load(nameOrPath: ladder)
        return try EncodeRun.run(
            EncodeOptions(
                input: .sample(durationSeconds: seconds), ladder: spec, outputDirectory: URL(fileURLWithPath: folder),
                segmentSeconds: segmentSeconds), progress: progress)
    }

    private func loadTraces() throws -> [BandwidthTrace] {
        if let traces { return try TraceReader.readAll(paths: [traces]) }
        do { return try ProjectTraceSet.entries(seed: ProjectTraceSet.defaultSeed).map { entry throws(ModelError) in try entry.trace() } } catch {
            throw CLIError(error.message)
        }
    }

    private func simulate(_ video: Video, _ traces: [BandwidthTrace], qoe: QoEModel) throws -> [SessionResult] {
        do {
            return try SimulationBatch(video: video, traces: traces, policies: PolicyCatalog.entries, qoe: qoe).run(jobs: jobs)
        } catch {
            throw CLIError(error.message)
        }
    }
}
#endif
