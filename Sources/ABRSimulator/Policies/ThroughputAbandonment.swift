/// The throughput rule's abandonment: give up a request that will take far longer than a segment
/// plays, for the level the request's own rate sustains.
///
/// dash.js `AbandonRequestsRule.js` and Sabre's `ThroughputRule.check_abandon`: after a grace time,
/// if the request's elapsed time plus its remaining bytes at its measured rate exceed 1.8 segment
/// durations, switch to the level that `safetyFactor` × that rate sustains, provided it is lower and
/// its whole segment is smaller than what is left of this one.
public struct ThroughputAbandonment: Hashable, Sendable {
    /// 1.8: dash.js `ABANDON_MULTIPLIER`, Sabre `abandon_multiplier`.
    public static let defaultMultiplier = 1.8
    /// 0.5 s: dash.js `GRACE_TIME_THRESHOLD` (500 ms), Sabre `abandon_grace_time`.
    public static let defaultGraceSeconds = 0.5

    public let multiplier: Double
    public let graceSeconds: Double
    public let safetyFactor: Double

    public init(multiplier: Double = defaultMultiplier, graceSeconds: Double = defaultGraceSeconds, safetyFactor: Double = ThroughputPolicy.defaultSafetyFactor)
    {
        self.multiplier = multiplier
        self.graceSeconds = graceSeconds
        self.safetyFactor = safetyFactor
    }

    /// The lower level to switch to, or `nil` to carry on.
    public func lowerLevel(_ progress: DownloadProgress, latencySeconds: Double, video: Video) -> Int? {
        let transfer = progress.elapsedSeconds - progress.latencySeconds
        guard progress.elapsedSeconds >= graceSeconds, transfer > 0, progress.bytesReceived > 0 else { return nil }
        let bytesPerSecond = progress.bytesReceived / transfer
        let left = Double(progress.bytesTotal) - progress.bytesReceived
        guard progress.elapsedSeconds + left / bytesPerSecond > multiplier * video.segmentSeconds else { return nil }
        let level = ThroughputHistory.sustainableLevel(bitsPerSecond: bytesPerSecond * 8 * safetyFactor, latencySeconds: latencySeconds, video: video)
        let size = Double(progress.bytesTotal) * video.levels[level].bitsPerSecond / video.levels[progress.level].bitsPerSecond
        return level < progress.level && size < left ? level : nil
    }
}
