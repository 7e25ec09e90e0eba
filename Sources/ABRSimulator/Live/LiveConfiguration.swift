/// How a simulated player plays a live stream: the latency it steers towards, how it catches up,
/// and whether it fetches whole segments or CMAF parts.
///
/// The defaults are dash.js's (commit ccf3b95 of Dash-Industry-Forum/dash.js), each cited where it
/// is declared. Buffering, startup and the maximum buffer come from the session's
/// ``PlayerConfiguration``, as in video on demand.
public struct LiveConfiguration: Hashable, Sendable {
    /// How the playback rate steers the latency.
    public enum CatchupMode: String, CaseIterable, Sendable {
        /// dash.js `CatchupController._calculateNewPlaybackRateDefault`: a sigmoid of the latency error.
        case `default`
        /// dash.js `CatchupController._calculateNewPlaybackRateLolP`: slow down on a low buffer, else the sigmoid.
        case lolp
        /// Always real time (rate 1); seeks to live still happen.
        case off
    }

    /// 4: dash.js `PlaybackController.computeAndSetLiveDelay` (`FRAGMENT_DURATION_FACTOR = 4`)
    /// sets the live delay to 4 × the segment duration when neither `streaming.delay.liveDelay`
    /// nor a ServiceDescription nor `@suggestedPresentationDelay` sets one.
    public static let defaultTargetSegmentCount = 4.0
    /// 12 s: dash.js `MediaPlayerModel` `DEFAULT_CATCHUP_MAX_DRIFT`, used when
    /// `streaming.liveCatchup.maxDrift` is unset (NaN): beyond it the player seeks to live.
    public static let defaultMaxDriftSeconds = 12.0
    /// −0.5 and +0.5: dash.js `MediaPlayerModel` `DEFAULT_CATCHUP_PLAYBACK_RATE_MIN/MAX`, the
    /// catch-up playback-rate offsets when `streaming.liveCatchup.playbackRate` is unset, i.e.
    /// rates 0.5 … 1.5.
    public static let defaultPlaybackRateOffsets = (min: -0.5, max: 0.5)
    /// −0.5 and +1.0: dash.js `MediaPlayerModel` `CATCHUP_PLAYBACK_RATE_MIN_LIMIT/MAX_LIMIT`, the
    /// widest offsets dash.js accepts (rates 0.5 … 2.0).
    public static let playbackRateOffsetLimits = (min: -0.5, max: 1.0)
    /// 0.5 s: dash.js `Settings` `streaming.liveCatchup.playbackBufferMin`, the buffer below which
    /// LoL+ catch-up slows playback down.
    public static let defaultPlaybackBufferMinSeconds = 0.5
    /// 0.25 s: how often the catch-up controller re-evaluates the rate. dash.js evaluates on the
    /// video element's `timeupdate` and `progress` events (`CatchupController._onPlaybackProgression`);
    /// the HTML standard fires `timeupdate` every 15 to 250 ms and Chrome and Firefox fire it every
    /// 250 ms during playback, so the model uses the browsers' period.
    public static let defaultCatchupCheckSeconds = 0.25

    /// The latency the player steers towards, in seconds; `nil` means dash.js's default,
    /// ``defaultTargetSegmentCount`` × the segment duration.
    public var targetLatencySeconds: Double?
    /// Fetch CMAF parts of this duration (chunked transfer, low-latency DASH with
    /// `availabilityTimeOffset` = segment − part), in seconds; `nil` requests whole segments once
    /// they are complete. The video must carry parts of exactly this duration.
    public var partSeconds: Double?
    /// How the playback rate steers the latency.
    public var catchup: CatchupMode
    /// Seek to live when latency − target exceeds this, in seconds.
    public var maxDriftSeconds: Double
    /// Lowest catch-up playback rate (1 + dash.js's `playbackRate.min`).
    public var minPlaybackRate: Double
    /// Highest catch-up playback rate (1 + dash.js's `playbackRate.max`).
    public var maxPlaybackRate: Double
    /// LoL+ catch-up slows down below this buffer, in seconds.
    public var playbackBufferMinSeconds: Double
    /// Period of the catch-up controller's re-evaluation, in seconds of wall clock.
    public var catchupCheckSeconds: Double

