// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

/// Why an encode could not run or finish: a code to branch on, a message for people, and the
/// underlying libav* failure when there is one.
public struct EncodeError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case inputNotFound
        case noVideoStream
        case noFrames
        case unsupportedInput
        case invalidLadder
        /// An option out of range for this source or ladder (e.g. a part longer than a segment).
        case invalidOptions
        case noUsableRung
        case encoderUnavailable
        case outputNotWritable
        case ffmpeg
        /// No ffmpeg with the libvmaf filter was found (or the one named is not usable).
        case vmafUnavailable
        /// A VMAF model or subsample that cannot be used.
        case invalidVMAFOptions
        /// The VMAF back end failed while scoring.
        case vmafFailed
        case internalInvariant
    }

    public var code: Code
    public var message: String
    /// The libav* failure behind this error, if any.
    public var cause: FFmpegError?

    public init(_ code: Code, _ message: String, cause: FFmpegError? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message): \(cause)"
    }
}

#endif
