// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

/// A snapshot of a running encode, for a progress display.
///
/// The two phases run together, frame by frame, in every rung's worker: a frame is encoded, then
/// the rung's packets are decoded again and compared with the source. Quality trails the encode by
/// the encoder's delay (look-ahead and B-frames) and catches up while the encoders drain at the end.
public struct EncodeProgress: Sendable {
    public var rungCount: Int
    /// Source frames decoded so far.
    public var framesDecoded: Int
    /// Frames every rung has encoded.
    public var encode: PhaseProgress
    /// Frames every rung has measured (PSNR/SSIM); nil when quality is not measured.
    public var quality: PhaseProgress?
    /// Whether this is the last report: the encode has finished and every count is final.
    public var isFinal: Bool
}

/// One phase's frames done, of how many, and the speed and time left that follow.
public struct PhaseProgress: Sendable, Equatable {
    /// What the frames are counted for.
    public enum Phase: String, Sendable {
        case encode
        case quality
    }

    public var phase: Phase
    /// Frames done by every rung.
    public var framesDone: Int
    /// Frames to do: the source's frame count, when known (at least ``framesDone``).
    public var totalFrames: Int?
    /// Wall time since the encode started.
    public var elapsedSeconds: Double

    public init(phase: Phase, framesDone: Int, totalFrames: Int?, elapsedSeconds: Double) {
        self.phase = phase
        self.framesDone = framesDone
        self.totalFrames = totalFrames.map { max($0, framesDone) }
        self.elapsedSeconds = elapsedSeconds
    }

    /// Frames per second of wall time (0 before any time has passed).
    public var framesPerSecond: Double { elapsedSeconds > 0 ? Double(framesDone) / elapsedSeconds : 0 }

    /// Seconds left at the speed so far, when the total is known and something has been done.
    public var etaSeconds: Double? {
        guard let totalFrames, framesPerSecond > 0 else { return nil }
        return Double(totalFrames - framesDone) / framesPerSecond
    }
}

#endif
