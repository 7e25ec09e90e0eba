/// A discrete-event live playback session: one player joining a live stream, one trace, one policy.
///
/// The video is replayed as a live stream that the player joins at session time 0. The model:
/// - **Live edge.** Availability start is −T (T the target latency), so the encoder has produced
///   media up to `t + T` at time `t` and playback starts at media 0, the live edge minus the
///   target. Segment k (media `s_k … e_k`) may be requested from `−T + e_k − ato`, where the
///   `availabilityTimeOffset` ato is 0 for whole segments and `d − p` with parts of `p` seconds
///   (low-latency DASH: the request goes out once the first part exists). Part j of a segment
///   exists from `−T + s_k + min((j + 1)·p, d_k)`; its bytes cannot flow before then. A request
///   for a segment not yet available waits (playback goes on).
/// - **Downloads** are sequential, pay the trace latency of the period they start in, then each
///   part flows from max(previous part's end, first byte, the part's production) at the trace's
///   rate (`BandwidthTrace.transferEnd`). Each part's media enters the buffer as it arrives
///   (chunked CMAF appended as it comes), whole segments at their end.
/// - **Playback** at rate r drains r seconds of media per second; the rate is constant between
///   catch-up checks, which fall on a fixed wall-clock grid (``LiveConfiguration/catchupCheckSeconds``),
///   so the buffer is integrated exactly between events (checks, part arrivals, requests). An
///   empty buffer stalls playback until media arrives.
/// - **Latency** is `t + T − playhead`. Before each request, when latency − T exceeds the maximum
///   drift, the player seeks to live: the playhead jumps to the live edge minus T, the media in
///   between is skipped, and the next request is for the segment holding the new playhead (dash.js
///   seeks on any playback-progress event and aborts the request in flight; here the request in
///   flight completes first).
/// - **Throughput** is measured over the intervals that carried data, as dash.js's default
///   low-latency mode does (`FetchLoader._calculateThroughputByMoofMdatTimes`,
///   `lowLatencyDownloadTimeCalculationMode` moof parsing): each part but the last gives bits ÷
///   (its last byte − its first byte); parts that took ≤ 1 ms are pooled with the following ones
///   from the first pooled part's first byte until the pool spans > 1 ms; the segment's throughput
///   is the mean of those values. With fewer than two parts besides the last (dash.js then has
///   no value) it is all bits ÷ the sum of the parts' data intervals, which for a whole segment is
///   bits ÷ (last byte − first byte), as in video on demand. Waits for the encoder are thus left
///   out, and the ``DownloadRecord`` handed to policies carries `durationSeconds` = latency +
///   bits ÷ that throughput (at most the real request-to-last-byte time) and ends when the last
///   byte really arrived (its `requestTime` is that end less the duration; the segment's record
///   keeps the real request time), so that the existing throughput estimators see the network's
///   rate, not the encoder's, and idle-time bookkeeping (BOLA-E's placeholder) sees real times.
/// - Abandonment is not modelled in live mode.
public struct LiveSession<Policy: ABRPolicy>: Sendable {
    public let video: Video
    public let trace: BandwidthTrace
    public let configuration: PlayerConfiguration
    public let live: LiveConfiguration
    public let qoe: QoEModel
    public private(set) var policy: Policy
    /// The latency the player steers towards, in seconds.
    public let targetLatencySeconds: Double

    // Player state.
    public internal(set) var time = 0.0
    /// Media position of the playhead, in seconds of the presentation.
    public internal(set) var playheadSeconds = 0.0
    /// Media position up to which media is buffered, in seconds of the presentation.
    public internal(set) var bufferedUntilSeconds = 0.0
    public internal(set) var isPlaying = false
    public internal(set) var startupDelaySeconds = 0.0
    public internal(set) var nextSegment = 0
    public internal(set) var catchup: CatchupController
    public private(set) var segments: [SegmentRecord] = []
    public internal(set) var stalls: [StallEvent] = []
    public internal(set) var seeks: [SeekEvent] = []
    public private(set) var requests: [DownloadRecord] = []
    /// Set when the policy failed; the session then stops before requesting the segment.
    public private(set) var failure: PolicyFailure?
    /// Latency at every catch-up check since playback started, in seconds.
    public internal(set) var latencySamples: [Double] = []
    /// Wall-clock seconds played below, at and above rate 1 (stalls excluded).
    public internal(set) var secondsAtRate = (below: 0.0, at: 0.0, above: 0.0)
    /// Media skipped by seeks, in seconds.
    public internal(set) var skippedSeconds = 0.0
    /// When the catch-up controller next re-evaluates the rate, in seconds since the session start.
    var nextCheck: Double
    /// True while playback waits for data.
    var isStalled = false
    private var previousUtility: Double?
    /// Stall time while fetching the current segment, in seconds.
    var rebufferInSegment = 0.0
    private var lastThroughput: Double?
    private var lastSegmentRebuffer = 0.0
    private var qoeLoLP = 0.0, qoeNQoE = 0.0
    private let lolp: LiveQoE, nqoe: LiveQoE
    /// `segmentStarts[k]`: media time at which segment k starts, in seconds (one more entry: the end).
    private let segmentStarts: [Double]

