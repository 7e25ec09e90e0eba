#if FFmpeg
import EncodingLadder
import Foundation

/// The text of one progress report of `encode`, `hull` and `demo`: each phase's frames done of the
/// total, speed and time left, e.g. `2 rungs  encode 120/360 frames 30.0 fps ETA 8 s  quality
/// 100/360 frames 25.0 fps ETA 10 s`.
enum ProgressLine {
    static func format(_ progress: EncodeProgress) -> String {
        ([String(progress.rungCount) + (progress.rungCount == 1 ? " rung" : " rungs")] + [progress.encode, progress.quality].compactMap { $0 }.map(phase))
            .joined(separator: "  ")
    }

    /// `encode 120/360 frames 30.0 fps ETA 8 s`; without a known total, `encode 120 frames 30.0 fps`.
    static func phase(_ phase: PhaseProgress) -> String {
        let total = phase.totalFrames.map { "/\($0)" } ?? ""
        let eta = phase.etaSeconds.map { String(format: " ETA %.0f s", $0) } ?? ""
        return "\(phase.phase.rawValue) \(phase.framesDone)\(total) frames " + String(format: "%.1f fps", phase.framesPerSecond) + eta
    }
}
#endif
