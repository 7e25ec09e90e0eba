// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// A libavcodec decoder (send packets, receive frames), freed in `deinit`.
final class FrameDecoder {
    let context: UnsafeMutablePointer<AVCodecContext>

    /// A decoder for a stream's codec parameters.
    ///
    /// - Parameters:
    ///   - parameters: the stream's (or an encoder's) codec parameters.
    ///   - threadCount: decoder threads; 0 lets libavcodec choose.
    /// A decoder for the stream `parameters` describe (an encoder's output, for quality probes).
    convenience init(parameters: CodecParameters, threadCount: Int32 = 0, what: String) throws(FFmpegError) {
        try self.init(parameters: UnsafePointer(parameters.pointer), threadCount: threadCount, what: what)
    }

    init(parameters: UnsafePointer<AVCodecParameters>, threadCount: Int32 = 0, what: String) throws(FFmpegError) {
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw FFmpegError(code: cffmpeg_averror_decoder_not_found(), operation: "avcodec_find_decoder(\(what))")
        }
        guard let context = avcodec_alloc_context3(codec) else { fatalError("avcodec_alloc_context3: out of memory") }
        self.context = context
        try check(avcodec_parameters_to_context(context, parameters), "avcodec_parameters_to_context(\(what))")
        context.pointee.thread_count = threadCount
        try check(avcodec_open2(context, codec, nil), "avcodec_open2(decoder for \(what))")
    }

    deinit { var closing: UnsafeMutablePointer<AVCodecContext>? = context; avcodec_free_context(&closing) }

    /// Sends a packet, or nil to start draining.
    func send(_ packet: Packet?) throws(FFmpegError) {
        let result = avcodec_send_packet(context, packet?.pointer)
        if result == FFmpegError.endOfFile { return }
        try check(result, "avcodec_send_packet")
    }

    /// The next decoded frame, or nil when the decoder needs more input or is drained.
    func receive() throws(FFmpegError) -> Frame? {
        let frame = Frame()
        let result = avcodec_receive_frame(context, frame.pointer)
        if result == FFmpegError.tryAgain || result == FFmpegError.endOfFile { return nil }
        try check(result, "avcodec_receive_frame")
        return frame
    }
}

#endif