    public init(
        targetLatencySeconds: Double? = nil, partSeconds: Double? = nil, catchup: CatchupMode = .default,
        maxDriftSeconds: Double = defaultMaxDriftSeconds, minPlaybackRate: Double = 1 + defaultPlaybackRateOffsets.min,
        maxPlaybackRate: Double = 1 + defaultPlaybackRateOffsets.max, playbackBufferMinSeconds: Double = defaultPlaybackBufferMinSeconds,
        catchupCheckSeconds: Double = defaultCatchupCheckSeconds
    ) {
        self.targetLatencySeconds = targetLatencySeconds
        self.partSeconds = partSeconds
        self.catchup = catchup
        self.maxDriftSeconds = maxDriftSeconds
        self.minPlaybackRate = minPlaybackRate
        self.maxPlaybackRate = maxPlaybackRate
        self.playbackBufferMinSeconds = playbackBufferMinSeconds
        self.catchupCheckSeconds = catchupCheckSeconds
    }

    /// The target latency for `video`, in seconds.
    public func targetLatency(for video: Video) -> Double { targetLatencySeconds ?? Self.defaultTargetSegmentCount * video.segmentSeconds }

    /// Checks that a live session with this configuration can play `video` under `player`.
    ///
    /// - Parameters:
    ///   - video: the title replayed as a live stream.
    ///   - player: the buffering settings the live session shares with video on demand.
    /// - Throws: `ModelError.invalidConfiguration` for parts asked of a video without part sizes or
    ///   with parts of another duration, a part longer than a segment, a target latency below one
    ///   part (or not finite and > 0), a maximum drift not > 0, playback rates outside dash.js's
    ///   limits 0.5 … 2.0 or not around 1, a catch-up period outside 1 ms … 10 s, or abandonment
    ///   (not modelled in live mode).
    public func validate(for video: Video, player: PlayerConfiguration) throws(ModelError) {
        if let part = partSeconds {
            guard part.isFinite, part > 0 else {
                throw ModelError(.invalidConfiguration, "part duration \(part) s, expected a finite number > 0")
            }
            guard part <= video.segmentSeconds + VideoParts.partCountTolerance else {
                throw ModelError(.invalidConfiguration, "part duration \(part) s is longer than a segment (\(video.segmentSeconds) s)")
            }
            guard let parts = video.parts else {
                throw ModelError(
                    .invalidConfiguration,
                    "parts of \(part) s were asked for, but this video has no part sizes (encode it with abrkit encode --part-seconds \(part), or drop --part-seconds)"
                )
            }
            guard abs(parts.partSeconds - part) <= VideoParts.partCountTolerance else {
                throw ModelError(.invalidConfiguration, "parts of \(part) s were asked for, but this video's parts last \(parts.partSeconds) s")
            }
        }
        let target = targetLatency(for: video)
        guard target.isFinite, target > 0 else {
            throw ModelError(.invalidConfiguration, "target latency \(target) s, expected a finite number > 0")
        }
        if let part = partSeconds, target < part {
            throw ModelError(
                .invalidConfiguration, "target latency \(target) s is below one part (\(part) s); no player can play closer to the live edge than a part")
        }
        guard maxDriftSeconds.isFinite, maxDriftSeconds > 0 else {
            throw ModelError(.invalidConfiguration, "maximum drift \(maxDriftSeconds) s, expected a finite number > 0")
        }
        let lowest = 1 + Self.playbackRateOffsetLimits.min, highest = 1 + Self.playbackRateOffsetLimits.max
        guard minPlaybackRate >= lowest, minPlaybackRate <= 1, maxPlaybackRate >= 1, maxPlaybackRate <= highest else {
            throw ModelError(
                .invalidConfiguration,
                "playback rates \(minPlaybackRate) … \(maxPlaybackRate), expected \(lowest) ≤ min ≤ 1 ≤ max ≤ \(highest) (dash.js's catch-up limits)")
        }
        guard playbackBufferMinSeconds.isFinite, playbackBufferMinSeconds >= 0 else {
            throw ModelError(.invalidConfiguration, "LoL+ minimum playback buffer \(playbackBufferMinSeconds) s, expected a finite number ≥ 0")
        }
        guard catchupCheckSeconds >= 0.001, catchupCheckSeconds <= 10 else {
            throw ModelError(.invalidConfiguration, "catch-up check period \(catchupCheckSeconds) s, expected 0.001 … 10 s")
        }
        if player.abandonmentCheckSeconds != nil {
            throw ModelError(.invalidConfiguration, "abandonment is not modelled in live mode; drop the abandonment interval")
        }
    }
}
