import ABRSimulator
import Foundation

/// Reads network traces from files and folders, detecting the format unless told.
public enum TraceReader {
    /// Reads one trace file.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - format: the format, or `nil` to detect it from the content (`TraceFormat.detect`).
    /// - Returns: the trace, named after the file (without its folder).
    /// - Throws: `FormatError` naming the file, and the line or JSON element, of the first problem.
    public static func read(path: String, format: TraceFormat? = nil) throws(FormatError) -> BandwidthTrace {
        let data = try TextFile.readData(path)
        // The fast path from bytes; when it declines, the reference readers decide (same periods, same errors).
        let fast = data.withUnsafeBytes { raw -> [TracePeriod]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let format = format ?? FastTraceIngest.detect(bytes) else { return nil }
            return FastTraceIngest.periods(bytes, format: format)
        }
        if let fast {
            do {
                return try BandwidthTrace(name: fileName(path), periods: fast)
            } catch {
                throw FormatError(error, path: path)
            }
        }
        return try referenceRead(text: TextFile.text(data, path: path), path: path, format: format)
    }

    /// ``read(path:format:)`` as it was before the byte-level fast path: the whole file as a
    /// `String`, then the format's reference reader. Kept as the oracle of the fast path (tests)
    /// and its baseline (`Benchmarks/Sources/IngestBench`); same periods, same errors.
    @_spi(Reference) public static func referenceRead(path: String, format: TraceFormat? = nil) throws(FormatError) -> BandwidthTrace {
        try referenceRead(text: TextFile.read(path), path: path, format: format)
    }

    static func referenceRead(text: String, path: String, format: TraceFormat?) throws(FormatError) -> BandwidthTrace {
        guard let format = format ?? TraceFormat.detect(text) else {
            if TextFile.lines(text).isEmpty { throw FormatError(.emptyFile, path: path, problem: "the file has no data lines") }
            throw FormatError(
                .unknownFormat, path: path, problem: "cannot tell the trace format from the content",
                expected: "one of \(TraceFormat.allCases.map(\.rawValue).joined(separator: ", ")), or name it explicitly")
        }
        let periods = try format.referencePeriods(parsing: text, path: path)
        do {
            return try BandwidthTrace(name: fileName(path), periods: periods)
        } catch {
            throw FormatError(error, path: path)
        }
    }

    /// Reads every trace under each path: a file is read as is; a folder contributes its regular
    /// files, sorted by name in byte order (for determinism), skipping hidden files and `README*`.
    /// Sub-folders are not descended into.
    public static func readAll(paths: [String], format: TraceFormat? = nil) throws(FormatError) -> [BandwidthTrace] {
        var traces: [BandwidthTrace] = []
        for path in paths {
            for file in try files(at: path) { traces.append(try read(path: file, format: format)) }
        }
        return traces
    }

    /// The trace files `readAll` would read for `path`, in order.
    public static func files(at path: String) throws(FormatError) -> [String] {
        let kind: FileKind
        do { kind = try FileKind.of(path) } catch { throw FormatError(error, path: path) }
        guard kind == .folder else { return [path] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw FormatError(.unreadable, path: path, problem: "cannot list the folder: \(error.localizedDescription)")
        }
        let folder = URL(fileURLWithPath: path)
        let files =
            names
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("README") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { folder.appendingPathComponent($0).path }
            .filter { file in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
            }
        guard !files.isEmpty else {
            throw FormatError(.emptyFile, path: path, problem: "the folder holds no trace files", expected: "one trace per file")
        }
        return files
    }

    static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}
