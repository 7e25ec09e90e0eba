// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// Decodes a non-AAC audio stream and re-encodes it as AAC-LC, in frames of the encoder's size.
///
/// Decoded audio is converted to planar float (libswresample; downmixed to at most stereo) and
/// queued in an `AVAudioFifo` until a full encoder frame is available. Output timestamps count
/// samples from the first decoded sample, on a 1/sample-rate clock.
final class AudioTranscoder {
    private let decoder: FrameDecoder
    let encoder: AudioEncoder
    private let resampler: OpaquePointer
    private let fifo: OpaquePointer
    private let sampleRate: Int32
    private let channels: Int32
    private var samplesEncoded: Int64 = 0
    /// Where the first decoded sample sits on the video's clock, in samples (set from the first frame).
    private var startSamples: Int64?
    private let streamTimeBase: AVRational
    private let videoStartSeconds: Double

    /// The encoder's time base: one tick per sample.
    var timeBase: AVRational { AVRational(num: 1, den: sampleRate) }

    init(stream: UnsafeMutablePointer<AVStream>, videoStartSeconds: Double) throws(FFmpegError) {
        guard let parameters = stream.pointee.codecpar else {
            throw FFmpegError(code: cffmpeg_averror_einval(), operation: "audio stream without codec parameters")
        }
        decoder = try FrameDecoder(parameters: parameters, threadCount: 1, what: "audio")
        sampleRate = parameters.pointee.sample_rate
        channels = min(max(1, parameters.pointee.ch_layout.nb_channels), AudioEncoder.maximumChannels)
        encoder = try AudioEncoder(sampleRate: sampleRate, channels: channels)
        streamTimeBase = stream.pointee.time_base
        self.videoStartSeconds = videoStartSeconds
        var context: OpaquePointer? = nil
        var inputLayout = AVChannelLayout()
        if av_channel_layout_check(&decoder.context.pointee.ch_layout) != 0 {
            try check(av_channel_layout_copy(&inputLayout, &decoder.context.pointee.ch_layout), "av_channel_layout_copy")
        } else {
            av_channel_layout_default(&inputLayout, max(1, parameters.pointee.ch_layout.nb_channels))
        }
        defer { av_channel_layout_uninit(&inputLayout) }
        try check(
            swr_alloc_set_opts2(
                &context, &encoder.context.pointee.ch_layout, AV_SAMPLE_FMT_FLTP, sampleRate,
                &inputLayout, decoder.context.pointee.sample_fmt, sampleRate, 0, nil), "swr_alloc_set_opts2")
        guard let context else { throw FFmpegError(code: cffmpeg_averror_einval(), operation: "swr_alloc_set_opts2") }
        resampler = context
        try check(swr_init(context), "swr_init")
        guard let fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, encoder.frameSize) else { fatalError("av_audio_fifo_alloc: out of memory") }
        self.fifo = fifo
    }

    deinit {
        av_audio_fifo_free(fifo)
        var freeing: OpaquePointer? = resampler
        swr_free(&freeing)
    }

    /// Decodes one source packet and returns the AAC packets that became ready.
    func transcode(_ packet: Packet) throws(FFmpegError) -> [Packet] {
        try decoder.send(packet)
        return try drain(final: false)
    }

    /// Flushes decoder, resampler and encoder.
    func finish() throws(FFmpegError) -> [Packet] {
        try decoder.send(nil)
        var packets = try drain(final: true)
        try encoder.send(nil)
        while let packet = try encoder.receive() { packets.append(packet) }
        return packets
    }

    private func drain(final: Bool) throws(FFmpegError) -> [Packet] {
        while let frame = try decoder.receive() {
            if startSamples == nil {
                let pts = frame.pointer.pointee.best_effort_timestamp
                let seconds = pts == cffmpeg_nopts_value() ? 0 : Double(pts) * Double(streamTimeBase.num) / Double(streamTimeBase.den)
                startSamples = Int64(((seconds - videoStartSeconds) * Double(sampleRate)).rounded())
            }
            try resample(frame)
        }
        if final { try resample(nil) }
        var packets: [Packet] = []
        let frameSize = encoder.frameSize
        while av_audio_fifo_size(fifo) >= frameSize || (final && av_audio_fifo_size(fifo) > 0) {
            let count = min(frameSize, av_audio_fifo_size(fifo))
            let frame = try audioFrame(samples: count)
            let read = withUnsafeMutableBytes(of: &frame.pointer.pointee.data) { data in
                av_audio_fifo_read(fifo, data.baseAddress?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self), count)
            }
            try check(read, "av_audio_fifo_read")
            frame.pts = (startSamples ?? 0) + samplesEncoded
            samplesEncoded += Int64(count)
            try encoder.send(frame)
            while let packet = try encoder.receive() { packets.append(packet) }
        }
        return packets
    }

    /// Converts `frame` (or flushes the resampler when nil) into the FIFO.
    private func resample(_ frame: Frame?) throws(FFmpegError) {
        let inputSamples = frame.map { $0.pointer.pointee.nb_samples } ?? 0
        let capacity = swr_get_out_samples(resampler, inputSamples)
        guard capacity > 0 else { return }
        let output = try audioFrame(samples: capacity)
        let converted: Int32
        if let frame {
            // extended_data: planar audio may have more channels than `data` has slots.
            let input = UnsafeMutableRawPointer(frame.pointer.pointee.extended_data)?.assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
            converted = withUnsafeMutableBytes(of: &output.pointer.pointee.data) { out in
                swr_convert(
                    resampler, out.baseAddress?.assumingMemoryBound(to: UnsafeMutablePointer<UInt8>?.self), capacity,
                    input, inputSamples)
            }
        } else {
            converted = withUnsafeMutableBytes(of: &output.pointer.pointee.data) { out in
                swr_convert(resampler, out.baseAddress?.assumingMemoryBound(to: UnsafeMutablePointer<UInt8>?.self), capacity, nil, 0)
            }
        }
        try check(converted, "swr_convert")
        guard converted > 0 else { return }
        let written = withUnsafeMutableBytes(of: &output.pointer.pointee.data) { data in
            av_audio_fifo_write(fifo, data.baseAddress?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self), converted)
        }
        try check(written, "av_audio_fifo_write")
    }

    private func audioFrame(samples: Int32) throws(FFmpegError) -> Frame {
        let frame = Frame()
        frame.pointer.pointee.nb_samples = samples
        frame.pointer.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        frame.pointer.pointee.sample_rate = sampleRate
        try check(av_channel_layout_copy(&frame.pointer.pointee.ch_layout, &encoder.context.pointee.ch_layout), "av_channel_layout_copy")
        try check(av_frame_get_buffer(frame.pointer, 0), "av_frame_get_buffer(audio)")
        return frame
    }
}

#endif
