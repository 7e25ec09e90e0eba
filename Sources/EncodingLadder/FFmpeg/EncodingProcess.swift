// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import Foundation

/// Process-wide settings an executable that encodes makes once, at its entry point.
public enum EncodingProcess {
    /// SVT-AV1 logs through its own channel, not `av_log`; level 1 keeps its errors and fatal
    /// messages (SVT-AV1 `EbLog.h`: 0 fatal, 1 error, 2 warning, 3 info; `SVT_LOG`). Its warnings
    /// include one "Failed to set thread priority" per thread, which ``RealTimePriority`` causes
    /// on purpose.
    static let svtLogLevel = "1"

    /// Quiets libav*, x264 and SVT-AV1 but for errors, and makes the heap deterministic so that
    /// encodes are byte-reproducible (`HeapDeterminism`).
    ///
    /// Both are process-wide: call this from `main` (the CLI and the benchmarks do), not from a library.
    public static func prepare() {
        FFmpegLog.showErrorsOnly()
        setenv("SVT_LOG", svtLogLevel, 0)
        HeapDeterminism.enable()
    }
}

#endif
