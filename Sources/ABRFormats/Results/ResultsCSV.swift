import ABRSimulator

/// The simulator's CSV reports: one row per session, and one row per downloaded segment.
public enum ResultsCSV {
    /// The columns of `sessions.csv`, in order: the one place their names are spelled.
    public enum SessionColumn: String, CaseIterable, Sendable {
        case trace, policy, segments, qoe
        case qoePerSegment = "qoe_per_segment"
        case averageBitrateKbps = "avg_bitrate_kbps"
        case rebufferSeconds = "rebuffer_s"
        case rebufferRatio = "rebuffer_ratio"
        case rebufferEvents = "rebuffer_events"
        case startupDelaySeconds = "startup_delay_s"
        case switches
        case downloadedBytes = "downloaded_bytes"
        case playedBytes = "played_bytes"
        case wastedBytes = "wasted_bytes"
        case gbPerHour = "gb_per_hour"
        case capBoundSegments = "cap_bound_segments"
        /// Media played, seconds: the denominator of the rebuffer ratio and GB/h, so that the
        /// summary table can be rebuilt from this file alone (`abrkit merge`).
        case playbackSeconds = "playback_s"
    }

    /// Columns of `sessions.csv`.
    public static let sessionColumns = SessionColumn.allCases.map(\.rawValue)

    /// Columns of `segments.csv`.
    public static let segmentColumns = [
        "trace", "policy", "index", "level", "bitrate_kbps", "size_bytes", "download_start_s", "download_s",
        "buffer_before_s", "buffer_after_s", "rebuffer_s", "idle_s", "abandoned_bytes", "reward", "reason",
    ]

    /// Columns appended to `sessions.csv` in a live run (after the standard ones, before a model's extra ones).
    public static let liveSessionColumns = [
        "target_latency_s", "latency_mean_s", "latency_p95_s", "rate_below_1_s", "rate_at_1_s", "rate_above_1_s", "seeks", "skipped_s", "qoe_lolp",
        "qoe_nqoe",
    ]

    /// Columns appended to `segments.csv` in a live run.
    public static let liveSegmentColumns = [
        "availability_s", "availability_wait_s", "latency_at_request_s", "playback_rate_at_request", "latency_at_end_s", "playback_rate_at_end",
        "throughput_kbps",
    ]

    /// The per-policy summary as `simulate` computes it: from each session's metrics as
    /// `sessions.csv` holds them (``asWritten(_:)``), so a table rebuilt from the file is the same.
    public static func summarize(_ results: [SessionResult]) -> [PolicySummary] {
        var accumulator = PolicySummary.Accumulator()
        for r in results {
            accumulator.add(policy: r.policyName, asWritten(r.metrics), capBoundSegments: r.capBoundSegments, live: r.live.map(liveAsWritten))
        }
        return accumulator.summaries
    }

    /// Columns of `summary.csv`: the table `simulate` prints, one row per policy, unrounded.
    public static let summaryColumns = [
        "policy", "sessions", "qoe_mean", "qoe_median", "qoe_per_segment", "avg_bitrate_kbps", "rebuffer_ratio", "rebuffer_events",
        "switches", "startup_delay_s", "gb_per_hour", "wasted_share", "capped_share",
    ]

    /// Columns appended to `summary.csv` when the sessions were live.
    public static let liveSummaryColumns = ["latency_mean_s", "latency_p95_s", "seeks", "speed_up_share", "slow_down_share", "qoe_lolp_mean", "qoe_nqoe_mean"]

