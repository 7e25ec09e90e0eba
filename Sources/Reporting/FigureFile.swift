import ABRFormats
import Foundation

/// Writes figures to disk: the SVG always, and a PNG beside it when `rsvg-convert` is installed.
public enum FigureFile {
    /// Writes `figure` as SVG to `path` (atomically) and, if possible, as PNG to the same path with `.png`.
    ///
    /// - Returns: the paths written.
    @discardableResult
    public static func write(_ figure: Figure, to path: String, png: Bool = true) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        try AtomicFile.write(figure.svg, to: path)
        var written = [path]
        if png, let converter = rsvgConvert {
            let pngURL = url.deletingPathExtension().appendingPathExtension("png")
            let process = Process()
            process.executableURL = converter
            process.arguments = ["--format=png", "--output", pngURL.path, "--zoom=1.5", url.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus == 0 { written.append(pngURL.path) }
        }
        return written
    }

    /// `rsvg-convert` on the PATH (librsvg2-bin), if any.
    public static var rsvgConvert: URL? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("rsvg-convert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
