import ABRFormats
import ABRSimulator
import ArgumentParser

/// Where the video and traces come from, shared by the commands that simulate.
struct SimulationInputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A ladder.json, an HLS master playlist or a DASH MPD (e.g. abrkit encode's master.m3u8, manifest.mpd), a Sabre movie JSON, "
                + "or a Pensieve video_size_N folder.",
            valueName: "path"))
    var video: String

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Trace files or folders (every file inside, sorted by name).", valueName: "paths"))
    var traces: [String]

    @Option(
        help: ArgumentHelp(
            "Trace format, when detection should not decide: \(TraceFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var traceFormat: TraceFormat?

    @Option(
        help: ArgumentHelp(
            "Video format, when detection should not decide: \(VideoFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var videoFormat: VideoFormat?

    // Numbers are parsed `.unconditional`ly, so that `--chunk-seconds -4` reaches `validate()` and gets
    // a real message instead of argument-parser's "Missing value" (it would take `-4` for an option).
    @Option(
        parsing: .unconditional, help: ArgumentHelp("Level bitrates of a Pensieve video_size_N folder, kbit/s, comma-separated.", valueName: "kbps"))
    var bitratesKbps: String = PensieveVideoFolder.defaultBitratesKbps.map { NumberFormat.decimal($0) }.joined(separator: ",")

    @Option(parsing: .unconditional, help: ArgumentHelp("Chunk length of a Pensieve video_size_N folder, seconds.", valueName: "s"))
    var chunkSeconds: Double = PensieveVideoFolder.defaultSegmentSeconds

    @Option(help: ArgumentHelp("Per-segment quality metric of a ladder.json (e.g. ssim_db, psnr_db, vmaf).", valueName: "key"))
    var qualityMetric: String?

    @Flag(
        help: ArgumentHelp(
            "Let an HLS playlist's or a DASH MPD's URIs lead outside the manifest's folder (../x, absolute paths); by default they are "
                + "refused, so that a manifest from elsewhere cannot make abrkit look at other files."))
    var allowOutside = false

    func validate() throws {
        guard !traces.isEmpty else { throw ValidationError("--traces needs at least one file or folder") }
        _ = try parsedBitrates()
        guard chunkSeconds.isFinite, chunkSeconds > 0 else { throw ValidationError("--chunk-seconds \(chunkSeconds): expected a positive number of seconds") }
    }

    func parsedBitrates() throws -> [Double] {
        try bitratesKbps.split(separator: ",").map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite, value > 0 else {
                throw ValidationError("--bitrates-kbps: '\(text)' is not a bitrate; expected numbers > 0 in kbit/s, comma-separated")
            }
            return value
        }
    }

    /// - Parameter defaultQualityMetric: the quality table to read when `--quality-metric` names none
    ///   (nil: the reader's default).
    func readVideo(defaultQualityMetric: String? = nil) throws -> Video {
        try VideoReader.read(
            path: video, format: videoFormat, bitratesKbps: try parsedBitrates(), segmentSeconds: chunkSeconds,
            qualityMetric: qualityMetric ?? defaultQualityMetric,
            allowOutside: allowOutside)
    }

    func readTraces() throws -> [BandwidthTrace] {
        try TraceReader.readAll(paths: traces, format: traceFormat)
    }

    /// The trace files, in the order sessions play them: paths as given, each folder's files sorted by name.
    func traceFiles() throws -> [String] {
        try traces.flatMap { path throws(FormatError) in try TraceReader.files(at: path) }
    }
}
