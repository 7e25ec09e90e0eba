// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// An owning `AVPacket`: compressed data with timestamps, freed in `deinit`.
final class Packet: @unchecked Sendable {
    // @unchecked: a packet is used by one thread at a time (handed over, never shared mutably).
    let pointer: UnsafeMutablePointer<AVPacket>

    init() {
        guard let packet = av_packet_alloc() else { fatalError("av_packet_alloc: out of memory") }
        pointer = packet
    }

    deinit { var packet: UnsafeMutablePointer<AVPacket>? = pointer; av_packet_free(&packet) }

    /// Size of the compressed payload in bytes.
    var byteCount: Int { Int(pointer.pointee.size) }
    var streamIndex: Int32 { pointer.pointee.stream_index }
    /// Presentation timestamp in the stream's time base, or nil when unset.
    var pts: Int64? { pointer.pointee.pts == cffmpeg_nopts_value() ? nil : pointer.pointee.pts }
    var isKeyFrame: Bool { pointer.pointee.flags & AV_PKT_FLAG_KEY != 0 }

    /// Drops the payload so the packet can be reused.
    /// Duration in the stream's time base.
    var duration: Int64 {
        get { pointer.pointee.duration }
        set { pointer.pointee.duration = newValue }
    }

    func unref() { av_packet_unref(pointer) }

    /// Rescales pts, dts and duration between time bases.
    func rescale(from source: AVRational, to destination: AVRational) {
        av_packet_rescale_ts(pointer, source, destination)
    }
}

#endif
