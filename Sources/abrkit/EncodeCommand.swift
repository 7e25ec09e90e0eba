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
            (manifests last). Prints a table per rung: measured average/peak kbps, GB per hour, PSNR, SSIM and the \
            data-cap verdict.

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

    @Flag(help: "Skip the PSNR/SSIM measurement (faster).")
    var noQuality = false

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
    }

    func run() throws {
        var spec = try LadderSpec.load(nameOrPath: ladder)
        if let codec { spec = try spec.replacingCodec(with: codec, file: ladder) }
        let options = EncodeOptions(
            input: source.encodeInput, ladder: spec, outputDirectory: URL(fileURLWithPath: out),
            segmentSeconds: segmentSeconds, jobs: jobs, upscale: upscale,
            measureQuality: !noQuality, encoderThreads: slicedThreads ? nil : encoderThreads, partSeconds: partSeconds)
        print(SummaryTable.render(try EncodeRun.run(options, progress: progress)), terminator: "")
    }
}

extension VideoEncoder: ExpressibleByArgument {}
#endif
