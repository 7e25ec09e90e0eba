// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// VMAF through an ffmpeg executable that has the `libvmaf` filter.
///
/// Debian 12's ffmpeg has no libvmaf; the static ffmpeg in PyPI's `imageio-ffmpeg` wheel does, so
/// ``locate(explicitPath:)`` also asks python3 for it.
public struct FFmpegVMAFBackend: Sendable {
    /// The ffmpeg executable.
    public let executablePath: String

    /// How to get a back end, for error messages.
    public static let installHint =
        "install one with `python3 -m pip install --user imageio-ffmpeg` (or `scripts/setup.sh --vmaf`), or pass --ffmpeg PATH to an ffmpeg built with --enable-libvmaf"

    /// Asks python3 where imageio-ffmpeg's bundled ffmpeg is.
    static let imageioQuery = "import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())"

    /// Finds an ffmpeg with libvmaf: `explicitPath` if given (and then only it), else `ffmpeg` on
    /// `PATH` if it has the filter, else imageio-ffmpeg's (asking python3).
    ///
    /// - Throws: ``EncodeError/Code/vmafUnavailable`` naming what was tried and both ways to get one.
    public static func locate(explicitPath: String? = nil) throws(EncodeError) -> FFmpegVMAFBackend {
        if let explicitPath {
            guard FileManager.default.isExecutableFile(atPath: explicitPath) else {
                throw EncodeError(.vmafUnavailable, "--ffmpeg '\(explicitPath)' is not an executable file")
            }
            guard hasLibVMAF(explicitPath) else {
                throw EncodeError(.vmafUnavailable, "--ffmpeg '\(explicitPath)' has no libvmaf filter; \(installHint)")
            }
            return FFmpegVMAFBackend(executablePath: explicitPath)
        }
        var tried: [String] = []
        if let onPath = ToolProcess.onPath("ffmpeg") {
            if hasLibVMAF(onPath) { return FFmpegVMAFBackend(executablePath: onPath) }
            tried.append("\(onPath) has no libvmaf filter")
        } else {
            tried.append("no ffmpeg on PATH")
        }
        if let python = ToolProcess.onPath("python3") {
            let answer = ToolProcess.run(python, ["-c", imageioQuery])
            let path = answer?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if answer?.status == 0, !path.isEmpty, hasLibVMAF(path) { return FFmpegVMAFBackend(executablePath: path) }
            tried.append(answer?.status == 0 ? "imageio-ffmpeg's ffmpeg (\(path)) has no libvmaf filter" : "python3 has no imageio_ffmpeg")
        } else {
            tried.append("no python3 on PATH")
        }
        throw EncodeError(.vmafUnavailable, "no VMAF back end (\(tried.joined(separator: "; "))): \(installHint)")
    }

    /// Whether `ffmpeg -filters` lists `libvmaf`.
    static func hasLibVMAF(_ executable: String) -> Bool {
        guard let result = ToolProcess.run(executable, ["-hide_banner", "-filters"]), result.status == 0 else { return false }
        return result.output.split(separator: "\n").contains { $0.split(separator: " ").dropFirst().first == "libvmaf" }
    }
}

extension FFmpegVMAFBackend: VMAFBackend {
    var summary: String { "ffmpeg \(executablePath) (libvmaf filter)" }

    /// Scores two tiny grey clips with the model: libvmaf fails to initialise on an unknown one.
    func validateModel(_ model: String) throws(EncodeError) {
        let clip = "color=c=gray:s=64x64:d=0.1"
        let arguments = [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", clip, "-f", "lavfi", "-i", clip,
            "-lavfi", "[0:v][1:v]libvmaf=model=version=\(model)", "-f", "null", "-",
        ]
        guard let result = ToolProcess.run(executablePath, arguments, standardError: true) else {
            throw EncodeError(.vmafUnavailable, "cannot run \(executablePath)")
        }
        guard result.status == 0 else {
            let log = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            throw EncodeError(
                .invalidVMAFOptions,
                "VMAF model '\(model)' is not one of libvmaf's built-in models in \(summary) (e.g. \(VMAFOptions.defaultModel), vmaf_4k_v0.6.1, vmaf_v0.6.1neg): \(log)"
            )
        }
    }

    func makeScorer(width: Int, height: Int, model: String, options: VMAFOptions, what: String) throws(EncodeError) -> any VMAFScorer {
        try FFmpegVMAFScorer(executablePath: executablePath, width: width, height: height, model: model, options: options, what: what)
    }
}

#endif
