// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// libavcodec's native AAC-LC encoder for the audio rendition, freed in `deinit`.
final class AudioEncoder {
    let context: UnsafeMutablePointer<AVCodecContext>

    /// 128 kbit/s for stereo (64 kbit/s per channel): a rate at which AAC-LC is commonly used for
    /// streaming stereo; a named default rather than a measured optimum.
    static let bitsPerSecondPerChannel = 64_000
    /// Channels of the rendition: sources with more are downmixed to stereo (libswresample's matrix).
    static let maximumChannels: Int32 = 2

    init(sampleRate: Int32, channels: Int32) throws(FFmpegError) {
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_AAC) else {
            throw FFmpegError(code: cffmpeg_averror_encoder_not_found(), operation: "avcodec_find_encoder(aac)")
        }
        guard let context = avcodec_alloc_context3(codec) else { fatalError("avcodec_alloc_context3: out of memory") }
        self.context = context
        context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
        context.pointee.sample_rate = sampleRate
        av_channel_layout_default(&context.pointee.ch_layout, channels)
        context.pointee.bit_rate = Int64(AudioEncoder.bitsPerSecondPerChannel) * Int64(channels)
        context.pointee.time_base = AVRational(num: 1, den: sampleRate)
        context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER
        try check(avcodec_open2(context, codec, nil), "avcodec_open2(aac \(sampleRate) Hz, \(channels) channels)")
    }

    deinit { var closing: UnsafeMutablePointer<AVCodecContext>? = context; avcodec_free_context(&closing) }

    /// Samples per frame the encoder takes (1024 for AAC-LC).
    var frameSize: Int32 { context.pointee.frame_size }

    func send(_ frame: Frame?) throws(FFmpegError) {
        let result = avcodec_send_frame(context, frame?.pointer)
        if frame == nil && result == FFmpegError.endOfFile { return }
        try check(result, "avcodec_send_frame(aac)")
    }

    func receive() throws(FFmpegError) -> Packet? {
        let packet = Packet()
        let result = avcodec_receive_packet(context, packet.pointer)
        if result == FFmpegError.tryAgain || result == FFmpegError.endOfFile { return nil }
        try check(result, "avcodec_receive_packet(aac)")
        return packet
    }

    func parameters() throws(FFmpegError) -> CodecParameters {
        let parameters = CodecParameters()
        try check(avcodec_parameters_from_context(parameters.pointer, context), "avcodec_parameters_from_context(aac)")
        return parameters
    }
}

#endif
