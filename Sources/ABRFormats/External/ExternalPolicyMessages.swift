import ABRSimulator

/// One decision request to an external policy process: a JSON object on one line of its stdin.
///
/// Field names are snake_case with units, as in every abrkit file format; see `docs/external-policy.md`.
public struct ExternalPolicyRequest: Codable, Hashable, Sendable {
    /// One earlier request, as the player saw it.
    public struct Download: Codable, Hashable, Sendable {
        public var segment: Int
        public var level: Int
        public var bytes: Int
        /// Request to last byte, latency included.
        public var seconds: Double
        public var latencySeconds: Double
        public var abandoned: Bool

        enum CodingKeys: String, CodingKey {
            case segment, level, bytes, seconds, abandoned
            case latencySeconds = "latency_s"
        }
    }

    public var segment: Int
    public var segmentCount: Int
    public var segmentSeconds: Double
    public var timeSeconds: Double
    public var bufferSeconds: Double
    public var maxBufferSeconds: Double
    public var lastLevel: Int?
    public var startup: Bool
    public var bitratesKbps: [Double]
    /// Sizes in bytes of this segment and the next ones (up to `ExternalPolicy.lookaheadSegments`), per level.
    public var nextSizesBytes: [[Int]]
    /// The most recent requests, oldest first (up to `ExternalPolicy.historyCount`).
    public var downloads: [Download]

    enum CodingKeys: String, CodingKey {
        case segment, startup, downloads
        case segmentCount = "segment_count"
        case segmentSeconds = "segment_s"
        case timeSeconds = "time_s"
        case bufferSeconds = "buffer_s"
        case maxBufferSeconds = "max_buffer_s"
        case lastLevel = "last_level"
        case bitratesKbps = "bitrates_kbps"
        case nextSizesBytes = "next_sizes_bytes"
    }

    /// The request for `context`, with `lookahead` segments' sizes and the last `history` downloads.
    public init(context: DecisionContext, lookahead: Int, history: Int) {
        let video = context.video
        segment = context.segmentIndex
        segmentCount = video.segmentCount
        segmentSeconds = video.segmentSeconds
        timeSeconds = context.time
        bufferSeconds = context.bufferSeconds
        maxBufferSeconds = context.maxBufferSeconds
        lastLevel = context.lastLevel
        startup = context.isStartup
        bitratesKbps = video.levels.map(\.kbps)
        let end = min(video.segmentCount, context.segmentIndex + lookahead)
        nextSizesBytes = Array(video.segmentBytes[context.segmentIndex..<end])
        downloads = context.history.suffix(history).map {
            Download(
                segment: $0.segmentIndex, level: $0.level, bytes: $0.bytes, seconds: $0.durationSeconds,
                latencySeconds: $0.latencySeconds, abandoned: $0.abandoned)
        }
    }
}

/// The process's answer: one JSON object on one line of its stdout.
public struct ExternalPolicyReply: Codable, Hashable, Sendable {
    /// The level to request, 0-based, lowest first.
    public var level: Int
    /// Why, reported per segment (optional).
    public var reason: String?
}
