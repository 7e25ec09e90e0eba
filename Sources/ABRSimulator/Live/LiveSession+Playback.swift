extension LiveSession {
    /// Seeks to the live edge minus the target when latency − target exceeds the maximum drift
    /// (dash.js `CatchupController._startPlaybackCatchUp`, `seekToCurrentLive`).
    mutating func seekToLiveIfDrifted() {
        guard isPlaying, latencySeconds - targetLatencySeconds > live.maxDriftSeconds else { return }
        // Never past the start of the last segment, which must still be fetched.
        let to = min(time, segmentStart(video.segmentCount - 1))
        guard to > playheadSeconds else { return }
        seeks.append(SeekEvent(time: time, fromSeconds: playheadSeconds, toSeconds: to))
        skippedSeconds += to - playheadSeconds
        playheadSeconds = to
        bufferedUntilSeconds = max(bufferedUntilSeconds, to)
        // The next request is for the segment holding the new playhead, unless it is already buffered.
        var k = nextSegment
        while k + 1 < video.segmentCount, segmentStart(k + 1) <= bufferedUntilSeconds + 1e-9 { k += 1 }
        nextSegment = max(nextSegment, k)
        if bufferSeconds <= 0 {
            isStalled = true
            catchup.bufferDidEmpty()
        }
        catchup.evaluate(latencySeconds: latencySeconds, bufferSeconds: bufferSeconds, isStalled: isStalled)
    }

    /// Advances the clock to `target`, playing at the controller's rate and re-evaluating it at
    /// every catch-up check passed.
    mutating func advance(to target: Double) {
        while time < target {
            let next = min(target, nextCheck)
            play(next - time)
            time = next
            if time >= nextCheck {
                if isPlaying {
                    latencySamples.append(latencySeconds)
                    catchup.evaluate(latencySeconds: latencySeconds, bufferSeconds: bufferSeconds, isStalled: isStalled)
                }
                nextCheck += live.catchupCheckSeconds
            }
        }
    }

    /// Plays for `seconds` of wall clock at the current rate (constant over the interval),
    /// stalling if the buffer runs out.
    mutating func play(_ seconds: Double) {
        guard seconds > 0, isPlaying else { return }
        let rate = catchup.rate
        var stall = 0.0
        if isStalled {
            stall = seconds
        } else {
            let media = rate * seconds
            if bufferSeconds > media {
                playheadSeconds += media
                accountRate(rate, seconds: seconds)
            } else {
                let played = bufferSeconds / rate
                accountRate(rate, seconds: played)
                playheadSeconds = bufferedUntilSeconds
                stall = seconds - played
                isStalled = true
                catchup.bufferDidEmpty()
            }
        }
        guard stall > 0 else { return }
        let start = time + seconds - stall
        if let last = stalls.last, last.segmentIndex == nextSegment, abs(last.start + last.durationSeconds - start) <= 1e-9 {
            stalls[stalls.count - 1].durationSeconds += stall
        } else {
            stalls.append(StallEvent(start: start, durationSeconds: stall, segmentIndex: nextSegment))
        }
        rebufferInSegment += stall
    }

    mutating func accountRate(_ rate: Double, seconds: Double) {
        if rate < 1 {
            secondsAtRate.below += seconds
        } else if rate > 1 {
            secondsAtRate.above += seconds
        } else {
            secondsAtRate.at += seconds
        }
    }

    /// Media `from … to` has arrived.
    mutating func append(from: Double, to: Double) {
        precondition(from <= bufferedUntilSeconds + 1e-6, "media from \(from) s arrived with the buffer ending at \(bufferedUntilSeconds) s")
        bufferedUntilSeconds = max(bufferedUntilSeconds, to)
        if isStalled, bufferSeconds > 0 { isStalled = false }
        if !isPlaying, bufferSeconds >= startupThresholdSeconds - 1e-9 { startPlayback() }
    }

    /// One request for `index` at `level`, part by part: returns its record for policies, the
    /// throughput measured over its data intervals, and when its last byte arrived.
    mutating func download(index: Int, level: Int) -> (DownloadRecord, throughput: Double, end: Double) {
        let request = time
        let latency = trace.latencySeconds(at: request)
        let firstByte = request + latency
        let start = segmentStart(index), seconds = video.duration(ofSegment: index)
        let partBytes = live.partSeconds != nil ? video.parts?.bytes[index][level] ?? [] : [video.segmentBytes[index][level]]
        let partSeconds = live.partSeconds ?? seconds
        var intervals: [LiveThroughput.Interval] = []
        intervals.reserveCapacity(partBytes.count)
        var previousEnd = firstByte
        for (j, bytes) in partBytes.enumerated() {
            let mediaEnd = j == partBytes.count - 1 ? start + seconds : start + min(Double(j + 1) * partSeconds, seconds)
            let produced = -targetLatencySeconds + mediaEnd
            let first = max(previousEnd, produced)
            let bits = Double(bytes) * 8
            let last = trace.transferEnd(startingAt: first, bits: bits)
            advance(to: last)
            append(from: start + Double(j) * partSeconds, to: mediaEnd)
            intervals.append(LiveThroughput.Interval(bits: bits, first: first, last: last))
            previousEnd = last
        }
        let bytes = video.segmentBytes[index][level]
        let throughput = LiveThroughput.measured(intervals)
        let real = previousEnd - request
        let effective = throughput.isFinite && throughput > 0 ? min(real, latency + Double(bytes) * 8 / throughput) : latency
        // Shifted so that the record ends when the last byte arrived (policies that time idling, as
        // BOLA-E's placeholder does, see the real end) and lasts what the measurement says.
        let record = DownloadRecord(
            segmentIndex: index, level: level, bytes: bytes, requestTime: previousEnd - effective, latencySeconds: latency, durationSeconds: effective)
        return (record, throughput, previousEnd)
    }
}
