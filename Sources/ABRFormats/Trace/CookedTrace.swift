import ABRSimulator

/// Pensieve's "cooked" trace: one `time_s  Mbit/s` pair per line (whitespace-separated; 1 Mbit = 10⁶ bit).
///
/// **Which interval a line covers.** Pensieve's `test/fixed_env.py` applies line *i*'s bandwidth to
/// the interval that *ends* at line *i*'s timestamp and starts at line *i − 1*'s. We read it the
/// same way, with an implicit timestamp 0 before the first line, so line 0 covers `[0, t₀]`.
/// Pensieve's files start at `t₀ = 0`, so line 0 covers nothing and its bandwidth is not used,
/// exactly as in `fixed_env.py`. (When `t₀ > 0`, `fixed_env.py` skips `[0, t₀]` on the first pass
/// and plays line 1 over `[0, t₁]` on later loops; we keep line 0 over `[0, t₀]` instead, one rule
/// for every loop.) Equal consecutive timestamps make an empty interval, which is dropped.
///
/// **Looping.** One loop lasts the last timestamp; `fixed_env.py` wraps to the start at the same
/// point (`mahimahi_ptr = 1`, `last_mahimahi_time = 0`), and `BandwidthTrace` loops likewise.
///
/// **Writing.** A trace of periods `p₁…pₙ` becomes `n + 1` lines: `0  bw(p₁)`, then the cumulative
/// end time of each period with its bandwidth. Reading that text gives back the same periods
/// whenever the cumulative times and the Mbit/s values survive decimal printing exactly
/// (for example whole-second durations and whole-kbit/s bandwidths). Cooked traces carry no
/// latency; the simulator's reference presets add Pensieve's 80 ms RTT themselves.
public enum CookedTrace {
    static let bitsPerMegabit = 1_000_000.0

    public static func periods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        if let periods = FastTraceIngest.periods(text, format: .cooked) { return periods }
        return try referencePeriods(parsing: text, path: path)
    }

    /// The reference reader: `String` lines and fields, every error located (``FastTraceIngest`` defers to it).
    static func referencePeriods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        let (records, firstLine) = try parse(text, path: path)
        var periods: [TracePeriod] = []
        periods.reserveCapacity(records.count)
        var previousTime = 0.0
        for record in records {
            if record.time > previousTime {
                periods.append(TracePeriod(durationSeconds: record.time - previousTime, bitsPerSecond: record.bitsPerSecond))
            }
            previousTime = record.time
        }
        guard !periods.isEmpty else {
            throw FormatError(
                .malformedRecord, path: path, line: firstLine.number, value: firstLine.text,
                problem: "every timestamp is 0, so the trace has no duration", expected: "a timestamp > 0")
        }
        return periods
    }

    /// The samples as written: timestamps in seconds and bandwidths in Mbit/s, validated (numbers,
    /// non-negative, timestamps that never decrease) but not turned into periods, for models that
    /// must replay Pensieve's arithmetic on the exact values (`--model pensieve`).
    public static func samples(parsing text: String, path: String) throws(FormatError) -> (times: [Double], mbps: [Double]) {
        if let samples = text.utf8.withContiguousStorageIfAvailable({ FastTraceIngest.cookedSamples($0) }) ?? nil { return samples }
        return try referenceSamples(parsing: text, path: path)
    }

    /// The reference reader of ``samples(parsing:path:)`` (``FastTraceIngest`` defers to it).
    static func referenceSamples(parsing text: String, path: String) throws(FormatError) -> (times: [Double], mbps: [Double]) {
        let records = try parse(text, path: path).records
        return (records.map(\.time), records.map(\.mbps))
    }

    /// The samples of the cooked trace file at `path` (see `samples(parsing:path:)`).
    public static func samples(path: String) throws(FormatError) -> (times: [Double], mbps: [Double]) {
        let data = try TextFile.readData(path)
        if let samples = data.withUnsafeBytes({ FastTraceIngest.cookedSamples($0.bindMemory(to: UInt8.self)) }) { return samples }
        return try referenceSamples(parsing: TextFile.text(data, path: path), path: path)
    }

    /// Each line's timestamp, its Mbit/s as parsed, and its bit/s scaled exactly from the decimal text.
    private static func parse(_ text: String, path: String) throws(FormatError)
        -> (records: [(time: Double, mbps: Double, bitsPerSecond: Double)], firstLine: (number: Int, text: String))
    {
        let lines = TextFile.lines(text)
        guard let first = lines.first else {
            throw FormatError(.emptyFile, path: path, problem: "the file has no data lines", expected: "lines of `time_s Mbit/s`")
        }
        var records: [(time: Double, mbps: Double, bitsPerSecond: Double)] = []
        records.reserveCapacity(lines.count)
        var previousTime = 0.0
        for (number, line) in lines {
            let fields = TextFile.fields(line)
            guard fields.count == 2 else {
                throw FormatError(
                    .malformedRecord, path: path, line: number, value: String(line),
                    problem: "\(fields.count) fields in \"\(line)\"", expected: "2 fields: time_s Mbit/s")
            }
            let time = try NumberText.nonNegative(fields[0], field: "time", path: path, line: number, expected: "seconds ≥ 0")
            let rate = try NumberText.nonNegative(fields[1], field: "bandwidth", path: path, line: number, expected: "Mbit/s ≥ 0")
            let bitsPerSecond = try NumberText.nonNegative(fields[1], powerOfTen: 6, field: "bandwidth", path: path, line: number, expected: "Mbit/s ≥ 0")
            guard time >= previousTime else {
                throw FormatError(
                    .nonMonotoneTime, path: path, line: number, value: String(fields[0]),
                    problem: "time \(fields[0]) s is before the previous line's \(NumberFormat.shortest(previousTime)) s",
                    expected: "timestamps that never decrease")
            }
            records.append((time, rate, bitsPerSecond))
            previousTime = time
        }
        return (records, (first.number, String(first.text)))
    }

    public static func text(_ trace: BandwidthTrace) -> String {
        var out = "0\t\(NumberFormat.shortest(trace.periods[0].bitsPerSecond / bitsPerMegabit))\n"
        var end = 0.0
        for period in trace.periods {
            end += period.durationSeconds
            out += "\(NumberFormat.shortest(end))\t\(NumberFormat.shortest(period.bitsPerSecond / bitsPerMegabit))\n"
        }
        return out
    }
}
