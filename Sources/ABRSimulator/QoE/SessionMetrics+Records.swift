extension SessionMetrics {
    /// The metrics of a session from its records, as the default engine defines them.
    ///
    /// Sums run over the segments in play order, so any model that fills the records the same way
    /// gets bit-identical metrics (the default engine and the Sabre adapter both use this).
    ///
    /// - Parameters:
    ///   - segments: the segments played, in order.
    ///   - requests: every request, abandoned ones included (their bytes count as downloaded).
    ///   - playbackSeconds: media duration of the segments played.
    ///   - startupDelaySeconds: first request to playback start.
    ///   - startupPenalty: QoE lost per second of startup delay (0 where the model has none).
    ///   - rebufferEvents: stalls, as the model counts them.
    ///   - sessionSeconds: first request to the end of playback.
    public init(
        segments: [SegmentRecord], requests: [DownloadRecord], playbackSeconds: Double, startupDelaySeconds: Double,
        startupPenalty: Double = 0, rebufferEvents: Int, sessionSeconds: Double
    ) {
        var played = 0, switches = 0
        var bitrateSum = 0.0, rewardSum = 0.0, rebuffer = 0.0
        for (i, s) in segments.enumerated() {
            played += s.bytes
            bitrateSum += s.bitsPerSecond
            rewardSum += s.reward
            rebuffer += s.rebufferSeconds
            if i > 0, s.level != segments[i - 1].level { switches += 1 }
        }
        self.init(
            segments: segments.count, qoe: rewardSum - startupPenalty * startupDelaySeconds,
            averageBitrateKbps: segments.isEmpty ? 0 : bitrateSum / Double(segments.count) / 1000,
            rebufferSeconds: rebuffer, rebufferEvents: rebufferEvents, startupDelaySeconds: startupDelaySeconds,
            switches: switches, downloadedBytes: requests.reduce(0) { $0 + $1.bytes }, playedBytes: played,
            playbackSeconds: playbackSeconds, sessionSeconds: sessionSeconds)
    }
}
