@testable import ABRSimulator

/// Always picks one level: isolates the player model from policy logic.
struct FixedPolicy: ABRPolicy {
    var level: Int
    var name: String { "fixed\(level)" }
    mutating func decide(_ context: DecisionContext) -> Decision { Decision(level: level, reason: DecisionReason("fixed")) }
}

/// Picks `level`, and abandons to `abandonTo` at the first check of each request above it.
struct AbandoningPolicy: ABRPolicy {
    var level: Int
    var abandonTo: Int
    var name: String { "abandoning" }
    mutating func decide(_ context: DecisionContext) -> Decision { Decision(level: level, reason: DecisionReason("fixed")) }
    mutating func abandon(_ progress: DownloadProgress, context: DecisionContext) -> Int? { progress.level > abandonTo ? abandonTo : nil }
}

func constantTrace(mbps: Double, latency: Double = 0, seconds: Double = 1000) throws -> BandwidthTrace {
    try BandwidthTrace(name: "const", periods: [TracePeriod(durationSeconds: seconds, bitsPerSecond: mbps * 1e6, latencySeconds: latency)])
}

/// A video with CBR segments: `mbps` per level, `segmentSeconds` each.
func cbrVideo(mbps: [Double], segmentSeconds: Double = 1, segments: Int) throws -> Video {
    try Video(constantBitrate: mbps.map { Level(bitsPerSecond: $0 * 1e6) }, segmentSeconds: segmentSeconds, segmentCount: segments)
}

/// Runs a session step by step, checking invariants after every step.
func runChecked<P: ABRPolicy>(_ session: inout PlaybackSession<P>) -> SessionResult {
    while !session.isFinished {
        session.step()
        let problems = session.invariantViolations()
        precondition(problems.isEmpty, problems.joined(separator: "; "))
    }
    return session.result
}

extension Double {
    func isClose(to other: Double, tolerance: Double = 1e-9) -> Bool { abs(self - other) <= tolerance * max(1, abs(other)) }
}
