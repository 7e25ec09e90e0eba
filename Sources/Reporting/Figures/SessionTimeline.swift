import ABRSimulator

/// One session against time: the bitrate chosen over the bandwidth the trace offered, on one axis
/// in one unit (Mbit/s) so that a reader sees at a glance when the policy asked for more than the
/// network gave, and the buffer level below; stalls shaded on both panels.
public enum SessionTimeline {
    public static func figure(_ result: SessionResult, trace: BandwidthTrace, segmentSeconds: Double) -> Figure {
        let end = result.metrics.sessionSeconds
        let stalls = result.stalls.map { (from: $0.start, to: $0.start + $0.durationSeconds) }
        var bitrate: [(x: Double, y: Double)] = result.segments.map { (x: $0.downloadStart, y: $0.bitsPerSecond / 1e6) }
        if let last = result.segments.last { bitrate.append((x: last.downloadStart + last.downloadSeconds, y: last.bitsPerSecond / 1e6)) }
        let charts = [
            Chart(
                title: "Bitrate chosen and bandwidth offered (\(trace.name))", xLabel: "time (s)", yLabel: "rate (Mbit/s)",
                series: [
                    Chart.Series(name: "bandwidth", points: bandwidthPoints(trace, until: end), style: .step),
                    Chart.Series(name: result.policyName, points: bitrate, style: .step),
                ], shaded: stalls, xBounds: (0, end)),
            Chart(
                title: "Buffer level", xLabel: "time (s)", yLabel: "buffer (s)",
                series: [Chart.Series(name: "buffer", points: bufferPoints(result, segmentSeconds: segmentSeconds))], shaded: stalls, xBounds: (0, end)),
        ]
        return Figure(title: "Session timeline: \(result.policyName) over \(result.traceName)", charts: charts, panelHeight: 200)
    }

    /// The buffer level at every event: drains while playing, rises by a segment at each arrival.
    static func bufferPoints(_ result: SessionResult, segmentSeconds: Double) -> [(x: Double, y: Double)] {
        let startup = result.metrics.startupDelaySeconds
        var points: [(x: Double, y: Double)] = [(x: 0, y: 0)]
        for s in result.segments {
            let requestStart = s.downloadStart
            if s.idleSeconds > 0 { points.append((x: requestStart - s.idleSeconds, y: s.bufferBeforeSeconds + s.idleSeconds)) }
            points.append((x: requestStart, y: s.bufferBeforeSeconds))
            let arrival = requestStart + s.downloadSeconds
            let playingFrom = max(requestStart, startup)
            if arrival > playingFrom, s.bufferBeforeSeconds > 0 || s.rebufferSeconds > 0 {
                let dry = playingFrom + s.bufferBeforeSeconds
                if dry < arrival { points.append((x: dry, y: 0)) }
            }
            points.append((x: arrival, y: s.bufferAfterSeconds - segmentSeconds))
            points.append((x: arrival, y: s.bufferAfterSeconds))
        }
        if let last = result.segments.last {
            points.append((x: last.downloadStart + last.downloadSeconds + last.bufferAfterSeconds, y: 0))
        }
        return points
    }

    /// The trace's bandwidth as steps over [0, `end`], looping as the simulator does.
    static func bandwidthPoints(_ trace: BandwidthTrace, until end: Double) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        var t = 0.0
        let budget = 20_000  // points: enough for any plot, bounded for very fine traces
        outer: while t < end {
            for p in trace.periods {
                points.append((x: t, y: p.bitsPerSecond / 1e6))
                t += p.durationSeconds
                if t >= end || points.count >= budget { break outer }
            }
        }
        if let last = points.last { points.append((x: min(t, end), y: last.y)) }
        return points
    }
}
