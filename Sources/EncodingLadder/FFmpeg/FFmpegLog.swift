// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// libav*'s global log level; only the executable's entry point should change it.
enum FFmpegLog {
    /// Keeps libav* (and x264's informational lines) quiet except for errors.
    static func showErrorsOnly() { av_log_set_level(AV_LOG_ERROR) }
}

#endif
