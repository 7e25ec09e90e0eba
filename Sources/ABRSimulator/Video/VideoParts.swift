/// The CMAF parts (chunks) of every segment, for low-latency live playback: a part can be sent
/// as soon as the encoder has produced it, before its segment is complete.
///
/// Written by `abrkit encode --part-seconds` into ladder.json; the live session replays these real
/// part sizes. A segment of duration `d` has `⌈d ÷ partSeconds⌉` parts (within 1 µs, so that a
/// 2 s segment of 0.5 s parts has 4), each `partSeconds` long but the last, which ends with the
/// segment; a segment's parts add up to the segment's bytes (the first part carries the segment's
/// `styp` header).
public struct VideoParts: Hashable, Sendable {
    /// Nominal duration of a part, in seconds.
    public let partSeconds: Double
    /// `bytes[segment][level][part]`: bytes of that part.
    public let bytes: [[[Int]]]

    /// 1 µs: how far a segment's duration may pass a whole number of parts and still count as that
    /// number (durations are rounded to the media timescale).
    static let partCountTolerance = 1e-6

    /// Checks the table against the segments it splits.
    ///
    /// - Throws: `ModelError` unless there is a row per segment and a list per level, each with the
    ///   part count the segment's duration implies, sizes ≥ 0 adding up to the segment's bytes.
    public init(partSeconds: Double, bytes: [[[Int]]], segmentBytes: [[Int]], segmentDurations: [Double]) throws(ModelError) {
        guard partSeconds.isFinite, partSeconds >= ModelLimits.minimumSegmentSeconds else {
            throw ModelError(
                .invalidDuration, "part duration \(partSeconds) s, expected a finite number ≥ \(NumberFormat.shortest(ModelLimits.minimumSegmentSeconds)) s")
        }
        guard bytes.count == segmentBytes.count else {
            throw ModelError(.raggedSizes, "part table has \(bytes.count) segments, expected \(segmentBytes.count)")
        }
        for (s, row) in bytes.enumerated() {
            guard partSeconds <= segmentDurations[s] + Self.partCountTolerance || s == bytes.count - 1 else {
                throw ModelError(.invalidDuration, "part duration \(partSeconds) s is longer than segment \(s) (\(segmentDurations[s]) s)")
            }
            let expected = Self.partCount(segmentSeconds: segmentDurations[s], partSeconds: partSeconds)
            guard row.count == segmentBytes[s].count else {
                throw ModelError(.raggedSizes, "segment \(s) has part lists for \(row.count) levels, expected \(segmentBytes[s].count)")
            }
            for (l, parts) in row.enumerated() {
                guard parts.count == expected else {
                    throw ModelError(
                        .raggedSizes,
                        "segment \(s) level \(l) has \(parts.count) parts, expected \(expected) (\(segmentDurations[s]) s in \(partSeconds) s parts)")
                }
                guard parts.allSatisfy({ $0 >= 0 }), parts.reduce(0, +) == segmentBytes[s][l] else {
                    throw ModelError(
                        .invalidSize, "segment \(s) level \(l): parts add up to \(parts.reduce(0, +)) bytes, expected the segment's \(segmentBytes[s][l])")
                }
            }
        }
        self.partSeconds = partSeconds
        self.bytes = bytes
    }

    /// Parts in a segment of `segmentSeconds`: `⌈segmentSeconds ÷ partSeconds⌉`, at least 1.
    public static func partCount(segmentSeconds: Double, partSeconds: Double) -> Int {
        max(1, Int((segmentSeconds / partSeconds - partCountTolerance).rounded(.up)))
    }

    /// Media seconds of part `part` of a segment lasting `segmentSeconds`.
    public func duration(ofPart part: Int, segmentSeconds: Double) -> Double {
        min(partSeconds, segmentSeconds - Double(part) * partSeconds)
    }
}
