#if FFmpeg
import EncodingLadder
import Foundation

/// The one-line progress display of `abrkit encode`: rungs, frames, speed, ETA.
enum ProgressLine {
    static func format(_ progress: EncodeProgress) -> String {
        let total = progress.expectedFrames.map { "/\($0)" } ?? ""
        let eta = progress.etaSeconds.map { String(format: " ETA %.0f s", $0) } ?? ""
        return "\(progress.rungCount) rungs  frame \(progress.framesEncoded)\(total)  "
            + String(format: "%.1f fps", progress.framesPerSecond) + eta
    }
}
#endif
