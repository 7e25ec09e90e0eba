extension PlaybackSession {
    /// The session's invariants, as sentences naming what is broken; empty when all hold.
    ///
    /// Time is monotone (requests in order, none before the previous ended), 0 ≤ buffer ≤ capacity
    /// (before and after every segment), stalls never overlap, played bytes equal the chosen sizes,
    /// downloaded bytes equal played plus abandoned bytes. Tests call this after every `step()`.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        let capacity = configuration.maxBufferSeconds + 1e-9
        var clock = 0.0
        for r in requests {
            if r.requestTime < clock - 1e-9 {
                problems.append("request for segment \(r.segmentIndex) at \(r.requestTime) s precedes the previous end \(clock) s")
            }
            if r.durationSeconds < 0 { problems.append("request for segment \(r.segmentIndex) has negative duration \(r.durationSeconds)") }
            clock = r.endTime
        }
        if time < clock - 1e-9 { problems.append("clock \(time) s is behind the last download end \(clock) s") }
        if bufferSeconds < 0 || bufferSeconds > capacity { problems.append("buffer \(bufferSeconds) s is outside 0 … \(configuration.maxBufferSeconds) s") }
        var abandoned = 0
        for s in segments {
            if s.bufferBeforeSeconds < 0 || s.bufferAfterSeconds > capacity || s.bufferAfterSeconds < video.duration(ofSegment: s.index) - 1e-9 {
                problems.append(
                    "segment \(s.index): buffer \(s.bufferBeforeSeconds) → \(s.bufferAfterSeconds) s breaks 0 ≤ buffer ≤ \(configuration.maxBufferSeconds)")
            }
            if s.bytes != video.segmentBytes[s.index][s.level] {
                problems.append("segment \(s.index): \(s.bytes) bytes, but level \(s.level) has \(video.segmentBytes[s.index][s.level])")
            }
            if s.rebufferSeconds < 0 { problems.append("segment \(s.index): negative rebuffer \(s.rebufferSeconds)") }
            abandoned += s.abandonedBytes
        }
        let result = self.result.metrics
        let chosen = segments.reduce(0) { $0 + video.segmentBytes[$1.index][$1.level] }
        if result.playedBytes != chosen { problems.append("played bytes \(result.playedBytes) ≠ Σ chosen sizes \(chosen)") }
        if result.downloadedBytes != chosen + abandoned {
            problems.append("downloaded bytes \(result.downloadedBytes) ≠ played \(chosen) + abandoned \(abandoned)")
        }
        for (a, b) in zip(stalls, stalls.dropFirst()) where b.start < a.start + a.durationSeconds - 1e-9 {
            problems.append("stalls at \(a.start) s and \(b.start) s overlap")
        }
        let stallTotal = stalls.reduce(0) { $0 + $1.durationSeconds }
        if abs(stallTotal - result.rebufferSeconds) > 1e-6 { problems.append("stall events sum to \(stallTotal) s, segments to \(result.rebufferSeconds) s") }
        return problems
    }

    /// Traps when an invariant is broken (for debugging and tests).
    public func checkInvariants() {
        let problems = invariantViolations()
        precondition(problems.isEmpty, problems.joined(separator: "; "))
    }
}