    /// - Parameters:
    ///   - video: the title, replayed as a live stream.
    ///   - trace: the network.
    ///   - policy: the ABR policy (VOD policies run unchanged; live ones read `DecisionContext.live`).
    ///   - configuration: buffering and startup, shared with video on demand.
    ///   - live: target latency, parts and catch-up.
    ///   - qoe: the per-segment QoE model of every session (the live QoE variants come on top).
    /// - Throws: `ModelError` when the configurations or QoE model cannot play this video live.
    public init(
        video: Video, trace: BandwidthTrace, policy: Policy, configuration: PlayerConfiguration = .init(), live: LiveConfiguration = .init(),
        qoe: QoEModel = .linear
    ) throws(ModelError) {
        try configuration.validate(for: video)
        try live.validate(for: video, player: configuration)
        try qoe.validate(for: video)
        self.video = video
        self.trace = trace
        self.policy = policy
        self.configuration = configuration
        self.live = live
        self.qoe = qoe
        targetLatencySeconds = live.targetLatency(for: video)
        catchup = CatchupController(configuration: live, targetLatencySeconds: targetLatencySeconds)
        nextCheck = live.catchupCheckSeconds
        lolp = .lolp(video: video)
        segmentStarts = (0...video.segmentCount).map { video.playbackSeconds(ofFirst: $0) }
        nqoe = .nqoe(video: video)
        segments.reserveCapacity(video.segmentCount)
        requests.reserveCapacity(video.segmentCount)
    }

    /// True once every segment is fetched (or skipped), or the policy failed.
    public var isFinished: Bool { nextSegment >= video.segmentCount || failure != nil }

    /// Seconds of media in the buffer.
    public var bufferSeconds: Double { bufferedUntilSeconds - playheadSeconds }

