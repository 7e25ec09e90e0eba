// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import ABRSimulator
import Foundation
import LadderCore

/// One rung's encode: scale each source picture, encode it, cut the fMP4 stream into one segment
/// per GOP (each one fragment, or with a `PartPlan` one fragment per CMAF part), write the segment
/// files, and (optionally) measure quality against the source.
///
/// Used by one worker thread at a time; all FFmpeg contexts it owns are freed with it.
final class RungEncoder {
    let index: Int
    let rung: Rung
    let settings: EncoderSettings
    let directory: URL
    /// nil when the rung has the source's size: the encoder then reads the source picture itself.
    private let scaler: Scaler?
    private let encoder: FrameEncoder
    private let muxer: FragmentedMP4Writer
    private let probe: QualityProbe?
    private let gopFrames: Int64
    /// Where parts are cut, when segments are written in parts.
    private let partPlan: PartPlan?
    /// Bytes of `init.mp4`.
    let initBytes: Int
    /// RFC 6381 codec string read from the encoder's parameter sets.
    let codecString: String
    private(set) var segmentBytes: [Int] = []
    /// `[segment][part]` bytes and frames of each part written (empty without a part plan).
    private var partBytes: [[Int]] = []
    private var partFrames: [[Int]] = []
    /// The segment being written: its bytes so far, its parts' bytes and frames, and its packets
    /// (frames, decode order) muxed so far, of which `framesInParts` are in finished parts.
    private var pendingSegment: [UInt8] = []
    private var pendingPartBytes: [Int] = []
    private var pendingPartFrames: [Int] = []
    private var packetsInSegment = 0
    private var framesInParts = 0
    /// Presentation timestamps (frame numbers) of the key frames, in stream order.
    private(set) var keyFramePts: [Int64] = []
    private(set) var framesEncoded = 0
    /// Frames whose quality has been measured (0 when quality is not measured).
    var framesMeasured: Int { probe?.framesMeasured ?? 0 }
    /// Whether this rung measures quality.
    var measuresQuality: Bool { probe != nil }
    /// Whether PSNR/SSIM are among the measurements.
    private let measuresPSNRSSIM: Bool
    /// The libvmaf model scoring this rung (nil without VMAF).
    private let vmafModel: String?

    /// Opens the scaler, encoder and muxer and writes `init.mp4`.
    init(
        index: Int, rung: Rung, settings: EncoderSettings, source: SourceDescription, directory: URL,
        measureQuality: Bool, partPlan: PartPlan? = nil, vmaf: (backend: any VMAFBackend, options: VMAFOptions, model: String)? = nil
    ) throws {
        vmafModel = vmaf?.model
        self.partPlan = partPlan
        self.index = index
        self.rung = rung
        self.settings = settings
        self.directory = directory
        gopFrames = Int64(settings.gopFrames)
        let what = "rung \(rung.name) (\(settings.codecName) \(rung.width)x\(rung.height))"
        do {
            scaler =
                rung.width == source.width && rung.height == source.height
                ? nil
                : try Scaler(
                    sourceWidth: source.width, sourceHeight: source.height, sourceFormat: Scaler.pipelineFormat,
                    destinationWidth: rung.width, destinationHeight: rung.height)
            encoder = try FrameEncoder(settings: settings)
            let parameters = try encoder.parameters()
            muxer = try FragmentedMP4Writer(parameters: parameters, timeBase: settings.timeBase, codecTag: settings.codecTag)
            let scorer = try vmaf.map {
                try $0.backend.makeScorer(width: source.width, height: source.height, model: $0.model, options: $0.options, what: what)
            }
            probe =
                measureQuality || scorer != nil
                ? try QualityProbe(
                    parameters: parameters, rungWidth: rung.width, rungHeight: rung.height, source: source,
                    gopFrames: settings.gopFrames, what: what, measuresPSNRSSIM: measureQuality, vmaf: scorer)
                : nil
            measuresPSNRSSIM = measureQuality
            let header = try muxer.writeHeader()
            codecString = CodecString.make(
                codecName: settings.codecName, extradata: encoder.extradata,
                parameters: parameters, initSegment: header)
            initBytes = header.count
            try OutputDirectory.write(header, to: directory.appendingPathComponent(SegmentNaming.initSegment))
        } catch let error as FFmpegError {
            throw EncodeError(.ffmpeg, "cannot set up \(what)", cause: error)
        }
    }

    /// Encodes one source picture (YUV 4:2:0 at source size, `pts` = frame number).
    func encode(_ source: Frame) throws {
        do { try encodeUnwrapped(source) } catch let error as FFmpegError {
            throw EncodeError(.ffmpeg, "encoding rung \(rung.name) failed at frame \(source.pts)", cause: error)
        }
    }

    private func encodeUnwrapped(_ source: Frame) throws {
        // A new reference (not a copy) when unscaled: the picture type below is set on this frame only.
        let picture = try scaler?.scale(source) ?? source.reference()
        // Every segment starts with an IDR at the same frame on every rung; the encoder's own
        // key-frame logic is configured to agree (keyint = min-keyint = gop, no scene cuts).
        picture.forceKeyFrame(source.pts % gopFrames == 0)
        probe?.addReference(source)
        try encoder.send(picture)
        try drainEncoder()
        framesEncoded += 1
    }

