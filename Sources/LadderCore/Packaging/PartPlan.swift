import ABRSimulator

/// Where the CMAF parts (chunks) of each segment are cut, in frames: `abrkit encode --part-seconds`.
///
/// Each part is one `moof` + `mdat` inside its segment's file, cut at a frame boundary, counted in
/// decode order from the segment's IDR. Part `k` (0-based) of a segment ends at
/// `⌊(k + 1) × partSeconds × fps + ε⌋` frames, the last frame boundary at or before its nominal end
/// `(k + 1) × partSeconds`, and the segment's last part ends with the segment. ε is
/// `VideoParts`'s 1 µs tolerance in parts (`10⁻⁶ × partSeconds × fps` frames), so that:
///
/// - a segment of `n` frames has exactly `⌈n ÷ fps ÷ partSeconds − 10⁻⁶⌉` parts, the count
///   `VideoParts.partCount` expects from its duration (a duration that is not a whole number of
///   parts gives a shorter last part, never an extra empty one);
/// - the cuts need no knowledge of the segment's length, so a source that ends mid-segment gives
///   the same count as its duration implies, although its parts are cut as the frames arrive;
/// - no part ends later than its nominal end, so a live player that treats part `k` as available
///   at segment start + `(k + 1) × partSeconds` never asks for bytes the encoder has not produced.
///   (Cutting at the *nearest* boundary could end a part half a frame late, and at the end of a
///   short last segment could leave a part of less than half a frame with no frame in it.)
///
/// A part lasts `⌊partSeconds × fps⌋` or `⌈partSeconds × fps⌉` frames (the last part of a segment
/// possibly fewer), so every part holds at least one frame when `partSeconds` is at least one frame.
public struct PartPlan: Sendable, Hashable {
    /// Nominal part duration, seconds.
    public let partSeconds: Double
    /// Frames per second of the stream being cut.
    public let framesPerSecond: Double

    /// 1 µs of slack, in parts, the same as `VideoParts`'s (durations are rounded to the timescale).
    static let tolerance = 1e-6

    /// Checks that a part holds at least one frame.
    ///
    /// - Parameters:
    ///   - partSeconds: the nominal part duration, seconds.
    ///   - framesPerSecond: the stream's frame rate.
    /// - Returns: nil when `partSeconds` is not a finite number of at least one frame (`1 ÷ fps`), or
    ///   the frame rate is not positive.
    public init?(partSeconds: Double, framesPerSecond: Double) {
        guard framesPerSecond.isFinite, framesPerSecond > 0, partSeconds.isFinite,
            partSeconds * framesPerSecond * (1 + Self.tolerance) >= 1
        else { return nil }
        self.partSeconds = partSeconds
        self.framesPerSecond = framesPerSecond
    }

    /// RFC 8216bis §4.4.4.9 (EXT-X-PART): every part but one with `INDEPENDENT=YES` (a segment's
    /// first) and a segment's last lasts at least 85 % of the part target (the longest part).
    public static let minimumShareOfPartTarget = 0.85

    /// Frames a part lasts, nominally: `partSeconds × fps`.
    public var framesPerPart: Double { partSeconds * framesPerSecond }

    /// Whether a segment of `segmentFrames` frames has parts between its first and its last that
    /// are shorter than ``minimumShareOfPartTarget`` of the longest: when a part is not a whole
    /// number of frames, parts last `⌊x⌋` or `⌈x⌉` frames (`x` = ``framesPerPart``), and
    /// `⌊x⌋ < 0.85 × ⌈x⌉` for `x` under 6 (2.5 frames: parts of 2 and 3, 67 %).
    ///
    /// - Parameter segmentFrames: a full segment's length in frames.
    /// - Returns: true when such a segment breaks LL-HLS's 85 % rule.
    public func breaksPartDurationFloor(segmentFrames: Int) -> Bool {
        let x = framesPerPart, slack = Self.tolerance * x
        let shortest = (x + slack).rounded(.down), longest = (x - slack).rounded(.up)
        guard shortest < longest, partEnds(segmentFrames: segmentFrames).count >= 3 else { return false }
        return shortest < Self.minimumShareOfPartTarget * longest
    }

    /// Frames (decode order, from the segment's first) at which part `part` ends if the segment
    /// runs on: `⌊(part + 1) × partSeconds × fps + ε⌋`.
    ///
    /// - Parameter part: the 0-based part index within its segment.
    /// - Returns: the frame count at which the next part begins.
    public func nominalEnd(ofPart part: Int) -> Int {
        let framesPerPart = partSeconds * framesPerSecond
        return Int((Double(part + 1) * framesPerPart + Self.tolerance * framesPerPart).rounded(.down))
    }

    /// Where each part of a segment of `frames` frames ends, in frames from the segment's start;
    /// the last element is `frames`.
    ///
    /// - Parameter frames: the segment's length in frames (at least 1).
    /// - Returns: one end per part, strictly increasing.
    public func partEnds(segmentFrames frames: Int) -> [Int] {
        precondition(frames > 0, "a segment has frames")
        var ends: [Int] = []
        var part = 0
        while nominalEnd(ofPart: part) < frames {
            ends.append(nominalEnd(ofPart: part))
            part += 1
        }
        return ends + [frames]
    }
}
