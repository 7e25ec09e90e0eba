import ABRSimulator
import Foundation

/// `ladder.json` as the simulator plays it: the Sabre fields, each level's name and resolution
/// from `levels`, and one per-segment quality table from `segment_quality`.
public enum LadderVideo {
    /// Quality metrics tried, in order, when the caller names none: SSIM in dB tracks perceived
    /// quality better than PSNR (Wang et al. 2004, doi:10.1109/TIP.2003.819861); PSNR is the fallback,
    /// and VMAF the last one, for a ladder encoded with `--metrics vmaf` alone (first would change
    /// what existing ladders play).
    public static let defaultQualityMetrics = ["ssim_db", "psnr_db", "vmaf"]

    /// Reads a ladder file.
    ///
    /// - Parameters:
    ///   - path: the `ladder.json` (or Sabre movie JSON) to read.
    ///   - qualityMetric: the `segment_quality` key to use; `nil` picks the first of
    ///     `defaultQualityMetrics` present, or no quality when none is.
    /// - Throws: `FormatError` for invalid JSON, a table that disagrees with `bitrates_kbps`, or a
    ///   named `qualityMetric` that is absent.
    public static func read(path: String, qualityMetric: String? = nil) throws(FormatError) -> Video {
        let file = try readFile(path: path)
        try check(
            file.levels.count == file.bitratesKbps.count, path: path, codingPath: "levels", value: "\(file.levels.count)",
            problem: "\(file.levels.count) level descriptions", expected: "\(file.bitratesKbps.count), one per bitrate")
        let levels = zip(file.bitratesKbps, file.levels).map { kbps, info in
            Level(bitsPerSecond: kbps * 1000, width: info.width, height: info.height, name: info.name)
        }
        let tables = file.segmentQuality ?? [:]
        let metric: String?
        if let qualityMetric {
            try check(
                tables[qualityMetric] != nil, path: path, codingPath: "segment_quality", value: qualityMetric,
                problem: "no quality table \"\(qualityMetric)\"", expected: "one of: \(tables.keys.sorted().joined(separator: ", "))")
            metric = qualityMetric
        } else {
            metric = defaultQualityMetrics.first { tables[$0] != nil }
        }
        let video = try SabreMovieFile.makeVideo(
            path: path, segmentDurationMs: file.segmentDurationMs, bitratesKbps: file.bitratesKbps,
            segmentSizesBits: file.segmentSizesBits, levels: levels,
            quality: metric.flatMap { tables[$0] }, metric: metric, segmentDurationsMs: file.segmentDurationsMs)
        return try withParts(video, file: file, path: path)
    }

    /// `video` with the file's CMAF part sizes (`part_seconds`, `segment_part_sizes_bytes`), or as
    /// it is when the file has none.
    ///
    /// - Throws: `FormatError` naming the field: one of the two fields without the other, a part
    ///   duration that is not a positive number, or a table the segments reject (see `VideoParts`).
    static func withParts(_ video: Video, file: LadderFile, path: String) throws(FormatError) -> Video {
        switch (file.partSeconds, file.segmentPartSizesBytes) {
        case (nil, nil):
            return video
        case (let seconds?, nil):
            throw FormatError(
                .malformedRecord, path: path, codingPath: "segment_part_sizes_bytes", value: NumberFormat.shortest(seconds),
                problem: "part_seconds is given but segment_part_sizes_bytes is missing", expected: "both fields or neither")
        case (nil, .some):
            throw FormatError(
                .malformedRecord, path: path, codingPath: "part_seconds", problem: "segment_part_sizes_bytes is given but part_seconds is missing",
                expected: "both fields or neither")
        case (let seconds?, let bytes?):
            guard seconds.isFinite, seconds > 0 else {
                throw FormatError.outOfRange("part_seconds", NumberFormat.shortest(seconds), path: path, codingPath: "part_seconds", expected: "seconds > 0")
            }
            do {
                return try Video(
                    levels: video.levels, segmentSeconds: video.segmentSeconds, segmentBytes: video.segmentBytes,
                    segmentQuality: video.segmentQuality, qualityMetric: video.qualityMetric, segmentDurations: video.segmentDurations,
                    parts: (seconds, bytes))
            } catch {
                var failure = FormatError(error, path: path)
                failure.codingPath = "segment_part_sizes_bytes"
                throw failure
            }
        }
    }

    /// Decodes a ladder file as written, without turning it into a `Video`.
    ///
    /// - Throws: `FormatError` for a missing file or invalid JSON (with the coding path).
    public static func readFile(path: String) throws(FormatError) -> LadderFile {
        try JSONInput.decode(LadderFile.self, from: TextFile.readData(path), path: path)
    }

    private static func check(_ condition: Bool, path: String, codingPath: String, value: String, problem: String, expected: String) throws(FormatError) {
        if !condition { throw FormatError(.inconsistentTable, path: path, codingPath: codingPath, value: value, problem: problem, expected: expected) }
    }
}
