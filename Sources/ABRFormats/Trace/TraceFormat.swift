import ABRSimulator

/// The network-trace file formats abrkit reads and writes.
///
/// | format | one record | units |
/// |---|---|---|
/// | `cooked` | `time_s  Mbit/s` per line (Pensieve) | s, 10⁶ bit/s |
/// | `mahimahi` | a millisecond timestamp per 1500-byte delivery opportunity | ms |
/// | `sabre` | JSON array of `{duration_ms, bandwidth_kbps, latency_ms}` (Sabre) | ms, 10³ bit/s |
/// | `csv` | header row, then `duration_s,bandwidth_bps,latency_s` | s, bit/s |
public enum TraceFormat: String, CaseIterable, Hashable, Sendable {
    case cooked, mahimahi, sabre, csv

    /// Guesses the format from a file's text, or `nil` when nothing fits.
    ///
    /// JSON (an array, or an object the Sabre reader will reject by name) is `sabre`; a first line with a comma and a letter is a `csv` header; one
    /// integer on the first line is `mahimahi`; two fields are `cooked`.
    public static func detect(_ text: String) -> TraceFormat? {
        guard let first = TextFile.lines(text).first?.text else { return nil }
        if first.hasPrefix("[") || first.hasPrefix("{") { return .sabre }
        if first.contains(","), first.contains(where: \.isLetter) { return .csv }
        let fields = TextFile.fields(first)
        if fields.count == 1, Int(fields[0]) != nil { return .mahimahi }
        // Two fields is cooked even when one is bad ("0 nan"): the parser then names the value.
        if fields.count == 2 { return .cooked }
        return nil
    }

    /// Parses a whole file's text into periods.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - path: named in errors only.
    public func periods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        switch self {
        case .cooked: try CookedTrace.periods(parsing: text, path: path)
        case .mahimahi: try MahimahiTrace.periods(parsing: text, path: path)
        case .sabre: try SabreNetworkTrace.periods(parsing: text, path: path)
        case .csv: try CSVTrace.periods(parsing: text, path: path)
        }
    }

    /// ``periods(parsing:path:)`` without the byte-level fast path: the format's reference reader
    /// (`String` lines and fields, Foundation's JSON decoder), the oracle of the fast path.
    @_spi(Reference) public func referencePeriods(parsing text: String, path: String) throws(FormatError) -> [TracePeriod] {
        switch self {
        case .cooked: try CookedTrace.referencePeriods(parsing: text, path: path)
        case .mahimahi: try MahimahiTrace.referencePeriods(parsing: text, path: path)
        case .sabre: try SabreNetworkTrace.referencePeriods(parsing: text, path: path)
        case .csv: try CSVTrace.referencePeriods(parsing: text, path: path)
        }
    }

    /// Writes one loop of `trace` as text in this format.
    ///
    /// - Throws: `.notRepresentable` when the format cannot express the trace (Mahimahi only).
    public func text(_ trace: BandwidthTrace) throws(FormatError) -> String {
        switch self {
        case .cooked: CookedTrace.text(trace)
        case .mahimahi: try MahimahiTrace.text(trace)
        case .sabre: SabreNetworkTrace.text(trace)
        case .csv: CSVTrace.text(trace)
        }
    }
}
