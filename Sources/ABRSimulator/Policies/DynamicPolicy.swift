/// DYNAMIC: the throughput rule while the buffer is low, BOLA once it is high.
///
/// Spiteri, Sparacio, Sitaraman, MMSys 2018, doi:10.1145/3204949.3204953, §5 (dash.js's default
/// `abrDynamic` strategy; Sabre's `Dynamic`): both rules decide every segment; DYNAMIC switches to
/// BOLA when the buffer is above 10 s *and* BOLA's level is at least the throughput rule's, and
/// back to the throughput rule when the buffer is below 10 s *and* BOLA's level is lower. (dash.js
/// later used a plain hysteresis on its stable buffer time; 12 s on, 6 s off.) BOLA here is
/// BOLA-E (`BOLAEPolicy`); the throughput rule takes the level sustained by 0.9 × the EWMA
/// throughput, capped by the insufficient-buffer rule. Abandonment is the throughput rule's
/// (`ThroughputAbandonment`) in both modes, as in Sabre's `Dynamic`.
public struct DynamicPolicy: ABRPolicy {
    /// 10 s: Sabre `Dynamic.low_buffer_threshold`, the paper's switch point.
    public static let defaultSwitchBufferSeconds = 10.0

    public var name: String { "dynamic" }
    public let switchBufferSeconds: Double
    /// True while BOLA decides.
    public private(set) var usesBOLA = false
    private var bola = BOLAEPolicy()
    private var throughput = ThroughputHistory()
    private var safety = BOLAEPolicy.initialInsufficientBufferSafety
    private let abandonment = ThroughputAbandonment()

    public init(switchBufferSeconds: Double = defaultSwitchBufferSeconds) {
        precondition(switchBufferSeconds >= 0, "the switch point must be a buffer level")
        self.switchBufferSeconds = switchBufferSeconds
    }

    public mutating func decide(_ context: DecisionContext) -> Decision {
        let fromBOLA = bola.decide(context)
        let fromThroughput = throughputDecision(context)
        let buffer = context.bufferSeconds
        if usesBOLA, buffer < switchBufferSeconds, fromBOLA.level < fromThroughput.level {
            usesBOLA = false
        } else if !usesBOLA, buffer > switchBufferSeconds, fromBOLA.level >= fromThroughput.level {
            usesBOLA = true
        }
        return usesBOLA ? fromBOLA : fromThroughput
    }

    /// The throughput rule: the level 0.9 × the estimate sustains, then the insufficient-buffer cap.
    private mutating func throughputDecision(_ context: DecisionContext) -> Decision {
        guard let rate = throughput.bitsPerSecond else { return Decision(level: 0, reason: DecisionReason("dynamic.throughput.no_estimate")) }
        let video = context.video
        let latency = throughput.latencySeconds
        var level = ThroughputHistory.sustainableLevel(bitsPerSecond: rate * ThroughputPolicy.defaultSafetyFactor, latencySeconds: latency, video: video)
        var reason = DecisionReason("dynamic.throughput", "throughput_kbps", rate / 1000)
        let safeBits = safety * (context.bufferSeconds - latency) * rate
        safety = max(safety * BOLAEPolicy.initialInsufficientBufferSafety, BOLAEPolicy.minimumInsufficientBufferSafety)
        for q in 0..<level where video.levels[q + 1].bitsPerSecond * video.segmentSeconds > safeBits {
            level = q
            reason = DecisionReason("dynamic.insufficient_buffer", "safe_kbit", safeBits / 1000)
            break
        }
        return Decision(level: level, reason: reason)
    }

    public mutating func didDownload(_ record: DownloadRecord, context: DecisionContext) {
        bola.didDownload(record, context: context)
        throughput.observe(record)
    }

    public mutating func abandon(_ progress: DownloadProgress, context: DecisionContext) -> Int? {
        abandonment.lowerLevel(progress, latencySeconds: throughput.latencySeconds, video: context.video)
    }
}
