extension LiveSession {
    /// The session's invariants, as sentences naming what is broken; empty when all hold.
    ///
    /// Latency ≥ 0 (nothing plays or is buffered before the encoder produced it: playhead ≤
    /// buffer end ≤ live edge), 0 ≤ buffer ≤ capacity, the playback rate within its bounds, requests
    /// in order and none before its segment was available, stalls that never overlap, seeks that
    /// only go forward and add up to the skipped media, played bytes equal to the chosen sizes.
    /// Tests call this after every `step()`.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        let eps = 1e-9
        if latencySeconds < -eps { problems.append("latency \(latencySeconds) s is negative") }
        if bufferedUntilSeconds > time + targetLatencySeconds + eps {
            problems.append("buffer ends at media \(bufferedUntilSeconds) s, beyond the live edge \(time + targetLatencySeconds) s")
        }
        if bufferSeconds < -eps || bufferSeconds > configuration.maxBufferSeconds + eps {
            problems.append("buffer \(bufferSeconds) s is outside 0 … \(configuration.maxBufferSeconds) s")
        }
        if catchup.rate < live.minPlaybackRate - eps || catchup.rate > live.maxPlaybackRate + eps {
            problems.append("playback rate \(catchup.rate) is outside \(live.minPlaybackRate) … \(live.maxPlaybackRate)")
        }
        var clock = -Double.infinity
        for (r, s) in zip(requests, segments) {
            if r.requestTime < clock - eps {
                problems.append("request for segment \(r.segmentIndex) at \(r.requestTime) s precedes the previous end \(clock) s")
            }
            if r.durationSeconds < 0 || r.durationSeconds > s.downloadSeconds + eps {
                problems.append("segment \(s.index): measured duration \(r.durationSeconds) s outside 0 … the real \(s.downloadSeconds) s")
            }
            if abs(r.endTime - (s.downloadStart + s.downloadSeconds)) > 1e-6 {
                problems.append("segment \(s.index): the policy's record ends at \(r.endTime) s, the download at \(s.downloadStart + s.downloadSeconds) s")
            }
            if let info = s.live, s.downloadStart < info.availabilitySeconds - eps {
                problems.append("segment \(s.index) requested at \(s.downloadStart) s before it was available at \(info.availabilitySeconds) s")
            }
            if s.bytes != video.segmentBytes[s.index][s.level] {
                problems.append("segment \(s.index): \(s.bytes) bytes, but level \(s.level) has \(video.segmentBytes[s.index][s.level])")
            }
            if s.rebufferSeconds < 0 { problems.append("segment \(s.index): negative rebuffer \(s.rebufferSeconds)") }
            clock = s.downloadStart + s.downloadSeconds
        }
        if time < clock - eps { problems.append("clock \(time) s is behind the last download end \(clock) s") }
        for (a, b) in zip(segments, segments.dropFirst()) where b.index <= a.index {
            problems.append("segment \(b.index) fetched after segment \(a.index)")
        }
        for (a, b) in zip(stalls, stalls.dropFirst()) where b.start < a.start + a.durationSeconds - eps {
            problems.append("stalls at \(a.start) s and \(b.start) s overlap")
        }
        var skipped = 0.0
        for seek in seeks {
            if seek.toSeconds <= seek.fromSeconds { problems.append("seek at \(seek.time) s goes from \(seek.fromSeconds) s back to \(seek.toSeconds) s") }
            skipped += seek.toSeconds - seek.fromSeconds
        }
        if abs(skipped - skippedSeconds) > 1e-6 { problems.append("seeks skip \(skipped) s, the session counts \(skippedSeconds) s") }
        let metrics = result.metrics
        let chosen = segments.reduce(0) { $0 + video.segmentBytes[$1.index][$1.level] }
        if metrics.playedBytes != chosen || metrics.downloadedBytes != chosen {
            problems.append("played \(metrics.playedBytes) / downloaded \(metrics.downloadedBytes) bytes ≠ Σ chosen sizes \(chosen)")
        }
        let stallTotal = stalls.reduce(0) { $0 + $1.durationSeconds }
        if abs(stallTotal - metrics.rebufferSeconds) > 1e-6 { problems.append("stall events sum to \(stallTotal) s, segments to \(metrics.rebufferSeconds) s") }
        return problems
    }

    /// Traps when an invariant is broken (for debugging and tests).
    public func checkInvariants() {
        let problems = invariantViolations()
        precondition(problems.isEmpty, problems.joined(separator: "; "))
    }
}