    /// `summary.csv`: a header, then one row per policy (means over sessions; ratios as fractions),
    /// with the ``liveSummaryColumns`` when the sessions were live.
    public static func summary(_ summaries: [PolicySummary]) -> String {
        var csv = CSVBuffer()
        let live = summaries.contains { $0.live != nil }
        csv.row(summaryColumns + (live ? liveSummaryColumns : []))
        for s in summaries {
            csv.field(s.policy)
            csv.field(s.sessions)
            for value in [
                s.meanQoE, s.medianQoE, s.meanQoEPerSegment, s.meanBitrateKbps, s.rebufferRatio, s.meanRebufferEvents, s.meanSwitches,
                s.meanStartupDelaySeconds, s.gbPerHour, s.wastedShare, s.cappedShare,
            ] { csv.decimal(value) }
            if live {
                let l = s.live
                for value in [
                    l?.meanLatencySeconds, l?.meanP95LatencySeconds, l?.meanSeeks, l?.speedUpShare, l?.slowDownShare, l?.meanQoELoLP, l?.meanQoENQoE,
                ] {
                    if let value { csv.decimal(value) } else { csv.field("") }
                }
            }
            csv.endRow()
        }
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    /// `sessions.csv`: a header, then one row per result in the given order.
    ///
    /// - Parameters:
    ///   - results: the sessions, one row each.
    ///   - extraColumns: more columns appended after the standard ones (e.g. a reference model's
    ///     own metrics).
    ///   - extraValues: `extraValues[i]` holds the extra columns' values for `results[i]`.
    public static func sessions(_ results: [SessionResult], extraColumns: [String] = [], extraValues: [[String]] = []) -> String {
        var csv = CSVBuffer()
        csv.row(sessionColumns + extraColumns)
        appendSessions(results, extraValues: extraValues, to: &csv)
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    /// `segments.csv`: a header, then one row per segment of every result.
    public static func segments(_ results: [SessionResult]) -> String {
        var csv = CSVBuffer()
        csv.row(segmentColumns)
        for result in results { appendSegments(of: result, to: &csv) }
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    /// Appends one `sessions.csv` row per result (no header).
    ///
    /// - Precondition: `extraValues` is empty or has one row per result.
    public static func appendSessions(_ results: [SessionResult], extraValues: [[String]] = [], to csv: inout CSVBuffer) {
        precondition(extraValues.isEmpty || extraValues.count == results.count, "one row of extra values per result")
        for (i, r) in results.enumerated() {
            let m = r.metrics
            csv.field(r.traceName)
            csv.field(r.policyName)
            csv.field(m.segments)
            csv.decimal(m.qoe)
            csv.decimal(m.qoePerSegment)
            csv.decimal(m.averageBitrateKbps)
            csv.decimal(m.rebufferSeconds)
            csv.decimal(m.rebufferRatio)
            csv.field(m.rebufferEvents)
            csv.decimal(m.startupDelaySeconds)
            csv.field(m.switches)
            csv.field(m.downloadedBytes)
            csv.field(m.playedBytes)
            csv.field(m.wastedBytes)
            csv.decimal(m.gbPerHour)
            csv.field(r.capBoundSegments)
            csv.decimal(m.playbackSeconds)
            if let live = r.live {
                for value in [
                    live.targetLatencySeconds, live.meanLatencySeconds, live.p95LatencySeconds, live.secondsBelowRealTime, live.secondsAtRealTime,
                    live.secondsAboveRealTime,
                ] { csv.decimal(value) }
                csv.field(live.seeks)
                for value in [live.skippedSeconds, live.qoeLoLP, live.qoeNQoE] { csv.decimal(value) }
            }
            if !extraValues.isEmpty { for text in extraValues[i] { csv.field(text) } }
            csv.endRow()
        }
    }

    /// The metrics as a reader of `sessions.csv` gets them back: every number written with
    /// decimals rounded as written. Summaries are computed from these, so a summary rebuilt from
    /// the file (`abrkit merge`) is the one the run printed, to the last digit.
    public static func asWritten(_ m: SessionMetrics) -> SessionMetrics {
        SessionMetrics(
            segments: m.segments, qoe: NumberFormat.asWritten(m.qoe), averageBitrateKbps: NumberFormat.asWritten(m.averageBitrateKbps),
            rebufferSeconds: NumberFormat.asWritten(m.rebufferSeconds), rebufferEvents: m.rebufferEvents,
            startupDelaySeconds: NumberFormat.asWritten(m.startupDelaySeconds), switches: m.switches, downloadedBytes: m.downloadedBytes,
            playedBytes: m.playedBytes, playbackSeconds: NumberFormat.asWritten(m.playbackSeconds), sessionSeconds: 0)
    }

    /// The live metrics as a reader of `sessions.csv` gets them back (decimals rounded as written).
    public static func liveAsWritten(_ l: LiveMetrics) -> LiveMetrics {
        LiveMetrics(
            targetLatencySeconds: NumberFormat.asWritten(l.targetLatencySeconds), meanLatencySeconds: NumberFormat.asWritten(l.meanLatencySeconds),
            p95LatencySeconds: NumberFormat.asWritten(l.p95LatencySeconds), secondsBelowRealTime: NumberFormat.asWritten(l.secondsBelowRealTime),
            secondsAtRealTime: NumberFormat.asWritten(l.secondsAtRealTime), secondsAboveRealTime: NumberFormat.asWritten(l.secondsAboveRealTime),
            seeks: l.seeks, skippedSeconds: NumberFormat.asWritten(l.skippedSeconds), qoeLoLP: NumberFormat.asWritten(l.qoeLoLP),
            qoeNQoE: NumberFormat.asWritten(l.qoeNQoE))
    }

    /// Appends one `segments.csv` row per segment of `result` (no header); a live session's rows
    /// end with the ``liveSegmentColumns`` (throughput empty for a segment of no bytes).
    public static func appendSegments(of result: SessionResult, to csv: inout CSVBuffer) {
        var reason: [UInt8] = []
        var start = CSVBuffer()
        start.field(result.traceName)
        start.field(result.policyName)
        let names = start.encoded
        // 12 numbers, the encoded names and the reason, the line break.
        let fixedBytes = (12 + liveSegmentColumns.count) * CSVRowWriter.numberBytes + names.bytes.count + 2
        // Borrowed in place: a loop over the array would copy each record (and retain its strings).
        result.segments.withUnsafeBufferPointer { records in
            for i in records.indices {
                reason.removeAll(keepingCapacity: true)
                records[i].reason.appendDescription(to: &reason)
                let s = records[i]
                csv.appendRow(maximumBytes: fixedBytes + CSVRowWriter.textBytes(reason.count)) { row in
                    row.fields(names)
                    row.integer(s.index)
                    row.integer(s.level)
                    row.decimal(s.bitsPerSecond / 1000)
                    row.integer(s.bytes)
                    row.decimal(s.downloadStart)
                    row.decimal(s.downloadSeconds)
                    row.decimal(s.bufferBeforeSeconds)
                    row.decimal(s.bufferAfterSeconds)
                    row.decimal(s.rebufferSeconds)
                    row.decimal(s.idleSeconds)
                    row.integer(s.abandonedBytes)
                    row.decimal(s.reward)
                    row.text(utf8: reason)
                    if let live = s.live {
                        for value in [
                            live.availabilitySeconds, live.availabilityWaitSeconds, live.latencyAtRequestSeconds, live.playbackRateAtRequest,
                            live.latencyAtEndSeconds, live.playbackRateAtEnd,
                        ] { row.decimal(value) }
                        if live.throughputBitsPerSecond.isFinite { row.decimal(live.throughputBitsPerSecond / 1000) } else { row.text(utf8: []) }
                    }
                }
            }
        }
    }
}
