extension SabreNetworkModel {
    /// `NetworkModel.min_progress_size`: bits between abandonment checks (12 kbit).
    static let minProgressSizeBits = 12_000.0
    /// `NetworkModel.min_progress_time`: ms between abandonment checks (50 ms).
    static let minProgressTimeMs = 50.0

    /// `download(size, idx, quality, buffer_level, check_abandon)`: one request.
    ///
    /// Without abandonment: one latency, then the whole transfer. With it, sabre.py's steps:
    /// one latency (sabre.py's `min_progress_size > 0` branch; its other branch, which
    /// interleaves the latency with progress checks via `do_minimal_latency_delay`, is dead code
    /// since both constants are fixed and positive), then transfer in steps of at least
    /// 12 kbit *and* at least 50 ms of the current period's rate, and after every step that
    /// leaves bits outstanding offer `checkAbandon` the progress and the buffer level
    /// `max(0, bufferLevel − time so far)`. The first step's 50 ms is counted from the request,
    /// so the latency eats into it (`min_time_to_progress -= total_download_time`).
    ///
    /// - Parameters:
    ///   - bufferLevelMs: buffer level when the request starts.
    ///   - abandonment: whether to check; sabre.py skips checks for the first segment and
    ///     with `--no-abandon`.
    ///   - checkAbandon: the policy's `check_abandon(progress, buffer_level)`.
    /// - Returns: the final progress, with `abandonToQuality` set when abandoned.
    mutating func download(
        sizeBits size: Double, segment: Int, quality: Int, bufferLevelMs: Double,
        abandonment: Bool, checkAbandon: (SabreProgress, Double) -> Int?
    ) -> SabreProgress {
        if !abandonment {
            let latency = latencyDelay(units: 1)
            let time = latency + transfer(sizeBits: size)
            return SabreProgress(
                segment: segment, quality: quality, sizeBits: size, downloadedBits: size,
                timeMs: time, timeToFirstBitMs: latency, abandonToQuality: nil)
        }
        var totalTime = 0.0
        var totalSize = 0.0
        var minTimeToProgress = Self.minProgressTimeMs
        var minSizeToProgress = Self.minProgressSizeBits
        let latency = latencyDelay(units: 1)
        totalTime += latency
        minTimeToProgress -= totalTime
        var abandonQuality: Int? = nil
        while totalSize < size && abandonQuality == nil {
            let remaining = size - totalSize
            let step: (bits: Double, timeMs: Double)
            if minTimeToProgress == Self.minProgressTimeMs && minSizeToProgress == Self.minProgressSizeBits
                && bandwidthKbps > 0 && remaining > stepBits && stepBits <= timeToNextMs * bandwidthKbps
            {
                // The common case, inlined: `do_minimal_download` takes its second branch once and
                // returns one regular step of this period (same operands, same bits and time).
                step = (stepBits, stepTimeMs)
                advanceWithinPeriod(stepTimeMs)
            } else {
                step = minimalTransfer(sizeBits: remaining, minSizeBits: minSizeToProgress, minTimeMs: minTimeToProgress)
            }
            totalTime += step.timeMs
            totalSize += step.bits
            if totalSize < size {
                let progress = SabreProgress(
                    segment: segment, quality: quality, sizeBits: size, downloadedBits: totalSize,
                    timeMs: totalTime, timeToFirstBitMs: latency, abandonToQuality: nil)
                abandonQuality = checkAbandon(progress, SabreMath.max(0, bufferLevelMs - totalTime))
                minTimeToProgress = Self.minProgressTimeMs
                minSizeToProgress = Self.minProgressSizeBits
            }
        }
        return SabreProgress(
            segment: segment, quality: quality, sizeBits: size, downloadedBits: totalSize,
            timeMs: totalTime, timeToFirstBitMs: latency, abandonToQuality: abandonQuality)
    }

    /// `do_minimal_download(size, min_size, min_time)`: transfer until `minSizeBits` and
    /// `minTimeMs` are both reached (or `sizeBits` is done); returns the bits and ms.
    ///
    /// Within a period with bandwidth `B` one step moves `max(minSize, minTime × B)` bits; a
    /// period boundary ends a partial step and the next period's rate applies to the rest.
    /// In an outage only time passes.
    mutating func minimalTransfer(sizeBits: Double, minSizeBits: Double, minTimeMs: Double) -> (bits: Double, timeMs: Double) {
        var size = sizeBits
        var minSize = minSizeBits
        var minTime = minTimeMs
        var totalSize = 0.0
        var totalTime = 0.0
        while size > 0 && (minSize > 0 || minTime > 0) {
            let bandwidth = bandwidthKbps
            let bits: Double
            let time: Double
            if bandwidth > 0 {
                let minBits = SabreMath.max(minSize, minTime * bandwidth)
                let bitsToNext = timeToNextMs * bandwidth
                if size <= minBits && size <= bitsToNext {
                    bits = size
                    time = bits / bandwidth
                    advanceWithinPeriod(time)
                } else if minBits <= bitsToNext {
                    bits = minBits
                    time = bits / bandwidth
                    // sabre.py: "make sure rounding error does not push while loop into endless loop"
                    minSize = 0
                    minTime = 0
                    advanceWithinPeriod(time)
                } else {
                    bits = bitsToNext
                    time = timeToNextMs
                    finishPeriod()
                }
            } else {
                bits = 0
                if minSize > 0 || minTime > timeToNextMs {
                    time = timeToNextMs
                    finishPeriod()
                } else {
                    time = minTime
                    advanceWithinPeriod(time)
                }
            }
            totalSize += bits
            totalTime += time
            size -= bits
            minSize -= bits
            minTime -= time
        }
        return (totalSize, totalTime)
    }
}
