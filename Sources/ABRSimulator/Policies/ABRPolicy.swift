/// An adaptive-bitrate policy: picks each segment's level.
///
/// Policies are values; a session owns its copy and mutates it, so policy state (estimators,
/// prediction errors) never leaks between sessions and sessions run in parallel safely.
public protocol ABRPolicy: Sendable {
    /// Short identifier used on the command line and in reports, e.g. "bba".
    var name: String { get }

    /// Chooses the level of `context.segmentIndex`.
    ///
    /// - Returns: a level in `0..<context.video.levelCount` and the rule that chose it.
    mutating func decide(_ context: DecisionContext) -> Decision

    /// Called after every request completes or is abandoned, before the next decision.
    mutating func didDownload(_ record: DownloadRecord, context: DecisionContext)

    /// Offered periodically while a download is in flight (when the player's abandonment is on).
    ///
    /// - Returns: a lower level to abandon the request and fetch the segment at that level
    ///   instead, or `nil` to carry on.
    mutating func abandon(_ progress: DownloadProgress, context: DecisionContext) -> Int?

    /// Set once the policy can no longer decide (see `PolicyFailure`); the session then ends.
    var failure: PolicyFailure? { get }
}

extension ABRPolicy {
    public mutating func didDownload(_ record: DownloadRecord, context: DecisionContext) {}
    public mutating func abandon(_ progress: DownloadProgress, context: DecisionContext) -> Int? { nil }
    public var failure: PolicyFailure? { nil }
}
