#if FFmpeg
import ABRFormats
import ABRSimulator
import ArgumentParser
import EncodingLadder
import Foundation
import LadderCore
import Reporting

/// `abrkit hull`: a per-title analysis — encode a resolution × bitrate grid, keep the convex hull.
struct HullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hull",
        abstract: "Per-title analysis: encode every resolution at every bitrate and find the rate–quality convex hull.",
        discussion: """
            Encodes the grid as one ladder (decode once, all points in parallel) into DIR/grid, measures each \
            point's bitrate and PSNR/SSIM against the source at the source's resolution, and marks the points on \
            the upper convex hull of quality against bitrate: at each rate, the resolution worth using. Writes \
            DIR/hull.svg (a curve per resolution, the hull over them), DIR/per-title-ladder.json (the hull as a \
            ladder for `abrkit encode --ladder`) and, last, DIR/hull.json (every point, with on_hull).

            --metric vmaf measures VMAF too (as encode --metrics psnr,ssim,vmaf does, with the same --vmaf-model, \
            --vmaf-subsample and --ffmpeg) and takes the hull over each point's mean VMAF.
            """
    )

    @OptionGroup var source: EncodeSourceOptions

    @Option(help: "Output directory.")
    var out: String

    @Option(help: "Resolutions, comma-separated WxH (default: sd-hd-4k's up to 1080p).")
    var resolutions: String = PerTitleGrid.defaultResolutions.map { "\($0.width)x\($0.height)" }.joined(separator: ",")

    // Numbers are parsed `.unconditional`ly: `--segment-seconds -4` reaches validate() instead of argument-parser's "Missing value".
    @Option(parsing: .unconditional, help: "Target bitrates in kbit/s, comma-separated (capped VBR, peak ≤ 1.5 × target).")
    var bitrates: String = PerTitleGrid.defaultBitratesKbps.map(String.init).joined(separator: ",")

    @Option(help: "Encoder for every point.")
    var codec: VideoEncoder = .libx264

    @Option(parsing: .unconditional, help: "Segment duration in seconds, at most \(NumberFormat.shortest(LadderSpec.maximumSegmentSeconds)).")
    var segmentSeconds: Double = 2

    @Option(help: "Quality the hull is taken over: psnr, ssim or vmaf.")
    var metric: PerTitleAnalysis.Metric = .psnr

    @Option(
        help:
            "libvmaf model for --metric vmaf (default \(VMAFOptions.defaultModel), and \(VMAFOptions.ultraHDModel) for rungs of \(VMAFOptions.ultraHDMinimumHeight) lines or more)."
    )
    var vmafModel: String?

    @Option(parsing: .unconditional, help: "Score every N-th frame for --metric vmaf (libvmaf's n_subsample); must divide the segment's frame count.")
    var vmafSubsample: Int?

    @Option(help: ArgumentHelp("An ffmpeg with the libvmaf filter, for --metric vmaf (default: looked for as encode does).", valueName: "path"))
    var ffmpeg: String?

    @Option(parsing: .unconditional, help: "Worker threads across encodes, 0 for one per core; output does not depend on it.")
    var jobs: Int = 0

    @Flag(help: "Encode resolutions larger than the source instead of skipping them.")
    var upscale = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        _ = try parsedResolutions()
        _ = try parsedBitrates()
        try EncodeSourceOptions.validateSegmentSeconds(segmentSeconds)
        if jobs < 0 { throw ValidationError("--jobs \(jobs): expected 0 (one per core) or more") }
        if metric != .vmaf {
            for (flag, given) in [("--vmaf-model", vmafModel != nil), ("--vmaf-subsample", vmafSubsample != nil), ("--ffmpeg", ffmpeg != nil)] where given {
                throw ValidationError("\(flag) applies to VMAF only; add --metric vmaf")
            }
        }
        if let vmafSubsample, vmafSubsample < 1 {
            throw ValidationError("--vmaf-subsample \(vmafSubsample): expected 1 (every frame) or more")
        }
    }

    /// VMAF's settings when the hull is taken over VMAF.
    var vmafOptions: VMAFOptions? {
        guard metric == .vmaf else { return nil }
        return VMAFOptions(model: vmafModel, subsample: vmafSubsample ?? VMAFOptions.defaultSubsample, ffmpegPath: ffmpeg)
    }

    func parsedResolutions() throws -> [PerTitleGrid.Resolution] {
        try resolutions.split(separator: ",").map { item in
            let sides = item.split(separator: "x")
            guard sides.count == 2, let width = Int(sides[0]), let height = Int(sides[1]), width > 0, height > 0 else {
                throw ValidationError("--resolutions: '\(item)' is not WIDTHxHEIGHT (e.g. 1280x720)")
            }
            guard YUV420.fits(width: width, height: height) else {
                throw ValidationError("--resolutions: '\(item)' has an odd side (YUV 4:2:0 needs even width and height)")
            }
            return PerTitleGrid.Resolution(width: width, height: height)
        }
    }

    func parsedBitrates() throws -> [Int] {
        try bitrates.split(separator: ",").map { item in
            guard let kbps = Int(item), kbps > 0 else { throw ValidationError("--bitrates: '\(item)' is not a positive whole number of kbit/s") }
            return kbps
        }
    }

    /// x264's and x265's preset names; the other encoders keep their defaults.
    var preset: String? { codec == .libx264 || codec == .libx265 ? PerTitleGrid.defaultPreset : nil }

    func run() throws {
        let grid = PerTitleGrid(
            resolutions: try parsedResolutions(), bitratesKbps: try parsedBitrates(), codec: codec, preset: preset,
            segmentSeconds: segmentSeconds)
        let ladder = try grid.ladder()  // a bad grid fails before anything is written
        try vmafOptions?.checkBackend()  // so do a missing VMAF back end and an unknown model
        let directory = URL(fileURLWithPath: out)
        try OutputFolder.create(out)
        let report = try EncodeRun.run(
            EncodeOptions(
                input: source.encodeInput, ladder: ladder, outputDirectory: directory.appendingPathComponent("grid"), jobs: jobs,
                upscale: upscale, vmaf: vmafOptions), progress: progress)
        let analysis = try PerTitleAnalysis(report: report, metric: metric)

        let title = "Per-title hull of \(report.source.name) (\(metric.rawValue.uppercased()))"
        try FigureFile.write(PerTitleReport.figure(analysis, title: title), to: directory.appendingPathComponent("hull.svg").path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(analysis.ladder(from: grid)), to: directory.appendingPathComponent("per-title-ladder.json").path)
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try AtomicFile.write(try encoder.encode(analysis), to: directory.appendingPathComponent("hull.json").path)
        print(PerTitleReport.table(analysis), terminator: "")
    }
}

extension PerTitleAnalysis.Metric: ExpressibleByArgument {}
#endif
