#if FFmpeg
import ABRSimulator
import ArgumentParser
import EncodingLadder
import Foundation
import LadderCore

/// What `encode` and `hull` read: a file, or the built-in sample.
struct EncodeSourceOptions: ParsableArguments {
    @Argument(help: "The source video: any file libavformat reads. Omit it with --sample.")
    var input: String?

    /// 86 400 s (one day): the longest built-in sample accepted. The sample encodes at a few
    /// seconds per second of 4K on two cores, so a day is already weeks of work; a longer value is
    /// a typo, and one near 10¹⁵ s would overflow the frame count.
    static let maximumSampleSeconds = 86_400.0

    // `.unconditional`: `--sample -4` reaches validate() instead of argument-parser's "Missing value".
    @Option(
        parsing: .unconditional,
        help: "Encode the built-in synthetic sample of this many seconds (at the ladder's top resolution) instead of a file.")
    var sample: Double?

    func validate() throws {
        if (input == nil) == (sample == nil) {
            throw ValidationError("give either an input file or --sample <seconds>, not both and not neither")
        }
        if let sample, !(sample > 0 && sample <= Self.maximumSampleSeconds) {
            throw ValidationError(
                "--sample \(sample): expected a positive number of seconds, at most \(NumberFormat.shortest(Self.maximumSampleSeconds)) (one day)")
        }
    }

    /// Checks a `--segment-seconds` value as a ladder file's `segment_seconds` is checked: more than
    /// 0 and at most `LadderSpec.maximumSegmentSeconds`.
    static func validateSegmentSeconds(_ seconds: Double) throws {
        guard seconds > 0, seconds <= LadderSpec.maximumSegmentSeconds else {
            throw ValidationError(
                "--segment-seconds \(seconds): expected a positive number of seconds, at most \(NumberFormat.shortest(LadderSpec.maximumSegmentSeconds))")
        }
    }

    var encodeInput: EncodeOptions.Input { input.map { .file(path: $0) } ?? .sample(durationSeconds: sample ?? 0) }
}

/// Runs an encode the way every command does (`encode`, `hull`, `demo`): FFmpeg quiet but for
/// errors, reproducible heap, warnings and progress on stderr (stdout and the files are the same
/// whatever stderr is).
enum EncodeRun {
    /// - Parameter display: the progress pace; on a terminal the line is redrawn in place, otherwise
    ///   each report is a line of its own starting `progress: `, the last one at the total.
    static func run(_ options: EncodeOptions, progress display: ProgressOptions) throws -> EncodeReport {
        EncodingProcess.prepare()
        let onTerminal = isatty(STDERR_FILENO) == 1
        var options = options
        options.progressIntervalSeconds = display.intervalSeconds(onTerminal: onTerminal)
        var drewLine = false
        defer { if drewLine { FileHandle.standardError.write(Data("\n".utf8)) } }
        return try EncodeJob(options: options).run(
            warn: { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) },
            progress: { progress in
                let text = ProgressLine.format(progress)
                if onTerminal {
                    FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
                    drewLine = true
                } else {
                    FileHandle.standardError.write(Data("progress: \(text)\n".utf8))
                }
            })
    }
}
#endif
