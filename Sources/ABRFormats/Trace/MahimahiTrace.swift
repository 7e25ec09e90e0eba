import ABRSimulator

/// Mahimahi's link trace: one line per 1500-byte delivery opportunity, holding its time in whole
/// milliseconds; the trace repeats with a period equal to its last timestamp
/// (Netravali et al., USENIX ATC 2015, "Mahimahi: Accurate Record-and-Replay for HTTP").
///
/// **Conversion to periods (exact).** Time is cut into 1-ms bins. An opportunity at timestamp
/// `t ≥ 1` delivers its 12 000 bits within the bin `[t − 1, t)` ms, so it has arrived by `t`; one
/// at `t = 0` is the same instant as `t = L` of the previous loop (`L` = last timestamp) and so
/// lands in the last bin. A bin with `c` opportunities has bandwidth `c × 12 000 bit / 1 ms =
/// c × 12 Mbit/s`; empty bins are outages. Equal neighbouring bins are merged (run-length), so
/// memory grows with the number of lines, never with the size of a timestamp: a gap of an hour
/// is one period.
///
/// **Writing.** Bins of 1 ms over one loop (the loop length rounded to whole ms, at least 1);
/// the number of opportunities by the end of bin `k` is `round(bits delivered by then ÷ 12 000)`,
/// so rounding never accumulates. Mahimahi loops at its last timestamp, so the last millisecond
/// must hold an opportunity: when rounding leaves it empty, the final opportunity moves to it (a
/// shift shorter than one packet time); a trace that *ends* in an outage cannot be written.
/// Reading then writing a Mahimahi file gives it back line for line (timestamps 0 come back as `L`).
public enum MahimahiTrace {
    /// Bits per delivery opportunity: one 1500-byte MTU packet.
    public static let bitsPerOpportunity = 1500 * 8
    /// Largest accepted timestamp, 10⁹ ms (about 11.6 days): Mahimahi's own traces last minutes,
    /// and the writer visits every millisecond of a loop, so a larger one would take minutes to write.
    public static let maximumTimestampMs = 1_000_000_000

    public static func periods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        if let periods = FastTraceIngest.periods(text, format: .mahimahi) { return periods }
        return try referencePeriods(parsing: text, path: path)
    }

    /// The reference reader: `String` lines and fields, every error located (``FastTraceIngest`` defers to it).
    static func referencePeriods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        let lines = TextFile.lines(text)
        guard let lastLine = lines.last else {
            throw FormatError(.emptyFile, path: path, problem: "the file has no data lines", expected: "one millisecond timestamp per line")
        }
        // Runs of (first bin, bin count, opportunities per bin), in ms.
        var runs: [(startMs: Int, lengthMs: Int, count: Int)] = []
        var atZero = 0
        var previous = 0
        var binCount = 0
        func close(bin: Int) {
            guard binCount > 0 else { return }
            let cursor = runs.last.map { $0.startMs + $0.lengthMs } ?? 0
            if bin > cursor { append(startMs: cursor, lengthMs: bin - cursor, count: 0) }
            append(startMs: bin, lengthMs: 1, count: binCount)
        }
        func append(startMs: Int, lengthMs: Int, count: Int) {
            if let last = runs.last, last.count == count { runs[runs.count - 1].lengthMs += lengthMs } else { runs.append((startMs, lengthMs, count)) }
        }
        for (number, line) in lines {
            guard let time = Int(line) else {
                throw FormatError.notANumber("timestamp", line, path: path, line: number, expected: "whole milliseconds ≥ 0")
            }
            guard time >= 0, time <= maximumTimestampMs else {
                throw FormatError.outOfRange("timestamp", line, path: path, line: number, expected: "whole milliseconds in 0…\(maximumTimestampMs)")
            }
            guard time >= previous else {
                throw FormatError(
                    .nonMonotoneTime, path: path, line: number, value: String(line),
                    problem: "timestamp \(time) ms is before the previous line's \(previous) ms", expected: "timestamps that never decrease")
            }
            if time == 0 { atZero += 1; continue }
            if time != previous { close(bin: previous - 1); binCount = 0 }
            binCount += 1
            previous = time
        }
        guard previous > 0 else {
            throw FormatError(
                .outOfRange, path: path, line: lastLine.number, value: String(lastLine.text),
                problem: "the last timestamp is 0 ms, so the trace has no duration", expected: "a last timestamp ≥ 1 ms (the loop length)")
        }
        binCount += atZero  // t = 0 coincides with t = L of the previous loop
        close(bin: previous - 1)
        return runs.map {
            TracePeriod(
                durationSeconds: Double($0.lengthMs) / 1000,
                bitsPerSecond: Double($0.count * bitsPerOpportunity) * 1000)
        }
    }

    /// Most delivery opportunities the writer emits: 10⁸ lines, about 0.8 GB of text (an hour at 330 Mbit/s).
    public static let maximumOpportunities = 100_000_000

    public static func text(_ trace: BandwidthTrace) throws(FormatError) -> String {
        let packetBits = Double(bitsPerOpportunity)
        let packets = (trace.loopBits / packetBits).rounded()
        let milliseconds = (trace.loopDurationSeconds * 1000).rounded()
        guard packets <= Double(maximumOpportunities), milliseconds <= Double(maximumTimestampMs) else {
            throw FormatError(
                .notRepresentable, path: trace.name,
                problem: "one loop is \(NumberFormat.shortest(packets)) packets over \(NumberFormat.shortest(milliseconds)) ms",
                expected: "at most \(maximumOpportunities) packets and \(maximumTimestampMs) ms")
        }
        let loopMs = max(1, Int(milliseconds))
        let total = Int(packets)
        guard total > 0 else {
            throw FormatError(
                .notRepresentable, path: trace.name,
                problem: "one loop carries \(NumberFormat.shortest(trace.loopBits)) bits, less than half a 1500-byte packet",
                expected: "at least 12000 bits per loop")
        }
        guard let lastPeriod = trace.periods.last, lastPeriod.bitsPerSecond > 0 else {
            throw FormatError(
                .notRepresentable, path: trace.name, problem: "the trace ends in an outage, but Mahimahi loops at its last delivery",
                expected: "a trace whose last period has bandwidth > 0")
        }
        // Opportunities per non-empty millisecond, (timestamp, count): memory grows with the
        // number of busy milliseconds, not packets.
        var busy: [(ms: Int, count: Int)] = []
        var delivered = 0
        for ms in 1...loopMs {
            let time = trace.loopDurationSeconds * Double(ms) / Double(loopMs)
            let due = ms == loopMs ? total : min(total, Int((trace.bitsDelivered(until: time) / packetBits).rounded()))
            if due > delivered { busy.append((ms, due - delivered)); delivered = due }
        }
        if let last = busy.last, last.ms != loopMs {
            // Rounding left the final millisecond empty: move the last opportunity there.
            if last.count == 1 { busy.removeLast() } else { busy[busy.count - 1].count -= 1 }
            busy.append((loopMs, 1))
        }
        var out = ""
        out.reserveCapacity(total * 7)
        for (ms, count) in busy {
            let line = "\(ms)\n"
            for _ in 0..<count { out += line }
        }
        return out
    }
}
