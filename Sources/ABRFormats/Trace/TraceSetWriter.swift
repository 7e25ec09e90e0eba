import ABRSimulator
import Foundation

/// Writes `ProjectTraceSet` to a folder: one cooked trace per entry, then `README.md`, which is
/// generated too, so the documentation of every generator, parameter and seed cannot drift from
/// the files.
public enum TraceSetWriter {
    /// Generates every trace and writes the set; the README goes last.
    ///
    /// - Returns: the paths written, README last.
    @discardableResult
    public static func write(to folder: String, seed: UInt64 = ProjectTraceSet.defaultSeed) throws(FormatError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FormatError(.unreadable, path: folder, problem: "cannot create the folder: \(error.localizedDescription)")
        }
        let entries = ProjectTraceSet.entries(seed: seed)
        var traces: [BandwidthTrace] = []
        var written: [String] = []
        for entry in entries {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(entry.name).path
            let trace: BandwidthTrace
            do { trace = try entry.trace() } catch { throw FormatError(error, path: path) }
            try TraceWriter.write(trace, format: .cooked, to: path)
            traces.append(trace)
            written.append(path)
        }
        let readme = URL(fileURLWithPath: folder).appendingPathComponent("README.md").path
        try TextFile.write(readmeText(entries: entries, traces: traces, seed: seed), to: readme)
        return written + [readme]
    }

    static func mbps(_ bitsPerSecond: Double) -> String {
        let hundredths = (bitsPerSecond / 10_000).rounded()
        let whole = Int(hundredths) / 100, fraction = Int(hundredths) % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func readmeText(entries: [ProjectTraceSet.Entry], traces: [BandwidthTrace], seed: UInt64) -> String {
        var families: [(String, [BandwidthTrace])] = []
        for prefix in ["3g-like", "lte-like", "broadband"] {
            families.append((prefix, traces.filter { $0.name.hasPrefix(prefix) }))
        }
        var text = """
            # traces/

            Network traces the project generates itself, in Pensieve's cooked format (`time_s<TAB>Mbit/s`
            per line, 1 Mbit = 10⁶ bit; line *i* covers the interval ending at its timestamp, see
            `Sources/ABRFormats/Trace/CookedTrace.swift`). Every file here, and this README, is written by

                swift run abrkit traces generate --out traces --seed \(seed)

            and a test checks that the command recreates them byte for byte. Do not edit by hand.

            ## Generators (`Sources/ABRSimulator/Trace/Generators/`)

            - **constant**: one rate for the whole trace; download times are bits ÷ rate, a hand oracle.
            - **step**: fixed levels held for equal times; isolates the reaction to one drop or rise.
            - **on/off outage**: a rate alternating with zero bandwidth (a tunnel); starts and ends on.
            - **Markov-modulated** (3G-, LTE-, broadband-like): a birth–death chain over states with mean
              rates and geometric dwell times (1-s steps), times AR(1) noise from a SplitMix64 stream
              (Steele et al. 2014, doi:10.1145/2660193.2660195), rounded to whole kbit/s. Parameters and
              their provenance are in `MarkovTraceGenerator+Presets.swift`:
              - 3G-like targets Pensieve's HSDPA test set (Riiser et al. 2013, doi:10.1145/2483977.2483991):
                time-weighted mean 1.20, p10 0.41, median 1.00, p90 2.25 Mbit/s.
              - LTE-like targets the Belgium 4G/LTE traces (van der Hooft et al. 2016,
                doi:10.1109/LCOMM.2016.2601087): mean 30.2, p10 9.2, median 28.8, p90 54.0 Mbit/s.
              - broadband-like follows the shape of the FCC's Measuring Broadband America fixed reports
                (the tier mostly delivered, with congested spells); tiers 10, 25, 50 and 100 Mbit/s.

            Each random trace's seed is `SplitMix64.seed(\(seed), label: <file name>)`, so adding or removing
            a trace leaves the others unchanged.

            ## What the families measure (time-weighted, pooled; `abrkit traces info`)

            | family | traces | mean Mbit/s | p10 | median | p90 |
            |---|---:|---:|---:|---:|---:|

            """
        for (name, group) in families {
            guard let stats = try? TraceStatistics(pooling: group) else { continue }
            text +=
                "| \(name) | \(group.count) | \(mbps(stats.meanBitsPerSecond)) | \(mbps(stats.p10BitsPerSecond)) | "
                + "\(mbps(stats.medianBitsPerSecond)) | \(mbps(stats.p90BitsPerSecond)) |\n"
        }
        text += """

            ## Files

            | file | generator and parameters | seed | duration s | mean Mbit/s |
            |---|---|---:|---:|---:|

            """
        for (entry, trace) in zip(entries, traces) {
            text +=
                "| `\(entry.name)` | \(entry.generator.summary) | \(entry.isRandom ? String(entry.seed) : "—") | "
                + "\(NumberFormat.shortest(trace.loopDurationSeconds)) | \(mbps(trace.meanBitsPerSecond)) |\n"
        }
        return text
    }
}
