import ABRSimulator
import Foundation

/// Pensieve's video description: a folder of `video_size_0 … video_size_{L−1}`, one file per
/// level (lowest first), one chunk size in bytes per line (Mao et al., SIGCOMM 2017,
/// doi:10.1145/3098822.3098843; written by Pensieve's `get_video_sizes.py`).
///
/// The files hold no bitrates or chunk length, so the caller supplies them; the defaults are
/// Pensieve's. Pensieve's folder has 49 lines per file, of which its simulator plays 48
/// (`TOTAL_VIDEO_CHUNCK = 48` in `fixed_env.py`); pass `segmentLimit` to reproduce that.
public enum PensieveVideoFolder {
    /// Pensieve's `VIDEO_BIT_RATE` (kbit/s) in `sim/` and `test/`.
    public static let defaultBitratesKbps: [Double] = [300, 750, 1200, 1850, 2850, 4300]
    /// Pensieve's `VIDEO_CHUNCK_LEN = 4000.0` ms.
    public static let defaultSegmentSeconds = 4.0
    /// Pensieve's `TOTAL_VIDEO_CHUNCK = 48`: chunks its simulator plays.
    public static let pensievePlayedChunkCount = 48
    static let filePrefix = "video_size_"

    public static func read(
        path: String, bitratesKbps: [Double] = defaultBitratesKbps, segmentSeconds: Double = defaultSegmentSeconds,
        segmentLimit: Int? = nil
    ) throws(FormatError) -> Video {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw FormatError(
                exists ? .unreadable : .fileNotFound, path: path, problem: exists ? "not a readable folder" : "no such folder",
                expected: "a folder of video_size_0 … video_size_N files")
        }
        let levelFiles = names.filter { $0.hasPrefix(filePrefix) }
        guard !levelFiles.isEmpty else {
            throw FormatError(
                .inconsistentTable, path: path, value: "0", problem: "zero levels: no video_size_N files", expected: "video_size_0 … video_size_N")
        }
        guard levelFiles.count == bitratesKbps.count else {
            throw FormatError(
                .inconsistentTable, path: path, value: "\(levelFiles.count)",
                problem: "\(levelFiles.count) video_size_N files for \(bitratesKbps.count) bitrates",
                expected: "one file per bitrate (\(bitratesKbps.map(NumberFormat.shortest).joined(separator: ",")) kbit/s)")
        }
        let folder = URL(fileURLWithPath: path)
        var columns: [[Int]] = []
        for level in 0..<bitratesKbps.count {
            let file = folder.appendingPathComponent("\(filePrefix)\(level)").path
            var sizes: [Int] = []
            for (number, line) in TextFile.lines(try TextFile.read(file)) {
                guard let bytes = Int(line) else { throw FormatError.notANumber("chunk size", line, path: file, line: number, expected: "whole bytes ≥ 0") }
                guard bytes >= 0 else { throw FormatError.outOfRange("chunk size", line, path: file, line: number, expected: "whole bytes ≥ 0") }
                sizes.append(bytes)
            }
            guard !sizes.isEmpty else {
                throw FormatError(.emptyFile, path: file, problem: "zero segments: the file has no sizes", expected: "one chunk size per line")
            }
            if let first = columns.first, first.count != sizes.count {
                throw FormatError(
                    .inconsistentTable, path: file, value: "\(sizes.count)",
                    problem: "\(sizes.count) chunk sizes, but video_size_0 has \(first.count)", expected: "the same chunk count in every file")
            }
            columns.append(sizes)
        }
        let count = max(0, min(columns[0].count, segmentLimit ?? Int.max))  // a limit ≤ 0 leaves no segments: an error below
        let table = (0..<count).map { s in columns.map { $0[s] } }
        do {
            return try Video(levels: bitratesKbps.map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: segmentSeconds, segmentBytes: table)
        } catch {
            throw FormatError(error, path: path)
        }
    }
}
