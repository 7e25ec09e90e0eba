import ABRSimulator

/// What a Sabre policy reads from the session (sabre.py's globals at decision time).
struct SabreSessionState {
    /// `get_buffer_level()`: ms of media buffered.
    var bufferLevelMs: Double
    /// The global `throughput` estimate, kbit/s.
    var throughputKbps: Double
    /// The global `latency` estimate, ms.
    var latencyMs: Double
}

/// A Sabre ABR rule: sabre.py's `Abr` interface.
///
/// Policies are values owned by one session; `SabreSession` is generic over this protocol so
/// each policy's calls are specialised and inlined in the hot download loop.
protocol SabrePolicy {
    /// `get_first_quality()`: level of segment 0 (every built-in policy answers 0).
    mutating func firstQuality() -> Int
    /// `get_quality_delay(segment_index)`: level of the next segment and ms to wait first.
    mutating func qualityDelay(segmentIndex: Int, state: SabreSessionState) -> (quality: Int, delayMs: Double)
    /// `report_delay(delay)`: the player idled `delayMs` because its buffer was full.
    mutating func reportDelay(_ delayMs: Double)
    /// `report_download(metrics, is_replacement)`: a request ended (completed or abandoned).
    mutating func reportDownload(_ progress: SabreProgress, state: SabreSessionState)
    /// `check_abandon(progress, buffer_level)`: a lower level to abandon to, or `nil`.
    mutating func checkAbandon(_ progress: SabreProgress, bufferLevelMs: Double, state: SabreSessionState) -> Int?
}

extension SabrePolicy {
    mutating func firstQuality() -> Int { 0 }
    mutating func reportDelay(_ delayMs: Double) {}
    mutating func reportDownload(_ progress: SabreProgress, state: SabreSessionState) {}
}

/// The movie facts every policy needs, held by value (no shared globals).
struct SabreLadder {
    /// Level bitrates, kbit/s.
    let bitratesKbps: [Double]
    /// Segment duration, ms.
    let segmentTimeMs: Double
    /// Number of segments.
    let segmentCount: Int

    init(_ movie: SabreMovie) {
        bitratesKbps = movie.bitratesKbps
        segmentTimeMs = movie.segmentDurationMs
        segmentCount = movie.segmentCount
    }

    var levelCount: Int { bitratesKbps.count }
    var topQuality: Int { bitratesKbps.count - 1 }

    /// `Abr.quality_from_throughput(tput)`: the highest level whose segment, requested now,
    /// would arrive within one segment duration: `latency + p × bitrate / tput ≤ p`.
    func qualityFromThroughput(_ throughputKbps: Double, latencyMs: Double) -> Int {
        let p = segmentTimeMs
        var quality = 0
        while quality + 1 < bitratesKbps.count && latencyMs + p * bitratesKbps[quality + 1] / throughputKbps <= p {
            quality += 1
        }
        return quality
    }

    /// BOLA utilities `ln(bitrate) + offset`, with sabre.py's offset arithmetic
    /// (`utility_offset = -log(bitrates[0])`, plus 1 for BOLA-E).
    func utilities(offset: (Double) -> Double) -> [Double] {
        let utilityOffset = offset(SabreMath.naturalLog(bitratesKbps[0]))
        return bitratesKbps.map { SabreMath.naturalLog($0) + utilityOffset }
    }
}
