import ABRSimulator

extension PensieveModel.Result {
    /// The session in the default engine's terms, for the shared reports (`sessions.csv`, tables, plots).
    ///
    /// Pensieve's quirks show through unchanged: the first chunk's download counts as rebuffering
    /// (so startup delay is 0), and a chunk's sleep (full-buffer wait) is reported as the idle time
    /// before the next request. The logged buffer is after the sleep, so the buffer on arrival is
    /// that plus the sleep.
    public func sessionResult(traceName: String, policyName: String, video: Video) -> SessionResult {
        var segments: [SegmentRecord] = []
        var stalls: [StallEvent] = []
        var requests: [DownloadRecord] = []
        var clock = 0.0, bufferBefore = 0.0, idle = 0.0
        for (i, chunk) in chunks.enumerated() {
            let start = clock
            let delay = chunk.delayMs / 1000
            if chunk.rebufferSeconds > 0 {
                stalls.append(StallEvent(start: start + delay - chunk.rebufferSeconds, durationSeconds: chunk.rebufferSeconds, segmentIndex: i))
            }
            let sleep = chunk.sleepMs / 1000
            segments.append(
                SegmentRecord(
                    index: i, level: chunk.level, bitsPerSecond: chunk.bitrateKbps * 1000, bytes: chunk.chunkBytes, abandonedBytes: 0,
                    idleSeconds: idle, downloadStart: start, downloadSeconds: delay, bufferBeforeSeconds: bufferBefore,
                    bufferAfterSeconds: chunk.bufferSeconds + sleep, rebufferSeconds: chunk.rebufferSeconds, reward: chunk.reward, reason: chunk.reason))
            requests.append(
                DownloadRecord(segmentIndex: i, level: chunk.level, bytes: chunk.chunkBytes, requestTime: start, latencySeconds: 0, durationSeconds: delay))
            clock = start + delay + sleep
            bufferBefore = chunk.bufferSeconds
            idle = sleep
        }
        let bytes = chunks.reduce(0) { $0 + $1.chunkBytes }
        let metrics = SessionMetrics(
            segments: chunks.count, qoe: summary.totalReward, averageBitrateKbps: summary.meanBitrateKbps,
            rebufferSeconds: summary.rebufferSeconds, rebufferEvents: stalls.count, startupDelaySeconds: 0,
            switches: summary.switches, downloadedBytes: bytes, playedBytes: bytes,
            playbackSeconds: Double(chunks.count) * video.segmentSeconds, sessionSeconds: clock + bufferBefore)
        return SessionResult(traceName: traceName, policyName: policyName, segments: segments, stalls: stalls, requests: requests, metrics: metrics)
    }
}
