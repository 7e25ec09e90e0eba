// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// A libswscale context converting pictures between sizes and pixel formats, freed in `deinit`.
final class Scaler {
    let context: OpaquePointer
    let sourceWidth: Int
    let sourceHeight: Int
    let sourceFormat: AVPixelFormat
    let destinationWidth: Int
    let destinationHeight: Int
    let destinationFormat: AVPixelFormat
    private let pool: FramePool

    /// The pipeline's picture format: 8-bit YUV 4:2:0, what every encoder and quality probe takes.
    static let pipelineFormat = AV_PIX_FMT_YUV420P

    /// Bicubic: the default of ffmpeg's `scale` filter (libavfilter/vf_scale.c, `flags=bicubic`),
    /// so abrkit's rungs match what the ffmpeg CLI would produce.
    static let defaultFlags = SWS_BICUBIC

    init(
        sourceWidth: Int, sourceHeight: Int, sourceFormat: AVPixelFormat,
        destinationWidth: Int, destinationHeight: Int, destinationFormat: AVPixelFormat = Scaler.pipelineFormat,
        flags: Int32 = Scaler.defaultFlags
    ) throws(FFmpegError) {
        guard
            let context = sws_getContext(
                Int32(sourceWidth), Int32(sourceHeight), sourceFormat,
                Int32(destinationWidth), Int32(destinationHeight), destinationFormat,
                flags, nil, nil, nil)
        else {
            throw FFmpegError(
                code: cffmpeg_averror_einval(),
                operation: "sws_getContext(\(sourceWidth)x\(sourceHeight) → \(destinationWidth)x\(destinationHeight))")
        }
        self.context = context
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        self.sourceFormat = sourceFormat
        self.destinationWidth = destinationWidth
        self.destinationHeight = destinationHeight
        self.destinationFormat = destinationFormat
        pool = try FramePool(width: destinationWidth, height: destinationHeight, pixelFormat: destinationFormat)
    }

    deinit { sws_freeContext(context) }

    /// A new picture holding `source` scaled; the timestamp is carried over.
    func scale(_ source: Frame) throws(FFmpegError) -> Frame {
        let destination = pool.makeFrame()
        let result = sws_scale_frame(context, destination.pointer, source.pointer)
        try check(result, "sws_scale_frame")
        destination.pts = source.pts
        return destination
    }
}

#endif
