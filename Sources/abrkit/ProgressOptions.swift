#if FFmpeg
import ABRSimulator
import ArgumentParser
import EncodingLadder

/// How often `encode`, `hull` and `demo` report progress on stderr: on a terminal, one line redrawn
/// in place; otherwise (a log file, a pipe, CI) a plain line at a slower pace.
struct ProgressOptions: ParsableArguments {
    /// 0.5 s on a terminal: the line is redrawn in place, so a fast pace costs no space.
    static let terminalIntervalSeconds = EncodeOptions.defaultProgressIntervalSeconds
    /// 5 s between lines in a log: a long encode is seen to move, at 12 lines a minute.
    static let logIntervalSeconds = 5.0
    /// 3600 s (one hour): a longer pace reports nothing useful; a larger value is a typo.
    static let maximumIntervalSeconds = 3600.0

    // `.unconditional`: `--progress-interval -1` reaches validate() instead of argument-parser's "Missing value".
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds between progress reports on stderr (default: \(NumberFormat.shortest(terminalIntervalSeconds)) s on a terminal, redrawn in place; otherwise one line every \(NumberFormat.shortest(logIntervalSeconds)) s).",
            valueName: "s"))
    var progressInterval: Double?

    func validate() throws {
        if let progressInterval, !(progressInterval > 0 && progressInterval <= Self.maximumIntervalSeconds) {
            throw ValidationError(
                "--progress-interval \(progressInterval): expected a positive number of seconds, at most \(NumberFormat.shortest(Self.maximumIntervalSeconds))")
        }
    }

    /// The interval to use when stderr is (or is not) a terminal.
    func intervalSeconds(onTerminal: Bool) -> Double {
        progressInterval ?? (onTerminal ? Self.terminalIntervalSeconds : Self.logIntervalSeconds)
    }
}
#endif
