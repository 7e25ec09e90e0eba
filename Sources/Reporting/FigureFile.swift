import ABRFormats
import Foundation

/// Writes figures to disk as SVG, PNG or PDF; PNG and PDF are converted from the SVG by
/// `rsvg-convert` (package librsvg2-bin), the one renderer the project uses.
public enum FigureFile {
    /// A figure file's format.
    public enum Format: String, Sendable, CaseIterable {
        case svg, png, pdf

        /// The format a path's extension names, if any.
        public init?(path: String) { self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased()) }
    }

    /// A figure that could not be written: the converter is missing or failed.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public enum Code: String, Sendable { case converterMissing, converterFailed }
        public var code: Code
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// PNGs at 1.5× the SVG's pixel size: sharp on high-density screens and in slides.
    public static let pngZoom = "1.5"

    /// Writes `figure` to `path` in `format`. An SVG gets a PNG beside it (same name, `.png`) when
    /// `pngBeside` and `rsvg-convert` is installed; PNG and PDF need `rsvg-convert`.
    ///
    /// Every file is written atomically, and a PDF is byte-identical from run to run
    /// (`SOURCE_DATE_EPOCH` fixes its creation date).
    ///
    /// - Returns: the paths written.
    /// - Throws: ``WriteError`` when PNG or PDF is asked for without `rsvg-convert`, or it fails;
    ///   `AtomicFile.WriteError` when a file cannot be written.
    @discardableResult
    public static func write(_ figure: Figure, to path: String, format: Format = .svg, pngBeside: Bool = true) throws -> [String] {
        let svg = figure.svg
        if format == .svg {
            try AtomicFile.write(svg, to: path)
            guard pngBeside, let converter = rsvgConvert else { return [path] }
            let png = pngPath(beside: path)
            return (try? convert(svgFile: path, to: png, format: .png, converter: converter)) == nil ? [path] : [path, png]
        }
        guard let converter = rsvgConvert else {
            throw WriteError(
                code: .converterMissing, path: path,
                message:
                    "writing \(format.rawValue.uppercased()) needs rsvg-convert, which is not on the PATH: install the package librsvg2-bin (apt-get install librsvg2-bin; brew install librsvg)"
            )
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let source = directory + "/.\(URL(fileURLWithPath: path).lastPathComponent).\(getpid()).svg"
        try AtomicFile.write(svg, to: source, flush: false)
        defer { try? FileManager.default.removeItem(atPath: source) }
        try convert(svgFile: source, to: path, format: format, converter: converter)
        return [path]
    }

    /// Runs `rsvg-convert` into a temporary file beside `path`, then renames it into place.
    private static func convert(svgFile: String, to path: String, format: Format, converter: URL) throws {
        let temporary = path + ".\(getpid()).tmp"
        let process = Process()
        process.executableURL = converter
        process.arguments = ["--format=\(format.rawValue)", "--output", temporary] + (format == .png ? ["--zoom=\(pngZoom)"] : []) + [svgFile]
        process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "0"]) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(
                code: .converterFailed, path: path,
                message:
                    "rsvg-convert exited \(process.terminationStatus): \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))"
            )
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(code: .converterFailed, path: path, message: "cannot move the converted file into place: \(reason)")
        }
    }

    /// `path` with its extension replaced by `.png`, as relative or absolute as it was given.
    static func pngPath(beside path: String) -> String {
        let ext = URL(fileURLWithPath: path).pathExtension
        return ext.isEmpty ? path + ".png" : String(path.dropLast(ext.count)) + "png"
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
