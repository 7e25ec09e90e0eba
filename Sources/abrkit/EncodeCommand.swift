#if FFmpeg
import ABRSimulator
import ArgumentParser
import EncodingLadder
import Foundation
import Reporting
import LadderCore

/// `abrkit encode`: encode a source (or the built-in sample) into a measured ladder.
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode a video into a ladder of CMAF renditions with HLS and DASH manifests, and measure each rung.",
        discussion: """
            Decodes the input once, scales and encodes every rung concurrently with an IDR at every segment \
            boundary, and writes DIR/<rung>/init.mp4 + segment-NNNNN.m4s, master.m3u8, manifest.mpd and ladder.json \
            (manifests last). Prints a table per rung: measured average/peak kbps, GB per hour, PSNR, SSIM (and \
            VMAF with --metrics psnr,ssim,vmaf) and the data-cap verdict.

            VMAF needs an ffmpeg with the libvmaf filter: --ffmpeg PATH, else ffmpeg on PATH if it has the filter, \
            else the one in the imageio-ffmpeg Python package (python3 -m pip install --user imageio-ffmpeg).

            With --part-seconds S, every segment is written as CMAF parts of about S seconds (one moof/mdat \
            each, cut at the last frame boundary at or before each part's nominal end; a segment that is not a \
            whole number of parts ends with a shorter part) for low-latency live: the media playlists become \
            LL-HLS (EXT-X-PART byte ranges, EXT-X-PART-INF, EXT-X-SERVER-CONTROL), manifest.mpd gains \
            availabilityTimeOffset, a ServiceDescription latency and UTCTiming, and ladder.json lists every \
            part's size (part_seconds, segment_part_sizes_bytes) for `abrkit simulate`.
            """
    )

    @OptionGroup var source: EncodeSourceOptions

    @Option(help: "Ladder preset name or JSON file (presets: \(LadderSpec.presetNames.joined(separator: ", "))).")
    var ladder: String = "sd-hd-4k"

    @Option(help: "Output directory.")
    var out: String

    // `.unconditional`: `--segment-seconds -4` reaches validate() instead of argument-parser's "Missing value".
    @Option(
        parsing: .unconditional,
        help: "Segment duration in seconds (overrides the ladder's), at most \(NumberFormat.shortest(LadderSpec.maximumSegmentSeconds)).")
    var segmentSeconds: Double?

    // `.unconditional`: `--part-seconds -1` reaches validate() instead of argument-parser's "Missing value".
    @Option(
        parsing: .unconditional,
        help:
            "Write each segment as CMAF parts of this many seconds (more than 0, at most the segment duration; a whole number of frames, or at least 6) with LL-HLS and low-latency DASH manifests."
    )
    var partSeconds: Double?

    @Option(help: "Encoder for every rung (overrides the ladder's; presets and profiles it lacks are dropped).")
    var codec: VideoEncoder?

    @Option(help: "Worker threads across rungs, 0 for one per core; output does not depend on it.")
    var jobs: Int = 0

    @Option(
        help:
            "Threads inside each rung's encoder (default 1: byte-reproducible output; 0 = each encoder's choice, fastest, bytes vary run to run; N > 1: N frame threads, bytes vary)."
    )
    var encoderThreads: Int = EncodeOptions.reproducibleEncoderThreads

    @Flag(help: "Give the biggest x264 rungs sliced threads planned from the ladder: faster on lopsided ladders, not always byte-reproducible.")
    var slicedThreads = false

    @Flag(help: "Encode rungs larger than the source instead of skipping them.")
    var upscale = false

    @Flag(help: "Skip every quality measurement (faster).")
    var noQuality = false

    @Option(
        help: ArgumentHelp(
            "Quality metrics, comma-separated: \(QualityMetric.allCases.map(\.rawValue).joined(separator: ", ")); psnr and ssim are measured together (default: psnr,ssim).",
            valueName: "list"))
    var metrics: String?

    @Option(
        help:
            "libvmaf model for every rung's VMAF (default \(VMAFOptions.defaultModel), and \(VMAFOptions.ultraHDModel) for rungs of \(VMAFOptions.ultraHDMinimumHeight) lines or more), e.g. vmaf_v0.6.1neg."
    )
    var vmafModel: String?

    @Option(
        parsing: .unconditional,
        help: "Score every N-th frame for VMAF (libvmaf's n_subsample; default \(VMAFOptions.defaultSubsample)); must divide the segment's frame count.")
    var vmafSubsample: Int?

    @Option(help: ArgumentHelp("An ffmpeg with the libvmaf filter, for VMAF (default: looked for, see above).", valueName: "path"))
    var ffmpeg: String?

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if let segmentSeconds { try EncodeSourceOptions.validateSegmentSeconds(segmentSeconds) }
        if let partSeconds {
            guard partSeconds > 0, partSeconds.isFinite else {
                throw ValidationError("--part-seconds \(partSeconds): expected a positive number of seconds")
            }
            if let segmentSeconds, partSeconds > segmentSeconds {
                throw ValidationError("--part-seconds \(partSeconds): expected at most the segment duration (--segment-seconds \(segmentSeconds))")
            }
        }
        if slicedThreads, encoderThreads != EncodeOptions.reproducibleEncoderThreads {
            throw ValidationError("--sliced-threads plans the threads itself; drop --encoder-threads")
        }
        if encoderThreads < 0 {
            throw ValidationError("--encoder-threads \(encoderThreads): expected 0 (encoder's choice) or more")
        }
        if jobs < 0 { throw ValidationError("--jobs \(jobs): expected 0 (one per core) or more") }
        let chosen = try QualityMetric.parse(metrics ?? QualityMetric.defaultList)
        if noQuality, metrics != nil { throw ValidationError("--no-quality measures nothing; drop --metrics") }
        if !chosen.contains(.vmaf) || noQuality {
            for (flag, given) in [("--vmaf-model", vmafModel != nil), ("--vmaf-subsample", vmafSubsample != nil), ("--ffmpeg", ffmpeg != nil)] where given {
                throw ValidationError("\(flag) applies to VMAF only; add vmaf to --metrics (e.g. --metrics psnr,ssim,vmaf)")
            }
        }
        if let vmafSubsample, vmafSubsample < 1 {
            throw ValidationError("--vmaf-subsample \(vmafSubsample): expected 1 (every frame) or more")
        }
    }

    /// VMAF's settings when `--metrics` asks for it.
    var vmafOptions: VMAFOptions? {
        guard !noQuality, (try? QualityMetric.parse(metrics ?? QualityMetric.defaultList))?.contains(.vmaf) == true else { return nil }
        return VMAFOptions(
            model: vmafModel, subsample: vmafSubsample ?? VMAFOptions.defaultSubsample, ffmpegPath: ffmpeg)
    }

    func run() throws {
        var spec = try LadderSpec.load(nameOrPath: ladder)
        if let codec { spec = try spec.replacingCodec(with: codec, file: ladder) }
        let chosen = try QualityMetric.parse(metrics ?? QualityMetric.defaultList)
        let options = EncodeOptions(
            input: source.encodeInput, ladder: spec, outputDirectory: URL(fileURLWithPath: out),
            segmentSeconds: segmentSeconds, jobs: jobs, upscale: upscale,
            measureQuality: !noQuality && chosen.measuresPSNRSSIM,
            encoderThreads: slicedThreads ? nil : encoderThreads, partSeconds: partSeconds, vmaf: vmafOptions)
        print(SummaryTable.render(try EncodeRun.run(options, progress: progress)), terminator: "")
    }
}

extension VideoEncoder: ExpressibleByArgument {}
#endif
