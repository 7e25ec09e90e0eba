/// Sabre's playback buffer and its running metrics (sabre.py's buffer globals and
/// `deplete_buffer`, `playout_buffer`, `process_quality_up`, `advertize_new_network_quality`).
///
/// The buffer holds the levels of whole downloaded segments; `fccMs` is how much of the first
/// has played. Quirks kept as sabre.py has them:
///
/// - a segment's utility, bitrate and switch are counted when it *starts* playing;
/// - a stall is counted as an event only when the buffer runs dry *during* a depletion; time
///   that passes with the buffer already empty adds to the rebuffer time but not to the count;
/// - reaction time mixes two clocks: a quality-up offer is stamped with the network's clock,
///   its fulfilment with the play clock (which includes startup and stalls) when a segment of
///   that quality starts playing, or with the network's clock when the network falls back.
struct SabrePlayback {
    /// An upward change of sustainable quality awaiting a segment of that quality.
    struct PendingQualityUp {
        var networkTimeMs: Double
        var quality: Int
        var reachedPlayTimeMs: Double?
    }

    private let segmentTimeMs: Double
    private let bitratesKbps: [Double]
    /// `manifest.utilities`: `ln(bitrate) − ln(bitrates[0])`.
    private let utilities: [Double]
    /// `max_buffer_size`, ms: the reaction-time horizon.
    private let maxBufferSizeMs: Double
    private let rampupThreshold: Int?

    /// `buffer_contents`: levels of buffered segments, the playing one first.
    private(set) var contents: [Int] = []
    /// `buffer_fcc`: ms of the first buffered segment already played.
    private(set) var fccMs = 0.0
    private var pendingQualityUp: [PendingQualityUp] = []
    private var lastPlayed: Int? = nil

    private(set) var rebufferEventCount = 0
    private(set) var rebufferTimeMs = 0.0
    private(set) var playedUtility = 0.0
    private(set) var playedBitrateKbps = 0.0
    /// `total_play_time`, ms: the play clock (startup, playback and stalls).
    var totalPlayTimeMs = 0.0
    private(set) var totalBitrateChangeKbps = 0.0
    private(set) var totalLogBitrateChange = 0.0
    private(set) var totalReactionTimeMs = 0.0
    private(set) var rampupTimeMs: Double? = nil
    /// `rampup_origin`: moves only on a seek, which is not modelled.
    private let rampupOriginMs = 0.0

    init(movie: SabreMovie, configuration: SabreConfiguration) {
        segmentTimeMs = movie.segmentDurationMs
        bitratesKbps = movie.bitratesKbps
        let utilityOffset = 0 - SabreMath.naturalLog(movie.bitratesKbps[0])
        utilities = movie.bitratesKbps.map { SabreMath.naturalLog($0) + utilityOffset }
        maxBufferSizeMs = configuration.maxBufferSeconds * 1000
        rampupThreshold = configuration.rampupThreshold
        contents.reserveCapacity(Int(maxBufferSizeMs / segmentTimeMs) + 2)
        pendingQualityUp.reserveCapacity(16)
    }

    /// `get_buffer_level()`, ms.
    var levelMs: Double { segmentTimeMs * Double(contents.count) - fccMs }

    /// Appends a downloaded segment of `quality`.
    mutating func append(_ quality: Int) { contents.append(quality) }

    /// `deplete_buffer(time)`: play (or stall) for `timeMs`.
    mutating func deplete(_ timeMs: Double, sustainableQuality: Int) {
        var time = timeMs
        if contents.isEmpty {
            rebufferTimeMs += time
            totalPlayTimeMs += time
            return
        }
        if fccMs > 0 {
            // first play any partial segment left
            if time + fccMs < segmentTimeMs {
                fccMs += time
                totalPlayTimeMs += time
                return
            }
            time -= segmentTimeMs - fccMs
            totalPlayTimeMs += segmentTimeMs - fccMs
            contents.removeFirst()
            fccMs = 0
        }
        while time > 0 && !contents.isEmpty {
            let quality = contents[0]
            playedUtility += utilities[quality]
            playedBitrateKbps += bitratesKbps[quality]
            if let last = lastPlayed, quality != last {
                totalBitrateChangeKbps += Swift.abs(bitratesKbps[quality] - bitratesKbps[last])
                totalLogBitrateChange += Swift.abs(SabreMath.naturalLog(bitratesKbps[quality] / bitratesKbps[last]))
            }
            lastPlayed = quality
            if rampupTimeMs == nil && quality >= (rampupThreshold ?? sustainableQuality) {
                rampupTimeMs = totalPlayTimeMs - rampupOriginMs
            }
            // bookkeeping to track reaction time to increased bandwidth
            for i in pendingQualityUp.indices where pendingQualityUp[i].reachedPlayTimeMs == nil && quality >= pendingQualityUp[i].quality {
                pendingQualityUp[i].reachedPlayTimeMs = totalPlayTimeMs
            }
            if time >= segmentTimeMs {
                contents.removeFirst()
                totalPlayTimeMs += segmentTimeMs
                time -= segmentTimeMs
            } else {
                fccMs = time
                totalPlayTimeMs += time
                time = 0
            }
        }
        if time > 0 {
            rebufferTimeMs += time
            totalPlayTimeMs += time
            rebufferEventCount += 1
        }
        processQualityUp(nowMs: totalPlayTimeMs)
    }

    /// `playout_buffer()`: play everything left, then empty the buffer.
    mutating func playOut(sustainableQuality: Int) {
        deplete(levelMs, sustainableQuality: sustainableQuality)
        contents.removeAll(keepingCapacity: true)
        fccMs = 0
    }

    /// `process_quality_up(now)`: settle quality-up offers older than the buffer horizon; each
    /// adds its reaction time, capped at the horizon (the horizon itself if never reached).
    mutating func processQualityUp(nowMs: Double) {
        let cutoff = nowMs - maxBufferSizeMs
        while let p = pendingQualityUp.first, p.networkTimeMs < cutoff {
            pendingQualityUp.removeFirst()
            if let reached = p.reachedPlayTimeMs {
                totalReactionTimeMs += SabreMath.min(maxBufferSizeMs, reached - p.networkTimeMs)
            } else {
                totalReactionTimeMs += maxBufferSizeMs
            }
        }
    }

    /// `advertize_new_network_quality(quality, previous_quality)` at the network's clock.
    mutating func advertise(_ change: SabreNetworkModel.QualityChange) {
        let now = change.networkTimeMs
        processQualityUp(nowMs: now)
        // a pending offer is done when the network falls back below its quality
        for i in pendingQualityUp.indices where pendingQualityUp[i].reachedPlayTimeMs == nil && pendingQualityUp[i].quality > change.quality {
            pendingQualityUp[i].reachedPlayTimeMs = now
        }
        // only a genuine step up: above the previous level, everything buffered, every offer
        guard change.quality > change.previousQuality else { return }
        guard !contents.contains(where: { change.quality <= $0 }) else { return }
        guard !pendingQualityUp.contains(where: { change.quality <= $0.quality }) else { return }
        pendingQualityUp.append(PendingQualityUp(networkTimeMs: now, quality: change.quality))
    }
}
