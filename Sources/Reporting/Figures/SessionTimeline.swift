import ABRSimulator

/// One session against time: the bitrate chosen over the bandwidth the trace offered, on one axis
/// in one unit (Mbit/s) so that a reader sees at a glance when the policy asked for more than the
/// network gave, and the buffer level below; stalls shaded on both panels. A live session adds
/// the latency against its target and the playback rate, each at every request and arrival.
public enum SessionTimeline {
    /// The figure for one session.
    ///
    /// - Parameters:
    ///   - result: the session.
    ///   - trace: the trace it played over (for the bandwidth offered).
    ///   - segmentSeconds: the video's segment duration.
    public static func figure(_ result: SessionResult, trace: BandwidthTrace, segmentSeconds: Double) -> Figure {
        let end = result.metrics.sessionSeconds
        let stalls = result.stalls.map { (from: $0.start, to: $0.start + $0.durationSeconds) }
        var bitrate: [(x: Double, y: Double)] = result.segments.map { (x: $0.downloadStart, y: $0.bitsPerSecond / 1e6) }
        if let last = result.segments.last { bitrate.append((x: last.downloadStart + last.downloadSeconds, y: last.bitsPerSecond / 1e6)) }
        var charts = [
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
        if let live = result.live {
            let latency = livePoints(result) { ($0.latencyAtRequestSeconds, $0.latencyAtEndSeconds) }
            let target = [(x: 0.0, y: live.targetLatencySeconds), (x: end, y: live.targetLatencySeconds)]
            charts.append(
                Chart(
                    title: "Live latency", xLabel: "time (s)", yLabel: "latency (s)",
                    series: [Chart.Series(name: "latency", points: latency), Chart.Series(name: "target", points: target, style: .step)], shaded: stalls,
                    xBounds: (0, end)))
            charts.append(
                Chart(
                    title: "Playback rate", xLabel: "time (s)", yLabel: "rate (× real time)",
                    series: [
                        Chart.Series(name: "playback rate", points: livePoints(result) { ($0.playbackRateAtRequest, $0.playbackRateAtEnd) }, style: .step)
                    ],
                    shaded: stalls, xBounds: (0, end)))
        }
        return Figure(title: "Session timeline: \(result.policyName) over \(result.traceName)", charts: charts, panelHeight: 200)
    }

    /// A live value at every request and every arrival, in time order.
    static func livePoints(_ result: SessionResult, _ value: (LiveSegmentInfo) -> (atRequest: Double, atEnd: Double)) -> [(x: Double, y: Double)] {
        result.segments.flatMap { s -> [(x: Double, y: Double)] in
            guard let info = s.live else { return [] }
            let (request, end) = value(info)
            return [(x: s.downloadStart, y: request), (x: s.downloadStart + s.downloadSeconds, y: end)]
        }
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
