// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// A libavcodec video encoder (send frames, receive packets), freed in `deinit`.
final class FrameEncoder {
    let context: UnsafeMutablePointer<AVCodecContext>
    /// The encoder's name in libavcodec, e.g. "libx264".
    let name: String

    /// Whether libavcodec in this build has an encoder called `name`.
    static func isAvailable(_ name: String) -> Bool { avcodec_find_encoder_by_name(name) != nil }

    /// Opens encoder `name` for `width`×`height` YUV 4:2:0 pictures whose pts count frames.
    ///
    /// - Parameters:
    ///   - settings: rate control, GOP and codec-private options (see ``EncoderSettings``).
    /// - Throws: ``FFmpegError`` when the encoder is missing or rejects an option; unknown options
    ///   are an error too, so a typo in a ladder never silently changes the encode.
    init(settings: EncoderSettings) throws(FFmpegError) {
        name = settings.codecName
        guard let codec = avcodec_find_encoder_by_name(settings.codecName) else {
            throw FFmpegError(code: cffmpeg_averror_encoder_not_found(), operation: "avcodec_find_encoder_by_name(\(settings.codecName))")
        }
        guard let context = avcodec_alloc_context3(codec) else { fatalError("avcodec_alloc_context3: out of memory") }
        self.context = context
        context.pointee.width = Int32(settings.width)
        context.pointee.height = Int32(settings.height)
        context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        context.pointee.time_base = settings.timeBase
        context.pointee.framerate = AVRational(num: settings.timeBase.den, den: settings.timeBase.num)
        context.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
        context.pointee.gop_size = Int32(settings.gopFrames)
        context.pointee.keyint_min = Int32(settings.gopFrames)
        context.pointee.bit_rate = Int64(settings.bitrateBitsPerSecond ?? 0)
        context.pointee.rc_max_rate = Int64(settings.maxrateBitsPerSecond ?? 0)
        context.pointee.rc_buffer_size = Int32(settings.bufsizeBits ?? 0)
        context.pointee.thread_count = Int32(settings.threadCount)
        // Stated colour: the encoders write it into the VUI, and the parameters carry it to the
        // muxer, which writes an `nclx` colour box when primaries, transfer and matrix are all set.
        context.pointee.color_primaries = AVColorPrimaries(UInt32(settings.colour.primaries))
        context.pointee.color_trc = AVColorTransferCharacteristic(UInt32(settings.colour.transfer))
        context.pointee.colorspace = AVColorSpace(UInt32(settings.colour.matrix))
        context.pointee.color_range = settings.colour.fullRange ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG
        // fMP4 needs the parameter sets in the init segment (avcC/hvcC), not in-band.
        context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER
        var options: OpaquePointer? = nil
        defer { av_dict_free(&options) }
        for (key, value) in settings.privateOptions.sorted(by: { $0.key < $1.key }) {
            av_dict_set(&options, key, value, 0)
        }
        let opened = RealTimePriority.withoutRealTime { avcodec_open2(context, codec, &options) }
        try check(opened, "avcodec_open2(\(settings.codecName) \(settings.width)x\(settings.height))")
        if let leftover = av_dict_get(options, "", nil, AV_DICT_IGNORE_SUFFIX) {
            throw FFmpegError(
                code: cffmpeg_averror_einval(),
                operation: "\(settings.codecName) option '\(String(cString: leftover.pointee.key))' (not an option of this encoder)")
        }
    }

    /// Set once the end of the stream was sent.
    private var flushing = false
    /// Set once a picture was sent.
    private var started = false

    /// Frees the encoder, draining it first if the end of the stream was never sent (an encode
    /// that failed midway or before its first frame). SVT-AV1 1.4 (Debian 12) waits forever in
    /// `svt_av1_enc_deinit` for the end-of-stream packet of an encoder that was not drained, and an
    /// encoder that never got a picture never produces one, so such an encoder is first given one
    /// blank picture, whose packets are discarded with the rest.
    deinit {
        if !flushing {
            if !started, let blank = try? blankPicture() { try? send(blank) }
            try? send(nil)
            while (try? receive()) ?? nil != nil {}
        }
        var closing: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&closing)
    }

    /// A black picture of the encoder's size and format, at pts 0.
    private func blankPicture() throws(FFmpegError) -> Frame {
        let frame = Frame()
        frame.pointer.pointee.width = context.pointee.width
        frame.pointer.pointee.height = context.pointee.height
        frame.pointer.pointee.format = context.pointee.pix_fmt.rawValue
        frame.pointer.pointee.pts = 0
        try check(av_frame_get_buffer(frame.pointer, 0), "av_frame_get_buffer(\(name) blank picture)")
        let height = Int(context.pointee.height)
        for plane in 0..<3 {
            let rows = plane == 0 ? height : (height + 1) / 2
            frame.withPlane(plane) { base, stride in base.update(repeating: plane == 0 ? 16 : 128, count: stride * rows) }
        }
        return frame
    }

    /// Sends a picture, or nil to start draining.
    func send(_ frame: Frame?) throws(FFmpegError) {
        if frame == nil { flushing = true } else { started = true }
        let result = avcodec_send_frame(context, frame?.pointer)
        if frame == nil && result == FFmpegError.endOfFile { return }
        try check(result, "avcodec_send_frame(\(name))")
    }

    /// The next packet, or nil when the encoder needs more input or is drained.
    func receive() throws(FFmpegError) -> Packet? {
        let packet = Packet()
        let result = avcodec_receive_packet(context, packet.pointer)
        if result == FFmpegError.tryAgain || result == FFmpegError.endOfFile { return nil }
        try check(result, "avcodec_receive_packet(\(name))")
        return packet
    }

    /// The encoder's output description (codec, size, extradata), for muxers and decoders.
    func parameters() throws(FFmpegError) -> CodecParameters {
        let parameters = CodecParameters()
        try check(avcodec_parameters_from_context(parameters.pointer, context), "avcodec_parameters_from_context(\(name))")
        return parameters
    }

    /// Codec extradata (e.g. H.264 SPS/PPS in Annex B form), used for the RFC 6381 codec string.
    var extradata: [UInt8] {
        guard let data = context.pointee.extradata, context.pointee.extradata_size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(context.pointee.extradata_size)))
    }
}

/// An owning `AVCodecParameters`.
final class CodecParameters: @unchecked Sendable {
    // @unchecked: written once when created, then only read.
    let pointer: UnsafeMutablePointer<AVCodecParameters>
    init() {
        guard let parameters = avcodec_parameters_alloc() else { fatalError("avcodec_parameters_alloc: out of memory") }
        pointer = parameters
    }
    deinit { var freeing: UnsafeMutablePointer<AVCodecParameters>? = pointer; avcodec_parameters_free(&freeing) }
}

#endif
