// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// An open media file (libavformat demuxer), closed in `deinit`.
final class InputFile {
    let context: UnsafeMutablePointer<AVFormatContext>
    /// The path it was opened from, for error messages.
    let path: String

    /// Opens `path` and probes its streams.
    ///
    /// - Throws: ``FFmpegError`` when libavformat cannot open or probe the file.
    init(path: String) throws(FFmpegError) {
        self.path = path
        var context: UnsafeMutablePointer<AVFormatContext>? = nil
        try check(avformat_open_input(&context, path, nil, nil), "avformat_open_input(\(path))")
        guard let opened = context else { throw FFmpegError(code: cffmpeg_averror_einval(), operation: "avformat_open_input(\(path))") }
        self.context = opened
        do {
            try check(avformat_find_stream_info(opened, nil), "avformat_find_stream_info(\(path))")
        } catch {
            var closing: UnsafeMutablePointer<AVFormatContext>? = opened
            avformat_close_input(&closing)
            throw error
        }
    }

    deinit { var closing: UnsafeMutablePointer<AVFormatContext>? = context; avformat_close_input(&closing) }

    /// The stream at `index`.
    func stream(_ index: Int32) -> UnsafeMutablePointer<AVStream> { context.pointee.streams[Int(index)]! }

    /// Index of the best stream of `type`, or nil when the file has none.
    func bestStream(_ type: AVMediaType) -> Int32? {
        let index = av_find_best_stream(context, type, -1, -1, nil, 0)
        return index >= 0 ? index : nil
    }

    /// Container duration in seconds, when the container states one.
    var durationSeconds: Double? {
        let duration = context.pointee.duration
        return duration == cffmpeg_nopts_value() || duration <= 0 ? nil : Double(duration) / Double(cffmpeg_time_base())
    }

    /// Reads the next packet into `packet`; false at the end of the file.
    ///
    /// - Throws: ``FFmpegError`` on read errors other than end of file (e.g. I/O errors).
    func read(into packet: Packet) throws(FFmpegError) -> Bool {
        packet.unref()
        let result = av_read_frame(context, packet.pointer)
        if result == FFmpegError.endOfFile { return false }
        try check(result, "av_read_frame(\(path))")
        return true
    }
}

#endif
