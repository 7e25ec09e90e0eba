import ABRSimulator
import Foundation

/// Sabre's movie JSON (Spiteri et al., MMSys 2018, `sabre.py`): `segment_duration_ms`,
/// `bitrates_kbps` (ascending, 1 kbit = 1000 bit) and `segment_sizes_bits[segment][level]`.
///
/// Sizes are converted to bytes as `bits ÷ 8` rounded to the nearest byte, halves up
/// (`(bits + 4) / 8`); Sabre's own files hold whole bytes (multiples of 8 bits), for which the
/// conversion is exact.
public enum SabreMovieFile {
    struct File: Decodable {
        var segmentDurationMs: Double
        var bitratesKbps: [Double]
        var segmentSizesBits: [[Int]]

        enum CodingKeys: String, CodingKey {
            case segmentDurationMs = "segment_duration_ms", bitratesKbps = "bitrates_kbps", segmentSizesBits = "segment_sizes_bits"
        }
    }

    /// Bytes from bits, to the nearest byte, halves up.
    static func bytes(fromBits bits: Int) -> Int { bits / 8 + (bits % 8 >= 4 ? 1 : 0) }  // no overflow near Int.max

    public static func read(path: String) throws(FormatError) -> Video {
        let file = try JSONInput.decode(File.self, from: TextFile.readData(path), path: path)
        return try makeVideo(
            path: path, segmentDurationMs: file.segmentDurationMs, bitratesKbps: file.bitratesKbps,
            segmentSizesBits: file.segmentSizesBits, levels: nil, quality: nil, metric: nil)
    }

    /// Checks the Sabre fields shared with `ladder.json` and builds the `Video`.
    static func makeVideo(
        path: String, segmentDurationMs: Double, bitratesKbps: [Double], segmentSizesBits: [[Int]],
        levels: [Level]?, quality: [[Double]]?, metric: String?, segmentDurationsMs: [Double]? = nil
    ) throws(FormatError) -> Video {
        guard segmentDurationMs.isFinite, segmentDurationMs > 0 else {
            throw FormatError.outOfRange(
                "segment_duration_ms", NumberFormat.shortest(segmentDurationMs), path: path,
                codingPath: "segment_duration_ms", expected: "milliseconds > 0")
        }
        guard !bitratesKbps.isEmpty else {
            throw FormatError(
                .inconsistentTable, path: path, codingPath: "bitrates_kbps", value: "[]",
                problem: "zero levels", expected: "at least one bitrate")
        }
        guard !segmentSizesBits.isEmpty else {
            throw FormatError(
                .inconsistentTable, path: path, codingPath: "segment_sizes_bits", value: "[]",
                problem: "zero segments", expected: "at least one segment")
        }
        for (s, row) in segmentSizesBits.enumerated() {
            guard row.count == bitratesKbps.count else {
                throw FormatError(
                    .inconsistentTable, path: path, codingPath: "segment_sizes_bits[\(s)]", value: "\(row.count)",
                    problem: "segment \(s) has \(row.count) sizes", expected: "\(bitratesKbps.count), one per bitrate")
            }
            for (l, bits) in row.enumerated() where bits < 0 {
                throw FormatError.outOfRange("size", "\(bits)", path: path, codingPath: "segment_sizes_bits[\(s)][\(l)]", expected: "bits ≥ 0")
            }
        }
        let levelList = levels ?? bitratesKbps.map { Level(bitsPerSecond: $0 * 1000) }
        do {
            return try Video(
                levels: levelList, segmentSeconds: segmentDurationMs / 1000,
                segmentBytes: segmentSizesBits.map { $0.map(bytes(fromBits:)) },
                segmentQuality: quality, qualityMetric: quality == nil ? nil : metric,
                segmentDurations: segmentDurationsMs.map { $0.map { $0 / 1000 } })
        } catch {
            throw FormatError(error, path: path)
        }
    }
}