    /// The live edge: the end of the newest media a request could get now (the last complete
    /// part with parts, else the last complete segment), in seconds of the presentation.
    public var liveEdgeSeconds: Double {
        let produced = time + targetLatencySeconds
        guard produced < video.durationSeconds else { return video.durationSeconds }
        guard produced >= 0 else { return 0 }
        // The segment being produced: the last k with segmentStarts[k] ≤ produced.
        var lo = 0, hi = video.segmentCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segmentStarts[mid] <= produced { lo = mid } else { hi = mid - 1 }
        }
        guard let part = live.partSeconds else { return segmentStarts[lo] }
        let within = ((produced - segmentStarts[lo]) / part + VideoParts.partCountTolerance).rounded(.down) * part
        return min(segmentStarts[lo] + within, segmentStarts[lo + 1])
    }

    /// Live latency now: wall clock minus the playhead's presentation time, in seconds.
    public var latencySeconds: Double { time + targetLatencySeconds - playheadSeconds }

    /// The startup threshold: the configured one, else one part (parts) or one segment, in seconds.
    public var startupThresholdSeconds: Double { configuration.startupSeconds ?? live.partSeconds ?? video.segmentSeconds }

    /// Plays every remaining segment (or up to a policy failure) and returns the session's result.
    public mutating func run() -> SessionResult {
        while !isFinished { step() }
        return result
    }

    /// Seeks to live if needed, idles for buffer room and for availability, asks the policy,
    /// downloads one segment part by part, and records it.
    ///
    /// If the policy fails to decide, records the failure and returns without requesting anything.
    public mutating func step() {
        precondition(!isFinished, "the session has fetched every segment")
        rebufferInSegment = 0
        seekToLiveIfDrifted()
        let index = nextSegment
        let start = segmentStart(index), segmentSeconds = video.duration(ofSegment: index)
        // Idle until the segment fits; a player that has not started yet starts instead of idling.
        let idleFrom = time
        if bufferSeconds + segmentSeconds > configuration.maxBufferSeconds + 1e-9 {
            if isPlaying {
                while bufferSeconds + segmentSeconds > configuration.maxBufferSeconds + 1e-9 {
                    let excess = bufferSeconds + segmentSeconds - configuration.maxBufferSeconds
                    advance(to: min(time + excess / catchup.rate, nextCheck))
                }
            } else {
                startPlayback()
            }
        }
        let idle = time - idleFrom
        let ato = live.partSeconds.map { segmentSeconds - min($0, segmentSeconds) } ?? 0
        let available = -targetLatencySeconds + start + segmentSeconds - ato
        let waitFrom = time
        if available > time { advance(to: available) }
        let wait = time - waitFrom
        let lastLevel = segments.last?.level
        let decision = policy.decide(context(index: index, lastLevel: lastLevel))
        if let failed = policy.failure {
            failure = failed
            return
        }
        precondition(video.levels.indices.contains(decision.level), "policy \(policy.name) chose level \(decision.level) of \(video.levelCount)")
        let bufferBefore = bufferSeconds, latencyBefore = latencySeconds, rateBefore = catchup.rate
        let requestTime = time
        let (record, measured, end) = download(index: index, level: decision.level)
        requests.append(record)
        if index == video.segmentCount - 1 { startPlayback() }
        let q = qoe.utility(segment: index, level: decision.level, video: video)
        let reward = qoe.reward(utility: q, previousUtility: previousUtility, rebufferSeconds: rebufferInSegment)
        previousUtility = q
        let kbps = video.levels[decision.level].bitsPerSecond / 1000
        let previousKbps = segments.last.map { $0.bitsPerSecond / 1000 }
        qoeLoLP += lolp.score(
            kbps: kbps, previousKbps: previousKbps, rebufferSeconds: rebufferInSegment, latencySeconds: latencySeconds, playbackRate: catchup.rate)
        qoeNQoE += nqoe.score(
            kbps: kbps, previousKbps: previousKbps, rebufferSeconds: rebufferInSegment, latencySeconds: latencySeconds, playbackRate: catchup.rate)
        var segment = SegmentRecord(
            index: index, level: decision.level, bitsPerSecond: video.levels[decision.level].bitsPerSecond,
            bytes: record.bytes, abandonedBytes: 0, idleSeconds: idle, downloadStart: requestTime, downloadSeconds: end - requestTime,
            bufferBeforeSeconds: bufferBefore, bufferAfterSeconds: bufferSeconds, rebufferSeconds: rebufferInSegment, reward: reward,
            reason: decision.reason)
        segment.live = LiveSegmentInfo(
            availabilitySeconds: available, availabilityWaitSeconds: wait, latencyAtRequestSeconds: latencyBefore, playbackRateAtRequest: rateBefore,
            latencyAtEndSeconds: latencySeconds, playbackRateAtEnd: catchup.rate, throughputBitsPerSecond: measured)
        segments.append(segment)
        if measured.isFinite { lastThroughput = measured }  // a segment of no bytes measures nothing
        lastSegmentRebuffer = rebufferInSegment
        nextSegment += 1
        policy.didDownload(record, context: context(index: nextSegment, lastLevel: decision.level))
    }

    /// Media time at which segment `index` starts, in seconds.
    func segmentStart(_ index: Int) -> Double { segmentStarts[index] }

    private func context(index: Int, lastLevel: Int?) -> DecisionContext {
        let liveContext = LiveContext(
            latencySeconds: latencySeconds, targetLatencySeconds: targetLatencySeconds, playbackRate: catchup.rate, liveEdgeSeconds: liveEdgeSeconds,
            partSeconds: live.partSeconds, throughputBitsPerSecond: lastThroughput, lastSegmentRebufferSeconds: lastSegmentRebuffer)
        return DecisionContext(
            segmentIndex: index, time: time, bufferSeconds: bufferSeconds, maxBufferSeconds: configuration.maxBufferSeconds,
            lastLevel: lastLevel, isStartup: !isPlaying, video: video, history: requests, qoe: qoe, startupThresholdSeconds: startupThresholdSeconds,
            live: liveContext)
    }

    mutating func startPlayback() {
        guard !isPlaying else { return }
        isPlaying = true
        isStalled = bufferSeconds <= 0
        startupDelaySeconds = time
    }

    /// The summary so far (complete once `isFinished`): the VOD metrics, with the media played
    /// being what was fetched less what seeks skipped and the session ending when the buffer left
    /// at the last arrival has played at the rate then in force, plus the live metrics.
    public var result: SessionResult {
        let played = bufferedUntilSeconds - skippedSeconds
        let metrics = SessionMetrics(
            segments: segments, requests: requests, playbackSeconds: played, startupDelaySeconds: startupDelaySeconds,
            startupPenalty: qoe.startupPenalty, rebufferEvents: stalls.count, sessionSeconds: time + bufferSeconds / catchup.rate)
        let sorted = latencySamples.sorted()
        let mean = sorted.isEmpty ? latencySeconds : latencySamples.reduce(0, +) / Double(sorted.count)
        let p95 = sorted.isEmpty ? latencySeconds : sorted[max(0, Int((0.95 * Double(sorted.count)).rounded(.up)) - 1)]
        let liveMetrics = LiveMetrics(
            targetLatencySeconds: targetLatencySeconds, meanLatencySeconds: mean, p95LatencySeconds: p95, secondsBelowRealTime: secondsAtRate.below,
            secondsAtRealTime: secondsAtRate.at, secondsAboveRealTime: secondsAtRate.above, seeks: seeks.count, skippedSeconds: skippedSeconds,
            qoeLoLP: qoeLoLP, qoeNQoE: qoeNQoE)
        var result = SessionResult(
            traceName: trace.name, policyName: policy.name, segments: segments, stalls: stalls, requests: requests, metrics: metrics, failure: failure)
        result.live = liveMetrics
        result.seeks = seeks
        return result
    }
}
