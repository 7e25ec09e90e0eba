// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import LadderCore

/// Writes one track as CMAF fragmented MP4 into memory: a CMAF header (ftyp+moov), then one CMAF
/// segment (styp+moof+mdat) per ``flushFragment()``.
///
/// libavformat's "mp4" muxer does the box writing; `frag_custom` lets the caller decide where a
/// fragment ends (at every segment boundary), `empty_moov` puts no samples in the init segment,
/// `default_base_moof` makes each fragment self-contained (ISO/IEC 23000-19 CMAF requires it), and
/// the output goes to a custom `AVIOContext` whose bytes are cut into files by the caller. The
/// muxer writes the `colr` box from the codec parameters' colour fields (see ``EncoderSettings/colour``);
/// the `styp` that opens each segment is abrkit's (``SegmentTypeBox``): libavformat writes one only
/// in its `dash` mode, with `msix` (which promises a `sidx`) and without the CMAF brands.
final class FragmentedMP4Writer {
    private let context: UnsafeMutablePointer<AVFormatContext>
    private let stream: UnsafeMutablePointer<AVStream>
    private let sink: ByteSink
    private let inputTimeBase: AVRational

    /// movflags for CMAF fragments; `skip_sidx`/`skip_trailer` keep index boxes out of segments.
    static let movFlags = "frag_custom+empty_moov+default_base_moof+cmaf+skip_sidx+skip_trailer"
    /// AVIO buffer size in bytes; any size works, bytes are flushed at every fragment.
    private static let ioBufferBytes = 64 * 1024

    /// - Parameters:
    ///   - parameters: the track's codec parameters (from the encoder, with extradata).
    ///   - timeBase: the time base of the packets that will be written.
    ///   - codecTag: an explicit sample entry (e.g. "hvc1", which Apple requires for HEVC in HLS).
    init(parameters: CodecParameters, timeBase: AVRational, codecTag: String? = nil) throws(FFmpegError) {
        var context: UnsafeMutablePointer<AVFormatContext>? = nil
        try check(avformat_alloc_output_context2(&context, nil, "mp4", nil), "avformat_alloc_output_context2(mp4)")
        guard let context else { throw FFmpegError(code: cffmpeg_averror_einval(), operation: "avformat_alloc_output_context2(mp4)") }
        self.context = context
        sink = ByteSink()
        inputTimeBase = timeBase
        guard let buffer = av_malloc(FragmentedMP4Writer.ioBufferBytes)?.assumingMemoryBound(to: UInt8.self),
            let io = avio_alloc_context(
                buffer, Int32(FragmentedMP4Writer.ioBufferBytes), 1,
                Unmanaged.passUnretained(sink).toOpaque(), nil, byteSinkWrite, nil)
        else {
            fatalError("avio_alloc_context: out of memory")
        }
        context.pointee.pb = io
        context.pointee.flags |= AVFMT_FLAG_CUSTOM_IO | AVFMT_FLAG_BITEXACT
        guard let stream = avformat_new_stream(context, nil) else { fatalError("avformat_new_stream: out of memory") }
        self.stream = stream
        try check(avcodec_parameters_copy(stream.pointee.codecpar, parameters.pointer), "avcodec_parameters_copy")
        if let codecTag, codecTag.utf8.count == 4 {
            let bytes = Array(codecTag.utf8)
            stream.pointee.codecpar.pointee.codec_tag = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
        }
        stream.pointee.time_base = timeBase
    }

    deinit {
        if let io = context.pointee.pb {
            av_freep(&io.pointee.buffer)
            var freeing: UnsafeMutablePointer<AVIOContext>? = io
            avio_context_free(&freeing)
            context.pointee.pb = nil
        }
        avformat_free_context(context)
    }

    /// Writes the header and returns the init segment's bytes.
    func writeHeader() throws(FFmpegError) -> [UInt8] {
        var options: OpaquePointer? = nil
        defer { av_dict_free(&options) }
        av_dict_set(&options, "movflags", FragmentedMP4Writer.movFlags, 0)
        try check(avformat_write_header(context, &options), "avformat_write_header(mp4)")
        avio_flush(context.pointee.pb)
        return sink.take()
    }

    /// Adds one packet (timestamps in the time base given at init) to the current fragment.
    func write(_ packet: Packet) throws(FFmpegError) {
        packet.pointer.pointee.stream_index = stream.pointee.index
        packet.rescale(from: inputTimeBase, to: stream.pointee.time_base)
        try check(av_write_frame(context, packet.pointer), "av_write_frame(mp4)")
    }

    /// Ends the current fragment and returns it (empty when no packet was written since the last flush).
    ///
    /// - Parameter opensSegment: whether the fragment begins a media segment and so gets the `styp`
    ///   first; false for the later CMAF parts (chunks) of a segment, which follow it in the same file.
    func flushFragment(opensSegment: Bool = true) throws(FFmpegError) -> [UInt8] {
        try check(av_write_frame(context, nil), "av_write_frame(mp4, flush)")
        avio_flush(context.pointee.pb)
        let fragment = sink.take()
        return fragment.isEmpty || !opensSegment ? fragment : SegmentTypeBox.bytes + fragment
    }

    /// Finishes the muxer; trailing bytes (none with `skip_trailer`) are discarded.
    func finish() throws(FFmpegError) {
        try check(av_write_trailer(context), "av_write_trailer(mp4)")
        avio_flush(context.pointee.pb)
        _ = sink.take()
    }
}

/// The bytes a muxer wrote since the last `take()`.
final class ByteSink {
    var bytes: [UInt8] = []
    func take() -> [UInt8] { defer { bytes = [] }; return bytes }
}

/// `AVIOContext.write_packet`: appends to the ``ByteSink`` passed as `opaque`.
private func byteSinkWrite(_ opaque: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int32) -> Int32 {
    guard let opaque, let buffer, count > 0 else { return 0 }
    let sink = Unmanaged<ByteSink>.fromOpaque(opaque).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: Int(count)))
    return count
}

#endif
