// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import ABRSimulator
import Foundation
import LadderCore

/// Encodes a ladder: decode the source once, fan the pictures out to worker threads that scale and
/// encode every rung concurrently, cut aligned CMAF segments, then write the manifests and
/// `ladder.json` last.
public struct EncodeJob: Sendable {
    public var options: EncodeOptions

    public init(options: EncodeOptions) { self.options = options }

    /// Runs the encode.
    ///
    /// - Parameters:
    ///   - warn: receives human-readable warnings (e.g. a skipped rung).
    ///   - progress: called on the calling thread every ``EncodeOptions/progressIntervalSeconds``
    ///     until the encode ends, then once more with ``EncodeProgress/isFinal`` set (not on error).
    /// - Throws: ``EncodeError``; on error no manifest is written (earlier ones are removed first).
    public func run(warn: (String) -> Void = { _ in }, progress: (EncodeProgress) -> Void = { _ in }) throws -> EncodeReport {
        let ladder = options.ladder
        let segmentSeconds = options.segmentSeconds ?? ladder.segmentSeconds
        guard segmentSeconds > 0, segmentSeconds.isFinite else {
            throw EncodeError(.invalidLadder, "segment duration \(segmentSeconds) s (expected a positive number of seconds)")
        }
        guard !ladder.rungs.isEmpty else { throw EncodeError(.invalidLadder, "ladder '\(ladder.name)' has no rungs") }
        if let partSeconds = options.partSeconds {
            guard partSeconds > 0, partSeconds.isFinite, partSeconds <= segmentSeconds else {
                throw EncodeError(
                    .invalidOptions,
                    "part duration \(NumberFormat.shortest(partSeconds)) s (expected more than 0 and at most the \(NumberFormat.shortest(segmentSeconds)) s segment duration)"
                )
            }
        }

        // Open the input and choose the rungs before touching the output, so a bad input or ladder
        // leaves the output directory alone.
        let source: VideoSource
        var file: FileSource? = nil
        switch options.input {
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw EncodeError(.inputNotFound, "input file '\(path)' does not exist")
            }
            let opened = try FileSource(path: path)
            file = opened
            source = opened
        case .sample(let seconds):
            let top = ladder.rungs.max { $0.width * $0.height < $1.width * $1.height }
            source = try SyntheticSource(width: top?.width ?? 640, height: top?.height ?? 360, durationSeconds: seconds)
        }
        let description = source.description
        // A ladder's explicit GOP wins unless the segment duration is overridden on the command line.
        let gopFrames =
            options.segmentSeconds == nil
            ? ladder.gopFrames ?? max(1, Int((segmentSeconds * description.framesPerSecond).rounded()))
            : max(1, Int((segmentSeconds * description.framesPerSecond).rounded()))

        let partPlan = try Self.partPlan(options.partSeconds, gopFrames: gopFrames, frameRate: description.framesPerSecond)

        var chosen: [(rung: Rung, codec: String)] = []
        for rung in ladder.rungs {
            let codec = rung.codec.rawValue
            guard YUV420.fits(width: rung.width, height: rung.height) else {
                throw EncodeError(.invalidLadder, "rung \(rung.name): size \(rung.width)x\(rung.height) (expected even, positive width and height for 4:2:0)")
            }
            guard FrameEncoder.isAvailable(codec) else {
                throw EncodeError(.encoderUnavailable, "rung \(rung.name): encoder '\(codec)' is not in this libavcodec (try libx264)")
            }
            if !options.upscale && (rung.width > description.width || rung.height > description.height) {
                warn(
                    "skipping rung \(rung.name) (\(rung.width)x\(rung.height)): larger than the source \(description.width)x\(description.height); use --upscale to encode it"
                )
                continue
            }
            chosen.append((rung, codec))
        }
        guard !chosen.isEmpty else {
            throw EncodeError(.noUsableRung, "no rung of '\(ladder.name)' fits the source \(description.width)x\(description.height) (use --upscale)")
        }

        var vmaf: (backend: any VMAFBackend, options: VMAFOptions, ultraHD: Bool)? = nil
        if let vmafOptions = options.vmaf {
            try vmafOptions.validate(gopFrames: gopFrames)
            let backend = try vmafOptions.checkBackend()
            var ultraHD = false
            if vmafOptions.model == nil, chosen.contains(where: { $0.rung.height >= VMAFOptions.ultraHDMinimumHeight }) {
                do {
                    try backend.validateModel(VMAFOptions.ultraHDModel)
                    ultraHD = true
                } catch {
                    warn(
                        "\(backend.summary) has no \(VMAFOptions.ultraHDModel): rungs of \(VMAFOptions.ultraHDMinimumHeight) lines are scored with \(VMAFOptions.defaultModel) (ladder.json's vmaf_model says so)"
                    )
                }
            }
            vmaf = (backend, vmafOptions, ultraHD)
        }

        try OutputDirectory.prepare(options.outputDirectory)
        var audio: AudioRendition? = nil
        if let file, let stream = file.audioStream {
            let rendition = try AudioRendition(
                stream: stream, directory: options.outputDirectory.appendingPathComponent(AudioRendition.directoryName),
                segmentSeconds: segmentSeconds, videoStartSeconds: file.videoStartSeconds, partSeconds: partPlan?.partSeconds)
            file.audioPacketHandler = { packet in try rendition.consume(packet) }
            audio = rendition
        }

