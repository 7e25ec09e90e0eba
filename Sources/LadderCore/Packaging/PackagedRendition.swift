/// A packaged rendition (one video rung or the audio track): what the manifests describe.
///
/// Files live in `directory` (relative to the manifests), named by ``SegmentNaming``.
public struct PackagedRendition: Sendable, Hashable {
    public enum Media: Sendable, Hashable {
        case video(width: Int, height: Int, frameRate: FrameRate)
        case audio(sampleRate: Int, channels: Int, language: String?)
    }

    /// Unique id (the rung name, or "audio"); the DASH Representation id.
    public var id: String
    /// Directory holding this rendition's init segment, media segments and media playlist.
    public var directory: String
    /// RFC 6381 codecs string, see ``CodecString``.
    public var codecString: String
    public var media: Media
    /// Segments in presentation order, numbered from ``SegmentNaming/firstNumber``.
    public var segments: [PackagedSegment]

    public init(id: String, directory: String, codecString: String, media: Media, segments: [PackagedSegment]) {
        self.id = id; self.directory = directory; self.codecString = codecString; self.media = media;
        self.segments = segments
    }

    /// Slack, seconds, for timestamp rounding when taking the ceiling of the longest segment.
    public static let durationToleranceSeconds = 0.001

    /// `EXT-X-TARGETDURATION`: the longest segment rounded up to whole seconds (at least 1),
    /// ignoring excesses under ``durationToleranceSeconds``. RFC 8216 only requires each EXTINF
    /// rounded to the nearest integer to be ≤ the target; the ceiling is stricter and safe.
    public static func targetDurationSeconds(_ durations: [Double]) -> Int {
        max(1, Int(((durations.max() ?? 0) - durationToleranceSeconds).rounded(.up)))
    }

    /// Sum of segment durations, seconds.
    public var durationSeconds: Double { segments.reduce(0) { $0 + $1.durationSeconds } }
    /// Sum of segment sizes, bytes.
    public var totalBytes: Int { segments.reduce(0) { $0 + $1.bytes } }
    /// The longest segment, seconds.
    public var maximumSegmentSeconds: Double { segments.map(\.durationSeconds).max() ?? 0 }
    /// The longest CMAF part, seconds (LL-HLS `PART-TARGET`: no part may exceed it); nil when the
    /// segments were not written in parts.
    public var partTargetSeconds: Double? { segments.flatMap(\.parts).map(\.durationSeconds).max() }

    /// Average segment bit rate, bits/s, rounded up: all segment bits ÷ total duration
    /// (RFC 8216 §4.3.4.2's AVERAGE-BANDWIDTH).
    public var averageBitsPerSecond: Int {
        let seconds = durationSeconds
        return seconds > 0 ? Int((Double(totalBytes * 8) / seconds).rounded(.up)) : 0
    }

    /// Peak segment bit rate, bits/s, rounded up: RFC 8216 §4.3.4.2 defines it as the largest bit
    /// rate of any contiguous run of segments lasting 0.5 to 1.5 target durations. When no run
    /// qualifies (a lone very short segment), the largest single-segment rate.
    public var peakBitsPerSecond: Int {
        let target = Double(Self.targetDurationSeconds(segments.map(\.durationSeconds)))
        var peak = 0.0
        for first in segments.indices {
            var bits = 0.0, seconds = 0.0
            for segment in segments[first...] {
                bits += Double(segment.bytes * 8)
                seconds += segment.durationSeconds
                if seconds > 1.5 * target { break }
                if seconds >= 0.5 * target { peak = max(peak, bits / seconds) }
            }
        }
        if peak == 0 {
            peak =
                segments.filter { $0.durationSeconds > 0 }.map { Double($0.bytes * 8) / $0.durationSeconds }.max() ?? 0
        }
        return Int(peak.rounded(.up))
    }
}
