// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// A failed libav* call: the negative `AVERROR` code, the `av_strerror` text, and what was being done.
public struct FFmpegError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The negative return value of the libav* function (an `AVERROR` code).
    public var code: Int32
    /// What abrkit was doing, e.g. "avformat_open_input(/tmp/in.mp4)".
    public var operation: String
    /// `av_strerror` text for `code`.
    public var message: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
        self.message = FFmpegError.text(for: code)
    }

    public var description: String { "\(operation) failed: \(message) (AVERROR \(code))" }

    /// `av_strerror`, which always fills the buffer (falling back to "Error number N occurred").
    static func text(for code: Int32) -> String {
        let size = Int(cffmpeg_error_max_string_size())
        var buffer = [CChar](repeating: 0, count: size)
        _ = av_strerror(code, &buffer, size)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `AVERROR(EAGAIN)`: the codec needs more input (or its output must be drained) first.
    static let tryAgain = cffmpeg_averror_eagain()
    /// `AVERROR_EOF`: the stream or codec has been fully drained.
    static let endOfFile = cffmpeg_averror_eof()
}

/// Returns `result` when it is non-negative; throws an ``FFmpegError`` otherwise.
@discardableResult
func check(_ result: Int32, _ operation: @autoclosure () -> String) throws(FFmpegError) -> Int32 {
    guard result >= 0 else { throw FFmpegError(code: result, operation: operation()) }
    return result
}

#endif
