import Foundation

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

    /// An ffmpeg with the `libvmaf` filter, found as abrkit looks for one (`ffmpeg` on `PATH`, else
    /// imageio-ffmpeg's, asking python3), or nil: tests of VMAF skip, saying so, without one.
    public static let vmafExecutable: String? = {
        func hasLibVMAF(_ path: String) -> Bool {
            guard let result = try? ProcessRunner.run(URL(fileURLWithPath: path), ["-hide_banner", "-filters"]), result.status == 0 else { return false }
            return result.stdout.split(separator: "\n").contains { $0.split(separator: " ").dropFirst().first == "libvmaf" }
        }
        if let path = try? ProcessRunner.tool(["sh", "-c", "command -v ffmpeg"]).trimmingCharacters(in: .whitespacesAndNewlines),
            !path.isEmpty, hasLibVMAF(path)
        {
            return path
        }
        let query = "import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())"
        guard let path = try? ProcessRunner.tool(["python3", "-c", query]).trimmingCharacters(in: .whitespacesAndNewlines), hasLibVMAF(path) else {
            return nil
        }
        return path
    }()
}
