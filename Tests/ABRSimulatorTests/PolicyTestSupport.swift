import ABRSimulator

/// Replays a fixed level sequence: the brute-force oracle's way to simulate one plan exactly.
struct ReplayPolicy: ABRPolicy {
    var levels: [Int]
    var name: String { "replay" }
    mutating func decide(_ context: DecisionContext) -> Decision {
        Decision(level: levels[context.segmentIndex], reason: DecisionReason("replay"))
    }
}

enum PolicyFixtures {
    /// Levels at Pensieve's bitrates (kbit/s), the first `count`.
    static func levels(_ count: Int) -> [Level] {
        [300.0, 750, 1200, 1850, 2850, 4300, 6000, 8000, 12000, 16000].prefix(count).map { Level(bitsPerSecond: $0 * 1000) }
    }

    /// A VBR video: each segment's size is its level's nominal size × a random factor in 0.6 … 1.4.
    static func randomVideo(levels count: Int, segments: Int, segmentSeconds: Double = 4, using rng: inout SplitMix64) throws -> Video {
        let levels = levels(count)
        let sizes = (0..<segments).map { _ in
            let factor = Double.random(in: 0.6...1.4, using: &rng)
            return levels.map { Int($0.bitsPerSecond * segmentSeconds / 8 * factor) }
        }
        return try Video(levels: levels, segmentSeconds: segmentSeconds, segmentBytes: sizes)
    }

    /// Random periods of 0.5 … 5 s at 0.1 … 6 Mbit/s (occasionally an outage), one latency throughout.
    static func randomTrace(periods: Int, latencySeconds: Double = 0.04, using rng: inout SplitMix64) throws -> BandwidthTrace {
        var list: [TracePeriod] = []
        for i in 0..<periods {
            let outage = i > 0 && Int.random(in: 0..<10, using: &rng) == 0
            list.append(
                TracePeriod(
                    durationSeconds: Double.random(in: 0.5...5, using: &rng),
                    bitsPerSecond: outage ? 0 : Double.random(in: 100_000...6_000_000, using: &rng),
                    latencySeconds: latencySeconds))
        }
        return try BandwidthTrace(name: "random", periods: list)
    }

    static let qoeModels: [QoEModel] = [.linear, QoEModel(.log), QoEModel(.hd)]

    /// Levels 1, 2, 4 Mbit/s, 4 s segments, 10 segments, constant bitrate (valid by construction).
    static let oneTwoFour: Video = {
        do {
            return try Video(constantBitrate: [1e6, 2e6, 4e6].map { Level(bitsPerSecond: $0) }, segmentSeconds: 4, segmentCount: 10)
        } catch {
            fatalError("fixture: \(error)")
        }
    }()
}
