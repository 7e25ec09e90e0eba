// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation
import LadderCore

/// What to encode, with which ladder, where, and how.
public struct EncodeOptions: Sendable {
    /// Where the pictures come from.
    public enum Input: Sendable {
        /// Any file libavformat reads.
        case file(path: String)
        /// The built-in deterministic synthetic sample at the ladder's top resolution.
        case sample(durationSeconds: Double)
    }

    public var input: Input
    public var ladder: LadderSpec
    public var outputDirectory: URL
    /// Overrides the ladder's segment duration, seconds.
    public var segmentSeconds: Double?
    /// Worker threads; rungs are balanced over them (0 = one per core). Output does not depend on it.
    public var jobs: Int
    /// Encode rungs larger than the source instead of skipping them.
    public var upscale: Bool
    /// Measure PSNR/SSIM against the source (decodes every rung once more).
    public var measureQuality: Bool
    /// Measure VMAF against the source too (same decoded, upscaled pictures); nil = no VMAF.
    public var vmaf: VMAFOptions?
    /// Frames each worker may have queued; with the encoders' own delay this bounds memory.
    public var framesInFlight: Int
    /// Threads inside each rung's encoder: 1 (the default) is byte-reproducible run after run; nil
    /// plans x264 sliced threads from the ladder (``EncoderThreadPlan``: faster on a lopsided ladder,
    /// reproducible in small ladders but not always, see there); 0 lets each encoder choose (fastest,
    /// bytes vary); N gives every rung N frame threads (bytes vary for N > 1).
    public var encoderThreads: Int?
    /// Seconds between progress reports (see ``EncodeJob/run(warn:progress:)``); more than 0.
    public var progressIntervalSeconds: Double
    /// Nominal CMAF part duration, seconds: each segment is written as several `moof` + `mdat`
    /// parts (`PartPlan` says where they are cut) for low-latency streaming; nil for one fragment per
    /// segment. At least one frame, at most the segment duration.
    public var partSeconds: Double?

    /// Queue depth per worker: 8 frames keeps every encoder fed while the decoder works, and
    /// costs 8 source pictures of memory (≈ 100 MB at 3840×2160 4:2:0).
    public static let defaultFramesInFlight = 8

    /// One thread per rung's encoder: the only setting measured to give the same bytes every run for
    /// capped VBR with x264 (two runs of the 12 s `sd-hd-4k` sample were identical; with sliced threads
    /// the 2160p rung differed). With one worker per core it is as fast as the sliced plan was on that
    /// ladder (32.0 s against 31.8 s on 2 cores; BENCHMARKS.md).
    public static let reproducibleEncoderThreads = 1

    /// 0.5 s between progress reports: twice a second redraws a terminal line smoothly at no
    /// measurable cost (one lock and a few integer reads per report).
    public static let defaultProgressIntervalSeconds = 0.5

    public init(
        input: Input, ladder: LadderSpec, outputDirectory: URL, segmentSeconds: Double? = nil,
        jobs: Int = 0, upscale: Bool = false, measureQuality: Bool = true,
        framesInFlight: Int = EncodeOptions.defaultFramesInFlight, encoderThreads: Int? = EncodeOptions.reproducibleEncoderThreads,
        progressIntervalSeconds: Double = EncodeOptions.defaultProgressIntervalSeconds, partSeconds: Double? = nil, vmaf: VMAFOptions? = nil
    ) {
        self.vmaf = vmaf
        self.partSeconds = partSeconds
        precondition(progressIntervalSeconds > 0 && progressIntervalSeconds.isFinite, "progress interval must be a positive number of seconds")
        self.progressIntervalSeconds = progressIntervalSeconds
        self.encoderThreads = encoderThreads
        self.input = input
        self.ladder = ladder
        self.outputDirectory = outputDirectory
        self.segmentSeconds = segmentSeconds
        self.jobs = jobs
        self.upscale = upscale
        self.measureQuality = measureQuality
        self.framesInFlight = framesInFlight
    }
}

#endif
