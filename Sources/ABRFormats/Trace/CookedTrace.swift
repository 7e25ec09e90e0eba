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
        let lines = TextFile.lines(text)
        guard !lines.isEmpty else { throw FormatError(.emptyFile, path: path, problem: "the file has no data lines", expected: "lines of `time_s Mbit/s`") }
        var periods: [TracePeriod] = []
        periods.reserveCapacity(lines.count)
        var previousTime = 0.0
        for (number, line) in lines {
            let fields = TextFile.fields(line)
            guard fields.count == 2 else {
                throw FormatError(.malformedRecord, path: path, line: number, value: String(line),
                                  problem: "\(fields.count) fields in \"\(line)\"", expected: "2 fields: time_s Mbit/s")
            }
            let time = try NumberText.nonNegative(fields[0], field: "time", path: path, line: number, expected: "seconds ≥ 0")
            let bitsPerSecond = try NumberText.nonNegative(fields[1], powerOfTen: 6, field: "bandwidth", path: path, line: number, expected: "Mbit/s ≥ 0")
            guard time >= previousTime else {
                throw FormatError(.nonMonotoneTime, path: path, line: number, value: String(fields[0]),
                                  problem: "time \(fields[0]) s is before the previous line's \(NumberText.format(previousTime)) s",
                                  expected: "timestamps that never decrease")
            }
            if time > previousTime {
                periods.append(TracePeriod(durationSeconds: time - previousTime, bitsPerSecond: bitsPerSecond))
            }
            previousTime = time
        }
        guard !periods.isEmpty else {
            throw FormatError(.malformedRecord, path: path, line: lines[0].number, value: String(lines[0].text),
                              problem: "every timestamp is 0, so the trace has no duration", expected: "a timestamp > 0")
        }
        return periods
    }

    public static func text(_ trace: BandwidthTrace) -> String {
        var out = "0\t\(NumberText.format(trace.periods[0].bitsPerSecond / bitsPerMegabit))\n"
        var end = 0.0
        for period in trace.periods {
            end += period.durationSeconds
            out += "\(NumberText.format(end))\t\(NumberText.format(period.bitsPerSecond / bitsPerMegabit))\n"
        }
        return out
    }
}
