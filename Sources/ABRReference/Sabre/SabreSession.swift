/// Sabre's session loop: sabre.py's `__main__` from the first download to the printed metrics.
///
/// Order of events per segment, as sabre.py: idle while the buffer cannot take one more
/// segment (`full_delay`, reported to the policy), ask the policy for a level and a delay, idle
/// for the delay (not reported), download with abandonment checks, play the download time,
/// enqueue the segment, report the download, update the estimate accuracy counters and (for
/// completed downloads) the throughput estimator. Quirks reproduced:
///
/// - **Unused abandon target.** sabre.py stores an abandonment's target in
///   `abandon_to_quality` but the loop tests `abandoned_to_quality`, which stays `None`: the
///   target is ignored and the policy simply decides the same segment again.
/// - **Startup.** Segment 0 is fetched at the policy's first level without abandonment; its
///   download time counts as play time but not as rebuffering, and it is the estimator's first
///   sample. Playback of a segment starts only in the next depletion.
/// - **Estimate accuracy** counters include abandoned requests (measured on their partial bits).
enum SabreSession {
    static func run<Policy: SabrePolicy>(
        policy initialPolicy: Policy, network: SabreNetwork, movie: SabreMovie,
        configuration: SabreConfiguration, bolaBufferMs: Double?
    ) -> SabreRun {
        var policy = initialPolicy
        var network = SabreNetworkModel(network: network, movie: movie)
        var playback = SabrePlayback(movie: movie, configuration: configuration)
        var estimator = SabreThroughputEstimator(halfLivesSeconds: configuration.halfLivesSeconds, segmentDurationMs: movie.segmentDurationMs)
        let segmentTimeMs = movie.segmentDurationMs
        let bufferSizeMs = configuration.maxBufferSeconds * 1000
        let sizes = movie.segmentSizesBits
        var downloads: [SabreDownloadRecord] = []
        downloads.reserveCapacity(movie.segmentCount + 16)
        var overEstimateCount = 0, goodEstimateCount = 0
        var overEstimateAverage = 0.0, goodEstimateAverage = 0.0, estimateAverage = 0.0

        /// Feeds the network's sustainable-quality changes to the reaction-time bookkeeping.
        func drainQualityChanges() {
            guard !network.qualityChanges.isEmpty else { return }
            for change in network.qualityChanges { playback.advertise(change) }
            network.qualityChanges.removeAll(keepingCapacity: true)
        }
        func state() -> SabreSessionState {
            SabreSessionState(bufferLevelMs: playback.levelMs, throughputKbps: estimator.throughputKbps, latencyMs: estimator.latencyMs)
        }

        // download first segment
        let firstQuality = policy.firstQuality()
        let first = network.download(
            sizeBits: sizes[0][firstQuality], segment: 0, quality: firstQuality, bufferLevelMs: 0,
            abandonment: false, checkAbandon: { _, _ in nil })
        drainQualityChanges()
        let firstDownloadTime = first.timeMs - first.timeToFirstBitMs
        playback.append(first.quality)
        estimator.push(timeMs: firstDownloadTime, throughputKbps: first.sizeBits / firstDownloadTime, latencyMs: first.timeToFirstBitMs)
        playback.totalPlayTimeMs += first.timeMs
        downloads.append(
            SabreDownloadRecord(
                segmentIndex: 0, quality: first.quality, sizeBits: first.sizeBits, downloadedBits: first.downloadedBits,
                timeMs: first.timeMs, timeToFirstBitMs: first.timeToFirstBitMs, abandonedToQuality: nil,
                delayMs: 0, bufferLevelMs: playback.levelMs, rebufferMs: 0))

        // download the rest
        var nextSegment = 1
        while nextSegment < movie.segmentCount {
            let rebufferBeforeMs = playback.rebufferTimeMs
            var idleMs = 0.0
            // room for one more segment?
            let fullDelay = playback.levelMs + segmentTimeMs - bufferSizeMs
            if fullDelay > 0 {
                playback.deplete(fullDelay, sustainableQuality: network.sustainableQuality)
                network.delay(fullDelay)
                drainQualityChanges()
                policy.reportDelay(fullDelay)
                idleMs += fullDelay
            }

            let (quality, delay) = policy.qualityDelay(segmentIndex: nextSegment, state: state())
            let size = sizes[nextSegment][quality]
            if delay > 0 {
                playback.deplete(delay, sustainableQuality: network.sustainableQuality)
                network.delay(delay)
                drainQualityChanges()
                idleMs += delay
            }

            let requestState = state()
            let progress = network.download(
                sizeBits: size, segment: nextSegment, quality: quality, bufferLevelMs: requestState.bufferLevelMs,
                abandonment: configuration.abandonment,
                checkAbandon: { policy.checkAbandon($0, bufferLevelMs: $1, state: requestState) })
            drainQualityChanges()
            playback.deplete(progress.timeMs, sustainableQuality: network.sustainableQuality)

            if progress.abandonToQuality == nil {
                playback.append(quality)
                nextSegment += 1
            }
            // else: sabre.py keeps the target in a variable its loop never reads (see above).

            policy.reportDownload(progress, state: state())

            let downloadTime = progress.timeMs - progress.timeToFirstBitMs
            let t = progress.downloadedBits / downloadTime
            let throughput = estimator.throughputKbps
            if throughput > t {
                overEstimateCount += 1
                overEstimateAverage += (throughput - t - overEstimateAverage) / Double(overEstimateCount)
            } else {
                goodEstimateCount += 1
                goodEstimateAverage += (t - throughput - goodEstimateAverage) / Double(goodEstimateCount)
            }
            estimateAverage += (throughput - t - estimateAverage) / Double(overEstimateCount + goodEstimateCount)
            if progress.abandonToQuality == nil {
                estimator.push(timeMs: downloadTime, throughputKbps: t, latencyMs: progress.timeToFirstBitMs)
            }
            downloads.append(
                SabreDownloadRecord(
                    segmentIndex: progress.segment, quality: quality, sizeBits: size, downloadedBits: progress.downloadedBits,
                    timeMs: progress.timeMs, timeToFirstBitMs: progress.timeToFirstBitMs,
                    abandonedToQuality: progress.abandonToQuality, delayMs: idleMs, bufferLevelMs: playback.levelMs,
                    rebufferMs: playback.rebufferTimeMs - rebufferBeforeMs))
        }

        playback.playOut(sustainableQuality: network.sustainableQuality)

        let totalPlayTime = playback.totalPlayTimeMs
        let toTimeAverage = 1 / (totalPlayTime / segmentTimeMs)
        let rebufferTime = playback.rebufferTimeMs
        let metrics = SabreMetrics(
            bolaBufferMs: bolaBufferMs,
            bufferSizeMs: bufferSizeMs,
            totalPlayedUtility: playback.playedUtility,
            timeAveragePlayedUtility: playback.playedUtility * toTimeAverage,
            totalPlayedBitrateKbps: playback.playedBitrateKbps,
            timeAveragePlayedBitrateKbps: playback.playedBitrateKbps * toTimeAverage,
            totalPlayTimeSeconds: totalPlayTime / 1000,
            totalPlayTimeChunks: totalPlayTime / segmentTimeMs,
            totalRebufferSeconds: rebufferTime / 1000,
            rebufferRatio: rebufferTime / totalPlayTime,
            timeAverageRebufferSeconds: rebufferTime / 1000 * toTimeAverage,
            totalRebufferEvents: playback.rebufferEventCount,
            timeAverageRebufferEvents: Double(playback.rebufferEventCount) * toTimeAverage,
            totalBitrateChangeKbps: playback.totalBitrateChangeKbps,
            timeAverageBitrateChangeKbps: playback.totalBitrateChangeKbps * toTimeAverage,
            totalLogBitrateChange: playback.totalLogBitrateChange,
            timeAverageLogBitrateChange: playback.totalLogBitrateChange * toTimeAverage,
            timeAverageScore: toTimeAverage * (playback.playedUtility - configuration.gammaP * rebufferTime / segmentTimeMs),
            overEstimateCount: overEstimateCount,
            overEstimateKbps: overEstimateAverage,
            leqEstimateCount: goodEstimateCount,
            leqEstimateKbps: goodEstimateAverage,
            estimateKbps: estimateAverage,
            rampupTimeSeconds: playback.rampupTimeMs.map { $0 / 1000 } ?? Double(movie.segmentCount) * segmentTimeMs / 1000,
            totalReactionTimeSeconds: playback.totalReactionTimeMs / 1000
        )
        return SabreRun(metrics: metrics, downloads: downloads)
    }
}
