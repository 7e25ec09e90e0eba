import ABRSimulator

/// A title in Sabre's own units: the fields of Sabre's movie JSON.
///
/// Sabre computes in milliseconds, kbit/s and bits (1 kbit = 1000 bit, so kbit/s = bit/ms);
/// keeping those units makes every intermediate value the same binary number sabre.py computes.
/// A `Video` (bytes, seconds, bit/s) converts exactly when its segments are whole bytes.
public struct SabreMovie: Hashable, Sendable {
    /// `segment_duration_ms`: every segment's duration in milliseconds.
    public let segmentDurationMs: Double
    /// `bitrates_kbps`: nominal level bitrates in kbit/s, ascending.
    public let bitratesKbps: [Double]
    /// `segment_sizes_bits[segment][level]`: segment sizes in bits.
    public let segmentSizesBits: [[Double]]

    /// Creates a movie, validating the table.
    ///
    /// - Throws: `ModelError` for no levels or segments, a non-positive or non-finite duration or
    ///   bitrate, bitrates not strictly ascending, a ragged table, or a size that is not a finite
    ///   number > 0 (sabre.py divides by every download's duration, so an empty segment crashes it).
    public init(segmentDurationMs: Double, bitratesKbps: [Double], segmentSizesBits: [[Double]]) throws(ModelError) {
        guard !bitratesKbps.isEmpty else { throw ModelError(.noLevels, "Sabre movie has no bitrates") }
        guard !segmentSizesBits.isEmpty else { throw ModelError(.noSegments, "Sabre movie has no segments") }
        let durationRange = ModelLimits.minimumSegmentSeconds * 1000...ModelLimits.maximumSegmentSeconds * 1000
        guard segmentDurationMs.isFinite, durationRange.contains(segmentDurationMs) else {
            throw ModelError(
                .invalidDuration,
                "segment_duration_ms \(segmentDurationMs), expected a finite number from \(NumberFormat.shortest(durationRange.lowerBound)) to \(NumberFormat.shortest(durationRange.upperBound))"
            )
        }
        for (i, kbps) in bitratesKbps.enumerated() {
            guard kbps.isFinite, kbps > 0, kbps <= ModelLimits.maximumBitsPerSecond / 1000 else {
                throw ModelError(
                    .invalidLevel,
                    "bitrates_kbps[\(i)] = \(kbps), expected a finite number > 0 and at most \(NumberFormat.shortest(ModelLimits.maximumBitsPerSecond / 1000))")
            }
            if i > 0, kbps <= bitratesKbps[i - 1] {
                throw ModelError(
                    .invalidLevel, "bitrates_kbps[\(i)] = \(kbps) is not above bitrates_kbps[\(i - 1)] = \(bitratesKbps[i - 1]); bitrates must ascend")
            }
        }
        for (s, row) in segmentSizesBits.enumerated() {
            guard row.count == bitratesKbps.count else {
                throw ModelError(.raggedSizes, "segment_sizes_bits[\(s)] has \(row.count) sizes, expected \(bitratesKbps.count) (one per bitrate)")
            }
            for (l, bits) in row.enumerated() where !(bits.isFinite && bits > 0 && bits <= Double(ModelLimits.maximumSegmentBytes) * 8) {
                throw ModelError(
                    .invalidSize, "segment_sizes_bits[\(s)][\(l)] = \(bits), expected a finite number > 0 and at most \(ModelLimits.maximumSegmentBytes * 8)")
            }
        }
        self.segmentDurationMs = segmentDurationMs
        self.bitratesKbps = bitratesKbps
        self.segmentSizesBits = segmentSizesBits
    }

    /// Converts a `Video`: bytes × 8 to bits, seconds × 1000 to ms, bit/s ÷ 1000 to kbit/s.
    ///
    /// Values that should be whole (a 3 s segment is 3000 ms) but land an ulp away after the
    /// unit change are snapped to the integer, as Sabre's JSON holds integers.
    public init(video: Video) throws(ModelError) {
        try self.init(
            segmentDurationMs: SabreUnits.snapped(video.segmentSeconds * 1000),
            bitratesKbps: video.levels.map { SabreUnits.snapped($0.bitsPerSecond / 1000) },
            segmentSizesBits: video.segmentBytes.map { $0.map { Double($0) * 8 } }
        )
    }

    /// Number of levels.
    public var levelCount: Int { bitratesKbps.count }
    /// Number of segments.
    public var segmentCount: Int { segmentSizesBits.count }
}

/// Unit conversion at the edge between abrkit's SI units and Sabre's ms / kbit/s.
enum SabreUnits {
    /// `x` rounded to the nearest integer when within a relative 1e-9 of it, else `x`.
    ///
    /// Sabre's files hold integer milliseconds and kbit/s; converting them to seconds and back
    /// (1013 ms → 1.013 s → 1013.0000000000001 ms) must not move the value off the integer.
    static func snapped(_ x: Double) -> Double {
        let r = x.rounded()
        return Swift.abs(x - r) <= 1e-9 * Swift.max(1, Swift.abs(r)) ? r : x
    }
}
