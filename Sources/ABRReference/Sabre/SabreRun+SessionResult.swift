import ABRSimulator

extension SabreRun {
    /// The session in the default engine's terms, for the shared reports (`sessions.csv`, tables, plots).
    ///
    /// Segment records come from the request log (abandoned requests fold into the segment that
    /// replaced them); per-segment rebuffering is the time sabre.py's play clock stalled during that
    /// segment's requests, so it sums to sabre.py's total. Rebuffer events are sabre.py's count (a stall
    /// counts only when the buffer runs dry during playback). Startup is the first segment's download,
    /// as sabre.py starts playing once it arrives. QoE is `qoe` over the levels played and these stalls.
    public func sessionResult(traceName: String, policyName: String, video: Video, qoe: QoEModel = .linear) -> SessionResult {
        var segments: [SegmentRecord] = []
        var stalls: [StallEvent] = []
        var requests: [DownloadRecord] = []
        var clock = 0.0, bufferBefore = 0.0
        var abandonedBytes = 0, pendingRebuffer = 0.0, pendingIdle = 0.0
        var previousUtility: Double?
        for record in downloads {
            let start = clock + record.delayMs / 1000
            let seconds = record.timeMs / 1000
            let bytes = Int((record.downloadedBits / 8).rounded())
            requests.append(
                DownloadRecord(
                    segmentIndex: record.segmentIndex, level: record.quality, bytes: bytes, requestTime: start,
                    latencySeconds: record.timeToFirstBitMs / 1000, durationSeconds: seconds,
                    abandoned: record.abandonedToQuality != nil))
            clock = start + seconds
            pendingRebuffer += record.rebufferMs / 1000
            pendingIdle += record.delayMs / 1000
            if record.abandonedToQuality != nil {
                abandonedBytes += bytes
                continue
            }
            let q = qoe.utility(segment: record.segmentIndex, level: record.quality, video: video)
            if pendingRebuffer > 0 {
                stalls.append(StallEvent(start: clock - pendingRebuffer, durationSeconds: pendingRebuffer, segmentIndex: record.segmentIndex))
            }
            segments.append(
                SegmentRecord(
                    index: record.segmentIndex, level: record.quality, bitsPerSecond: video.levels[record.quality].bitsPerSecond,
                    bytes: video.segmentBytes[record.segmentIndex][record.quality], abandonedBytes: abandonedBytes, idleSeconds: pendingIdle,
                    downloadStart: start, downloadSeconds: seconds, bufferBeforeSeconds: bufferBefore, bufferAfterSeconds: record.bufferLevelMs / 1000,
                    rebufferSeconds: pendingRebuffer, reward: qoe.reward(utility: q, previousUtility: previousUtility, rebufferSeconds: pendingRebuffer),
                    reason: DecisionReason(text: "sabre.\(policyName)")))
            previousUtility = q
            bufferBefore = record.bufferLevelMs / 1000
            abandonedBytes = 0
            pendingRebuffer = 0
            pendingIdle = 0
        }
        let metrics = SessionMetrics(
            segments: segments, requests: requests, playbackSeconds: Double(segments.count) * video.segmentSeconds,
            startupDelaySeconds: downloads.first.map { $0.timeMs / 1000 } ?? 0, rebufferEvents: self.metrics.totalRebufferEvents,
            sessionSeconds: clock + bufferBefore)
        return SessionResult(traceName: traceName, policyName: policyName, segments: segments, stalls: stalls, requests: requests, metrics: metrics)
    }
}
