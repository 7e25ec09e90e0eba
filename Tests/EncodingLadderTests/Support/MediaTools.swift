#if FFmpeg
import Foundation
import TestSupport

@testable import EncodingLadder
@testable import LadderCore

/// Fixture makers and oracles for the pipeline tests, over the `ffmpeg` and `ffprobe` command-line tools (``FFmpegCLI``).
enum MediaTools {
    /// Makes a test clip with ffmpeg's lavfi sources (testsrc2 video, optional sine audio).
    static func makeClip(
        at path: String, size: String = "320x180", rate: Int = 25, seconds: Double = 2, audio: Bool = false,
        videoCodec: [String] = ["-c:v", "libx264", "-preset", "ultrafast", "-qp", "0"]
    ) throws {
        var arguments = ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=\(rate)"]
        if audio { arguments += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"] }
        arguments += ["-t", String(seconds)] + videoCodec
        if audio { arguments += ["-c:a", "aac", "-b:a", "64k"] }
        arguments += ["-pix_fmt", "yuv420p", path]
        try FFmpegCLI.run(arguments)
    }

    /// Per-frame (pts seconds, key frame) of a file's video, in presentation order.
    static func frames(of path: String) throws -> [ProbedFrame] {
        try FFmpegCLI.probe(["-select_streams", "v:0", "-show_entries", "frame=pts_time,key_frame", "-of", "csv=p=0", path])
            .split(separator: "\n").compactMap { line in
                let fields = line.split(separator: ",")
                guard fields.count >= 2, let key = Int(fields[0]), let pts = Double(fields[1]) else { return nil }
                return ProbedFrame(pts: pts, key: key == 1)
            }
    }
}

/// Keeps libav*'s and the encoders' informational lines out of the test log (as the CLI does), once per process.
private let quietFFmpegLogs: Void = {
    FFmpegLog.showErrorsOnly()
    setenv("SVT_LOG", "2", 0)
}()

extension TemporaryDirectory {
    /// A fresh temporary directory for a test that encodes in this process, with libav*'s and the
    /// encoders' logs quieted first.
    static func forEncoding() throws -> TemporaryDirectory {
        quietFFmpegLogs
        return try TemporaryDirectory()
    }
}

/// The small ladder the tests encode: 160×90 and 320×180 x264 rungs, 1 s segments, fast preset.
enum TestLadder {
    static func make(segmentSeconds: Double = 1, rungs: [Rung]? = nil) -> LadderSpec {
        LadderSpec(
            name: "test-2", segmentSeconds: segmentSeconds,
            rungs: rungs ?? [
                Rung(
                    name: "90p", width: 160, height: 90, codec: .libx264, bitrateKbps: 150, maxrateKbps: 225, bufsizeKbits: 300,
                    preset: "veryfast"),
                Rung(
                    name: "180p", width: 320, height: 180, codec: .libx264, bitrateKbps: 400, maxrateKbps: 600, bufsizeKbits: 800,
                    preset: "veryfast"),
            ])
    }
}

/// One video frame as ffprobe reports it: presentation time in seconds, key frame or not.
struct ProbedFrame: Equatable {
    var pts: Double
    var key: Bool
}
#endif
