import ABRSimulator

/// What a low-latency DASH player needs in the MPD besides the segments: when a segment's first
/// part may be fetched, the latency the service aims at, and a clock to measure it with (DASH-IF
/// IOP "Low-latency Modes for DASH": a `ServiceDescription` with `Latency`, a `UTCTiming`, and
/// `availabilityTimeOffset` with `availabilityTimeComplete="false"` on chunked CMAF segments).
///
/// The latency is the one the LL-HLS playlists state: `PART-HOLD-BACK`, three part targets, so one
/// encode aims at one latency through either manifest.
public struct DASHLowLatency: Sendable, Hashable {
    /// Nominal segment duration, seconds.
    public var segmentSeconds: Double
    /// Nominal part duration, seconds.
    public var partSeconds: Double
    /// The longest part of any rendition, seconds: the largest LL-HLS `PART-TARGET`.
    public var partTargetSeconds: Double

    /// - Parameters:
    ///   - segmentSeconds: the nominal segment duration, seconds.
    ///   - partSeconds: the nominal part duration, seconds (at most `segmentSeconds`).
    ///   - partTargetSeconds: the longest part of any rendition, seconds.
    public init(segmentSeconds: Double, partSeconds: Double, partTargetSeconds: Double) {
        self.segmentSeconds = segmentSeconds
        self.partSeconds = partSeconds
        self.partTargetSeconds = partTargetSeconds
    }

    /// dash.js's live delay without a service description: 4 segment durations
    /// (`PlaybackController.computeAndSetLiveDelay`, `FRAGMENT_DURATION_FACTOR = 4`). Used as
    /// `Latency@max`: further behind than a player that ignores low latency is a failure to catch
    /// up, and dash.js turns `max` into its seek-to-live drift, `(max − target + 500 ms) ÷ 1000`
    /// (`ServiceDescriptionController._getStandardServiceDescriptionLatencyParameters`).
    public static let maximumLatencySegments = 4.0

    /// The time source dash.js uses when an MPD names none (`src/core/Settings.js`,
    /// `streaming.utcSynchronization.defaultTimingSource`): an HTTP `xs:dateTime` clock.
    public static let utcTimingScheme = "urn:mpeg:dash:utc:http-xsdate:2014"
    /// See ``utcTimingScheme``.
    public static let utcTimingSource = "https://time.akamai.com/?iso&ms"

    /// `SegmentTemplate@availabilityTimeOffset`, seconds: segment − part, so that a segment may be
    /// requested once its first part is complete (its remaining parts then arrive as the encoder
    /// writes them, over chunked transfer).
    public var availabilityTimeOffsetSeconds: Double { segmentSeconds - partSeconds }

    /// `Latency@target`, ms: LL-HLS's `PART-HOLD-BACK` (see `HLSWriter.partHoldBackParts`), rounded up.
    public var targetLatencyMs: Int { Self.milliseconds(HLSWriter.partHoldBackParts * partTargetSeconds) }
    /// `Latency@min`, ms: one part target, the smallest piece a player can decode (a part's `moof`
    /// is written once the part is complete).
    public var minimumLatencyMs: Int { Self.milliseconds(partTargetSeconds) }
    /// `Latency@max`, ms: ``maximumLatencySegments`` segments, and never below the target.
    public var maximumLatencyMs: Int { max(targetLatencyMs, Self.milliseconds(Self.maximumLatencySegments * segmentSeconds)) }

    /// Seconds to whole milliseconds, rounded up (a latency bound is not to be undercut by rounding).
    static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000 - 1e-6).rounded(.up)) }
}
