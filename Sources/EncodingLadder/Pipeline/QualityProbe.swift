// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import LadderCore

/// Measures a rung's real distortion: decodes the rung's own packets with libavcodec, scales each
/// picture back to the source's size (as a player would display it) and compares it with the
/// source picture of the same timestamp (PSNR/SSIM as FFmpeg's `psnr` and `ssim` filters compute them).
///
/// With a ``VMAFScorer`` the same upscaled picture and source picture also go to VMAF, so every
/// metric scores the same frame pairs.
///
/// Source pictures wait in a FIFO until their encoded counterparts come out of the decoder, so
/// at most the encoder's delay (look-ahead plus B-frames) is held per rung.
final class QualityProbe {
    private let decoder: FrameDecoder
    private let upscaler: Scaler
    private let gopFrames: Int64
    private var references: [Frame] = []
    private var referenceHead = 0
    private var accumulator = QualityAccumulator()
    /// Whether PSNR/SSIM are computed (VMAF alone skips them).
    private let measuresPSNRSSIM: Bool
    private let vmaf: (any VMAFScorer)?
    /// (frame number, score) of the frames VMAF scored, once ``finish()`` has run.
    private(set) var vmafFrames: [(frameNumber: Int64, score: Double)] = []
    private var currentSegment: Int64 = 0
    /// One summary per finished segment, in order.
    private(set) var segmentSummaries: [QualitySummary] = []
    /// Pictures decoded and compared so far, for progress reports.
    private(set) var framesMeasured = 0

    init(
        parameters: CodecParameters, rungWidth: Int, rungHeight: Int, source: SourceDescription, gopFrames: Int,
        what: String, measuresPSNRSSIM: Bool = true, vmaf: (any VMAFScorer)? = nil
    ) throws(FFmpegError) {
        self.measuresPSNRSSIM = measuresPSNRSSIM
        self.vmaf = vmaf
        // One thread: the probe runs beside the rung's encoder, which already uses the cores.
        decoder = try FrameDecoder(parameters: parameters, threadCount: 1, what: what)
        upscaler = try Scaler(
            sourceWidth: rungWidth, sourceHeight: rungHeight, sourceFormat: Scaler.pipelineFormat,
            destinationWidth: source.width, destinationHeight: source.height)
        self.gopFrames = Int64(gopFrames)
    }

    /// The source picture that the encoder was just given, in presentation order.
    func addReference(_ frame: Frame) { references.append(frame) }

    /// Decodes one of the rung's packets and measures whatever pictures come out.
    func decode(_ packet: Packet) throws {
        try decoder.send(packet)
        try drain()
    }

    /// Drains the decoder and closes the last segment.
    func finish() throws -> QualityAccumulator {
        try decoder.send(nil)
        try drain()
        if accumulator.currentSegment.frameCount > 0 { segmentSummaries.append(accumulator.endSegment()) }
        if let vmaf { vmafFrames = try vmaf.finish() }
        guard referenceHead == references.count else {
            throw EncodeError(.internalInvariant, "\(references.count - referenceHead) encoded frames never came out of the decoder")
        }
        return accumulator
    }

    private func drain() throws {
        while let decoded = try decoder.receive() {
            guard referenceHead < references.count else {
                throw EncodeError(.internalInvariant, "decoder produced more frames than were encoded")
            }
            let reference = references[referenceHead]
            referenceHead += 1
            if referenceHead > 64 { references.removeFirst(referenceHead); referenceHead = 0 }
            let pts = decoded.bestEffortTimestamp
            guard pts == reference.pts else {
                throw EncodeError(.internalInvariant, "decoded frame pts \(pts) does not match source frame \(reference.pts)")
            }
            let segment = pts / gopFrames
            while segment > currentSegment {
                segmentSummaries.append(accumulator.endSegment())
                currentSegment += 1
            }
            let displayed = try upscaler.scale(decoded)
            if measuresPSNRSSIM { accumulator.add(reference: reference.yuv420Planes(), distorted: displayed.yuv420Planes()) }
            try vmaf?.add(distorted: displayed, reference: reference)
            framesMeasured += 1
        }
    }
}

#endif