        var encoders: [RungEncoder] = []
        for (index, choice) in chosen.enumerated() {
            let directory = options.outputDirectory.appendingPathComponent(choice.rung.name)
            try OutputDirectory.prepareSubdirectory(directory)
            let planned = EncoderThreadPlan.threads(for: choice.rung, in: chosen.map(\.rung))
            var settings = EncoderSettings.make(
                rung: choice.rung, codecName: choice.codec, gopFrames: gopFrames,
                timeBase: description.frameTimeBase, threadCount: options.encoderThreads ?? planned,
                slicedThreads: options.encoderThreads == nil)
            settings.colour = description.colour
            encoders.append(
                try RungEncoder(
                    index: index, rung: choice.rung, settings: settings, source: description,
                    directory: directory, measureQuality: options.measureQuality, partPlan: partPlan,
                    vmaf: vmaf.map { ($0.backend, $0.options, $0.options.model(forRungHeight: choice.rung.height, ultraHDAvailable: $0.ultraHD)) }))
        }

        let pool = WorkerPool(encoders: encoders, threadCount: options.jobs, framesInFlight: options.framesInFlight)
        let totalFrames = try pool.run(source: source, progressIntervalSeconds: options.progressIntervalSeconds, progress: progress)
        guard totalFrames > 0 else {
            throw EncodeError(.noFrames, "input '\(description.name)' has no decodable video frames")
        }
        if let stated = file?.statedFrameCount, totalFrames < stated {
            throw EncodeError(
                .unsupportedInput, "input '\(description.name)' ended after \(totalFrames) of the \(stated) frames its container lists (truncated?)")
        }
        if totalFrames < gopFrames {
            warn(
                "the source (\(totalFrames) frames) is shorter than one \(gopFrames)-frame segment: each rung has one short segment, and ladder.json lists its real duration"
            )
        }
        let audioReport = try audio?.finish(videoSegmentCount: (totalFrames + gopFrames - 1) / gopFrames)
        let reports = try encoders.map { try $0.report(totalFrames: totalFrames, frameRate: description.frameRate) }
        let report = EncodeReport(
            ladder: ladder, source: description, segmentSeconds: Double(gopFrames) / description.framesPerSecond,
            totalFrames: totalFrames, rungs: reports, audio: audioReport, partSeconds: partPlan?.partSeconds,
            vmafModel: options.vmaf.map { $0.model ?? VMAFOptions.defaultModel }, vmafSubsample: options.vmaf?.subsample)
        try LadderOutput(report: report).write(to: options.outputDirectory)
        return report
    }

    /// 1 µs: the slack `VideoParts` allows a part over its segment's duration (durations are
    /// rounded to the media timescale), so that the ladder.json this writes reads back.
    static let partToleranceSeconds = 1e-6

    /// Where parts are cut, once the frame rate and the real segment length (GOP frames) are known;
    /// nil without `--part-seconds`.
    ///
    /// - Throws: ``EncodeError/Code/invalidOptions`` when a part would hold less than one frame, is
    ///   longer than the segment the GOP gives (a ladder's `gop` may make it shorter than
    ///   `segment_seconds`), or would make parts of too unequal whole frames for LL-HLS
    ///   (`PartPlan.breaksPartDurationFloor(segmentFrames:)`).
    static func partPlan(_ partSeconds: Double?, gopFrames: Int, frameRate: Double) throws -> PartPlan? {
        guard let partSeconds else { return nil }
        let segment = Double(gopFrames) / frameRate
        guard partSeconds <= segment + partToleranceSeconds else {
            throw EncodeError(
                .invalidOptions,
                "part duration \(NumberFormat.shortest(partSeconds)) s is longer than a segment (\(gopFrames) frames = \(NumberFormat.shortest(segment)) s)")
        }
        guard let plan = PartPlan(partSeconds: partSeconds, framesPerSecond: frameRate) else {
            throw EncodeError(
                .invalidOptions,
                "part duration \(NumberFormat.shortest(partSeconds)) s is shorter than one frame (\(NumberFormat.fixed(1 / frameRate, 6)) s at \(NumberFormat.shortest(frameRate)) fps)"
            )
        }
        if plan.breaksPartDurationFloor(segmentFrames: gopFrames) {
            let frames = plan.framesPerPart
            let whole = [frames.rounded(.down), frames.rounded(.up)].map { NumberFormat.fixed($0 / frameRate, 4) }
            throw EncodeError(
                .invalidOptions,
                "part duration \(NumberFormat.shortest(partSeconds)) s is \(NumberFormat.fixed(frames, 2)) frames at \(NumberFormat.shortest(frameRate)) fps: parts of \(Int(frames.rounded(.down))) and \(Int(frames.rounded(.up))) frames, but LL-HLS needs every part between a segment's first and last to last at least 85 % of the longest (RFC 8216bis §4.4.4.9); use a whole number of frames (\(whole[0]) or \(whole[1]) s) or at least 6 frames"
            )
        }
        return plan
    }
}

#endif
