/// A discrete-event VOD playback session: one player, one trace, one policy.
///
/// Events are requests, completions, abandonments, idles and stalls; the clock jumps from one to
/// the next (no time stepping), and each download's end is found exactly by
/// `BandwidthTrace.transferEnd(startingAt:bits:)`. The model:
/// - Before each request, if the segment would overflow the buffer, the player idles until it fits.
/// - A request pays the latency of the trace period it starts in, then receives bits at the trace's rate.
/// - While a download is in flight, playback (once started) drains the buffer in real time; if it
///   empties, the player stalls until the segment arrives, then resumes at once.
/// - Playback starts when the buffer reaches the startup threshold (or the last segment arrives).
/// - With abandonment on, every `abandonmentCheckSeconds` the policy may switch the request to a lower
///   level; the bytes received so far are wasted and the segment is requested again at once.
public struct PlaybackSession<Policy: ABRPolicy>: Sendable {
    public let video: Video
    public let trace: BandwidthTrace
    public let configuration: PlayerConfiguration
    public let qoe: QoEModel
    public private(set) var policy: Policy

    // Player state.
    public private(set) var time = 0.0
    public private(set) var bufferSeconds = 0.0
    public private(set) var isPlaying = false
    public private(set) var startupDelaySeconds = 0.0
    public private(set) var nextSegment = 0
    public private(set) var segments: [SegmentRecord] = []
    public private(set) var stalls: [StallEvent] = []
    public private(set) var requests: [DownloadRecord] = []
    /// Set when the policy failed; the session then stops before requesting the segment.
    public private(set) var failure: PolicyFailure?
    private var previousUtility: Double?
    private var rebufferInSegment = 0.0

    /// - Throws: `ModelError` when the configuration or QoE model cannot play this video.
    public init(video: Video, trace: BandwidthTrace, policy: Policy, configuration: PlayerConfiguration = .init(), qoe: QoEModel = .linear) throws(ModelError) {
        try configuration.validate(for: video)
        try qoe.validate(for: video)
        self.video = video
        self.trace = trace
        self.policy = policy
        self.configuration = configuration
        self.qoe = qoe
        segments.reserveCapacity(video.segmentCount)
        requests.reserveCapacity(video.segmentCount)
    }

    /// True once every segment is played, or the policy failed.
    public var isFinished: Bool { nextSegment == video.segmentCount || failure != nil }

    /// Plays every remaining segment (or up to a policy failure) and returns the session's result.
    public mutating func run() -> SessionResult {
        while !isFinished { step() }
        return result
    }

    /// Idles if needed, asks the policy, downloads one segment (with any abandonments), and records it.
    ///
    /// If the policy fails to decide, records the failure and returns without requesting anything.
    public mutating func step() {
        precondition(!isFinished, "the session has played every segment")
        let index = nextSegment
        let segmentSeconds = video.duration(ofSegment: index)
        // Idle until the segment fits; a player that has not started yet starts instead of idling.
        var idle = 0.0
        if bufferSeconds + segmentSeconds > configuration.maxBufferSeconds {
            if isPlaying {
                idle = bufferSeconds + segmentSeconds - configuration.maxBufferSeconds
                time += idle
                bufferSeconds -= idle
            } else {
                startPlayback()
            }
        }
        let lastLevel = segments.last?.level
        var decision = policy.decide(context(index: index, lastLevel: lastLevel))
        if let failed = policy.failure {
            failure = failed
            return
        }
        precondition(video.levels.indices.contains(decision.level), "policy \(policy.name) chose level \(decision.level) of \(video.levelCount)")
        rebufferInSegment = 0
        var abandonedBytes = 0
        let bufferBefore = bufferSeconds
        var request: DownloadRecord
        while true {
            let (record, lowerLevel) = download(index: index, level: decision.level, lastLevel: lastLevel)
            request = record
            requests.append(record)
            guard let lower = lowerLevel else { break }
            abandonedBytes += record.bytes
            policy.didDownload(record, context: context(index: index, lastLevel: lastLevel))
            decision = Decision(level: lower, reason: DecisionReason("abandon", "received_bytes", Double(record.bytes)))
        }
        bufferSeconds += segmentSeconds
        if !isPlaying, bufferSeconds >= configuration.startupThreshold(for: video) || index == video.segmentCount - 1 {
            startPlayback()
        }
        let q = qoe.utility(segment: index, level: decision.level, video: video)
        let reward = qoe.reward(utility: q, previousUtility: previousUtility, rebufferSeconds: rebufferInSegment)
        previousUtility = q
        segments.append(
            SegmentRecord(
                index: index, level: decision.level, bitsPerSecond: video.levels[decision.level].bitsPerSecond,
                bytes: request.bytes, abandonedBytes: abandonedBytes, idleSeconds: idle,
                downloadStart: request.requestTime, downloadSeconds: request.durationSeconds,
                bufferBeforeSeconds: bufferBefore, bufferAfterSeconds: bufferSeconds,
                rebufferSeconds: rebufferInSegment, reward: reward, reason: decision.reason))
        nextSegment += 1
        policy.didDownload(request, context: context(index: nextSegment, lastLevel: decision.level))
    }

