/// A "data saver" wrapper: keeps any policy's session within a cap in GB per hour of viewing.
///
/// Before each segment the wrapper asks the inner policy, then lowers its choice to the highest
/// level that keeps every byte downloaded so far (abandoned bytes included) within
/// `cap × media seconds played through this segment`. Pacing the budget segment by segment, rather
/// than over the whole title, keeps the rate within the cap at every moment, so a viewer who stops
/// early has not overspent either. When even the lowest level breaks the pace (a ladder whose bottom
/// rung exceeds the cap) the lowest level is taken, and the session's GB/h shows the overrun.
/// Decisions the cap lowered carry the rule `datacap.bound`.
public struct DataCapPolicy<Inner: ABRPolicy>: ABRPolicy {
    public private(set) var inner: Inner
    /// The cap, in GB (10⁹ bytes) per hour of playback.
    public let gbPerHour: Double
    private var spentBytes = 0

    public init(_ inner: Inner, gbPerHour: Double) {
        precondition(gbPerHour > 0 && gbPerHour.isFinite, "a data cap must be a positive number of GB per hour")
        self.inner = inner
        self.gbPerHour = gbPerHour
    }

    public var name: String { inner.name }

    /// Bytes the cap allows per second of media (``DataRate/bytesPerSecond(gbPerHour:)``).
    public var bytesPerMediaSecond: Double { DataRate.bytesPerSecond(gbPerHour: gbPerHour) }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        let wanted = inner.decide(context)
        let video = context.video
        let allowance = bytesPerMediaSecond * Double(context.segmentIndex + 1) * video.segmentSeconds
        let sizes = video.segmentBytes[context.segmentIndex]
        var level = wanted.level
        while level > 0, Double(spentBytes + sizes[level]) > allowance { level -= 1 }
        guard level < wanted.level else { return wanted }
        return Decision(level: level, reason: DecisionReason("datacap.bound", "allowance_bytes", allowance - Double(spentBytes)))
    }

    public mutating func didDownload(_ record: DownloadRecord, context: DecisionContext) {
        spentBytes += record.bytes
        inner.didDownload(record, context: context)
    }

    public mutating func abandon(_ progress: DownloadProgress, context: DecisionContext) -> Int? {
        inner.abandon(progress, context: context)
    }
}

extension SessionResult {
    /// Segments whose level a data cap lowered.
    public var capBoundSegments: Int { segments.reduce(0) { $0 + ($1.reason.rule == "datacap.bound" ? 1 : 0) } }
}
