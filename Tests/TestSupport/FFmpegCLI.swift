/// The `ffmpeg` and `ffprobe` command-line tools: independent oracles and fixture makers for the
/// encoder's tests.
public enum FFmpegCLI {
    /// Whether both tools are on `PATH` (tests that need them skip, saying so, where not).
    public static var isAvailable: Bool { ProcessRunner.isAvailable("ffmpeg") && ProcessRunner.isAvailable("ffprobe") }

    /// Runs `ffmpeg -nostdin -y -hide_banner ARGS` and returns its log (standard error).
    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        try ProcessRunner.tool(["ffmpeg", "-nostdin", "-y", "-hide_banner"] + arguments, returningStandardError: true)
    }

    /// Runs `ffprobe -v error ARGS` and returns its standard output.
    public static func probe(_ arguments: [String]) throws -> String {
        try ProcessRunner.tool(["ffprobe", "-v", "error"] + arguments)
    }
}