    /// Flushes the encoder, writes the last segment, and finishes the quality measurement.
    func finish() throws {
        do {
            try encoder.send(nil)
            try drainEncoder()
            try endSegment()
            try muxer.finish()
        } catch let error as FFmpegError {
            throw EncodeError(.ffmpeg, "encoding rung \(rung.name) failed", cause: error)
        }
        let total = try probe?.finish().total
        quality = measuresPSNRSSIM ? total : nil
    }

    /// Whole-rung quality, once ``finish()`` has run with measurement on.
    private(set) var quality: QualitySummary?

    /// The rung's measurements, once ``finish()`` has run.
    ///
    /// - Throws: ``EncodeError/Code/internalInvariant`` when segments and key frames disagree.
    func report(totalFrames: Int, frameRate: FrameRate) throws -> RungReport {
        let framesPerSecond = frameRate.framesPerSecond
        let segmentCount = (totalFrames + settings.gopFrames - 1) / settings.gopFrames
        guard segmentBytes.count == segmentCount, keyFramePts.count == segmentCount else {
            throw EncodeError(
                .internalInvariant,
                "rung \(rung.name): \(segmentBytes.count) segments and \(keyFramePts.count) key frames for \(segmentCount) GOPs of \(settings.gopFrames) frames"
            )
        }
        var vmaf: VMAFMeasurement? = nil
        if let probe, !probe.vmafFrames.isEmpty {
            vmaf = VMAFMeasurement(frames: probe.vmafFrames, gopFrames: settings.gopFrames, segmentCount: segmentCount)
            guard vmaf != nil else {
                throw EncodeError(.internalInvariant, "rung \(rung.name): a segment has no VMAF-scored frame")
            }
        }
        let durations = (0..<segmentCount).map { Double(min(settings.gopFrames, totalFrames - $0 * settings.gopFrames)) / framesPerSecond }
        var parts: [[PackagedPart]] = []
        if let partPlan {
            for segment in 0..<segmentCount {
                // The count the ladder.json reader (VideoParts) will expect from the segment's duration.
                let expected = VideoParts.partCount(segmentSeconds: durations[segment], partSeconds: partPlan.partSeconds)
                guard partBytes.count == segmentCount, partBytes[segment].count == expected else {
                    throw EncodeError(
                        .internalInvariant,
                        "rung \(rung.name): segment \(segment + 1) was written in \(partBytes.count == segmentCount ? partBytes[segment].count : -1) parts, expected \(expected)"
                    )
                }
                parts.append(
                    zip(partBytes[segment], partFrames[segment]).enumerated().map { index, part in
                        PackagedPart(durationSeconds: Double(part.1) / framesPerSecond, bytes: part.0, independent: index == 0)
                    })
            }
        }
        return RungReport(
            rung: rung, codecName: settings.codecName, codecString: codecString, frameRate: frameRate, initSegmentBytes: initBytes,
            segmentBytes: segmentBytes, segmentDurationsSeconds: durations, keyFrameNumbers: keyFramePts,
            quality: quality, segmentQuality: measuresPSNRSSIM ? probe?.segmentSummaries ?? [] : [], segmentParts: parts, vmaf: vmaf,
            vmafModel: vmaf == nil ? nil : vmafModel)
    }

    private func drainEncoder() throws {
        while let packet = try encoder.receive() {
            // Constant frame rate: one tick per frame, so the last sample of a fragment has its length.
            packet.duration = 1
            if packet.isKeyFrame, let pts = packet.pts {
                guard pts % gopFrames == 0 else {
                    throw EncodeError(
                        .internalInvariant,
                        "rung \(rung.name): key frame at frame \(pts), not on a segment boundary (every \(gopFrames) frames)")
                }
                keyFramePts.append(pts)
                if pts > 0 { try endSegment() }
            } else if let partPlan, packetsInSegment == partPlan.nominalEnd(ofPart: pendingPartBytes.count) {
                // Parts are counted in decode order from the IDR, so a part is a run of whole packets.
                try endPart()
            }
            try probe?.decode(packet)
            try muxer.write(packet)
            packetsInSegment += 1
        }
    }

    /// Ends the current fragment as the segment's next part (the first one with the `styp`).
    private func endPart() throws {
        let bytes = try muxer.flushFragment(opensSegment: pendingSegment.isEmpty)
        guard !bytes.isEmpty else { return }
        if pendingSegment.isEmpty { pendingSegment = bytes } else { pendingSegment += bytes }
        pendingPartBytes.append(bytes.count)
        pendingPartFrames.append(packetsInSegment - framesInParts)
        framesInParts = packetsInSegment
    }

    /// Ends the segment's last part and writes the segment file.
    private func endSegment() throws {
        try endPart()
        defer {
            pendingSegment = []
            pendingPartBytes = []
            pendingPartFrames = []
            packetsInSegment = 0
            framesInParts = 0
        }
        guard !pendingSegment.isEmpty else { return }
        segmentBytes.append(pendingSegment.count)
        if partPlan != nil {
            partBytes.append(pendingPartBytes)
            partFrames.append(pendingPartFrames)
        }
        try OutputDirectory.write(pendingSegment, to: directory.appendingPathComponent(SegmentNaming.mediaSegment(number: segmentBytes.count)))
    }
}

#endif