    private func context(index: Int, lastLevel: Int?) -> DecisionContext {
        DecisionContext(
            segmentIndex: index, time: time, bufferSeconds: bufferSeconds, maxBufferSeconds: configuration.maxBufferSeconds,
            lastLevel: lastLevel, isStartup: !isPlaying, video: video, history: requests,
            qoe: qoe, startupThresholdSeconds: configuration.startupThreshold(for: video))
    }

    private mutating func startPlayback() {
        guard !isPlaying else { return }
        isPlaying = true
        startupDelaySeconds = time
    }

    /// Advances the clock by `seconds`, draining the buffer and recording any stall.
    private mutating func elapse(_ seconds: Double, segment: Int) {
        guard seconds > 0 else { return }
        if isPlaying {
            if bufferSeconds >= seconds {
                bufferSeconds -= seconds
            } else {
                let stall = seconds - bufferSeconds
                let start = time + bufferSeconds
                if let last = stalls.last, last.segmentIndex == segment, last.start + last.durationSeconds == start {
                    stalls[stalls.count - 1].durationSeconds += stall
                } else {
                    stalls.append(StallEvent(start: start, durationSeconds: stall, segmentIndex: segment))
                }
                rebufferInSegment += stall
                bufferSeconds = 0
            }
        }
        time += seconds
    }

    /// One request for `index` at `level`: runs to completion, or to the check at which the policy
    /// abandons it, returning then the lower level to request instead.
    private mutating func download(index: Int, level: Int, lastLevel: Int?) -> (DownloadRecord, abandonTo: Int?) {
        let start = time
        let latency = trace.latencySeconds(at: start)
        let firstByte = start + latency
        let bytes = video.segmentBytes[index][level]
        let end = trace.transferEnd(startingAt: firstByte, bits: Double(bytes) * 8)
        if let interval = configuration.abandonmentCheckSeconds, level > 0 {
            var check = start + interval
            while check < end {
                let received = check > firstByte ? (trace.bitsDelivered(until: check) - trace.bitsDelivered(until: firstByte)) / 8 : 0
                let bufferAtCheck = isPlaying ? max(0, bufferSeconds - (check - start)) : bufferSeconds
                let progress = DownloadProgress(
                    segmentIndex: index, level: level, bytesReceived: received, bytesTotal: bytes,
                    elapsedSeconds: check - start, bufferSeconds: bufferAtCheck, latencySeconds: latency)
                if let lower = policy.abandon(progress, context: context(index: index, lastLevel: lastLevel)), lower < level, lower >= 0 {
                    elapse(check - start, segment: index)
                    let record = DownloadRecord(
                        segmentIndex: index, level: level, bytes: Int(received.rounded(.down)), requestTime: start,
                        latencySeconds: latency, durationSeconds: check - start, abandoned: true)
                    return (record, lower)
                }
                check += interval
            }
        }
        elapse(end - start, segment: index)
        return (DownloadRecord(segmentIndex: index, level: level, bytes: bytes, requestTime: start, latencySeconds: latency, durationSeconds: end - start), nil)
    }

    /// The summary so far (complete once `isFinished`).
    public var result: SessionResult {
        let metrics = SessionMetrics(
            segments: segments, requests: requests, playbackSeconds: video.playbackSeconds(ofFirst: segments.count), startupDelaySeconds: startupDelaySeconds,
            startupPenalty: qoe.startupPenalty, rebufferEvents: stalls.count, sessionSeconds: time + bufferSeconds)
        return SessionResult(
            traceName: trace.name, policyName: policy.name, segments: segments, stalls: stalls, requests: requests, metrics: metrics, failure: failure)
    }
}
