/// What a live session adds to a segment's record: when the segment became available, and the
/// latency and playback rate around its download.
public struct LiveSegmentInfo: Hashable, Sendable {
    /// When the segment could first be requested (availability start + end time −
    /// `availabilityTimeOffset`), in seconds since the session start; negative for segments
    /// published before the player joined.
    public var availabilitySeconds: Double
    /// Seconds the request waited for the segment to become available.
    public var availabilityWaitSeconds: Double
    /// Live latency when the segment was requested, in seconds.
    public var latencyAtRequestSeconds: Double
    /// Playback rate when the segment was requested.
    public var playbackRateAtRequest: Double
    /// Live latency when its last byte arrived, in seconds.
    public var latencyAtEndSeconds: Double
    /// Playback rate when its last byte arrived.
    public var playbackRateAtEnd: Double
    /// Throughput measured over the intervals that carried its data, in bits per second
    /// (`infinity` for a segment of no bytes).
    public var throughputBitsPerSecond: Double

    public init(
        availabilitySeconds: Double, availabilityWaitSeconds: Double, latencyAtRequestSeconds: Double, playbackRateAtRequest: Double,
        latencyAtEndSeconds: Double, playbackRateAtEnd: Double, throughputBitsPerSecond: Double
    ) {
        self.availabilitySeconds = availabilitySeconds
        self.availabilityWaitSeconds = availabilityWaitSeconds
        self.latencyAtRequestSeconds = latencyAtRequestSeconds
        self.playbackRateAtRequest = playbackRateAtRequest
        self.latencyAtEndSeconds = latencyAtEndSeconds
        self.playbackRateAtEnd = playbackRateAtEnd
        self.throughputBitsPerSecond = throughputBitsPerSecond
    }
}

/// A seek to live: the player jumped from one media position to the live edge minus the target.
public struct SeekEvent: Hashable, Sendable {
    /// When the seek happened, in seconds since the session start.
    public var time: Double
    /// Media position before and after the seek, in seconds of the presentation.
    public var fromSeconds: Double, toSeconds: Double

    public init(time: Double, fromSeconds: Double, toSeconds: Double) {
        self.time = time
        self.fromSeconds = fromSeconds
        self.toSeconds = toSeconds
    }
}

/// A live session's summary, beside the VOD metrics every session has.
public struct LiveMetrics: Hashable, Sendable {
    /// The target latency the session steered towards, in seconds.
    public var targetLatencySeconds: Double
    /// Mean live latency, sampled at every catch-up check from playback start to the last
    /// segment's arrival (after it the stream has ended), in seconds.
    public var meanLatencySeconds: Double
    /// 95th percentile of those samples (nearest rank), in seconds.
    public var p95LatencySeconds: Double
    /// Seconds of wall clock played slower than, at, and faster than real time (stalls excluded).
    public var secondsBelowRealTime: Double, secondsAtRealTime: Double, secondsAboveRealTime: Double
    /// Seeks to live.
    public var seeks: Int
    /// Media skipped by seeks, in seconds.
    public var skippedSeconds: Double
    /// LoL+'s QoE (dash.js `LoLpQoEEvaluator`), summed over segments.
    public var qoeLoLP: Double
    /// The Twitch ACM MMSys 2020 challenge's NQoE weights, summed over segments.
    public var qoeNQoE: Double

    public init(
        targetLatencySeconds: Double, meanLatencySeconds: Double, p95LatencySeconds: Double, secondsBelowRealTime: Double, secondsAtRealTime: Double,
        secondsAboveRealTime: Double, seeks: Int, skippedSeconds: Double, qoeLoLP: Double, qoeNQoE: Double
    ) {
        self.targetLatencySeconds = targetLatencySeconds
        self.meanLatencySeconds = meanLatencySeconds
        self.p95LatencySeconds = p95LatencySeconds
        self.secondsBelowRealTime = secondsBelowRealTime
        self.secondsAtRealTime = secondsAtRealTime
        self.secondsAboveRealTime = secondsAboveRealTime
        self.seeks = seeks
        self.skippedSeconds = skippedSeconds
        self.qoeLoLP = qoeLoLP
        self.qoeNQoE = qoeNQoE
    }

    /// The names of the metrics that are not finite numbers (writers refuse them).
    public var nonFiniteFields: [String] {
        let values: [(String, Double)] = [
            ("mean latency", meanLatencySeconds), ("p95 latency", p95LatencySeconds), ("LoL+ QoE", qoeLoLP), ("NQoE", qoeNQoE),
            ("skipped seconds", skippedSeconds),
        ]
        return values.filter { !$0.1.isFinite }.map(\.0)
    }
}
