/// Throughput of a chunked (CMAF part by part) download, measured over the intervals that
/// carried data, as dash.js measures low-latency downloads.
///
/// dash.js's default `lowLatencyDownloadTimeCalculationMode` is moof parsing
/// (`FetchLoader._calculateThroughputByMoofMdatTimes`, Dash-Industry-Forum/dash.js commit ccf3b95):
/// for every chunk but the last, bits ÷ (mdat end − moof start); chunks that took ≤ 1 ms are
/// pooled with the following ones, from the first pooled chunk's start, until the pool spans
/// more than 1 ms; the throughput is the arithmetic mean of those values, and there is none with
/// fewer than two chunks besides the last. The time a chunk waits for the encoder falls between
/// one chunk's end and the next one's start, so it is not counted.
public enum LiveThroughput {
    /// One part's transfer: its bits, when its first byte left and when its last byte arrived
    /// (seconds since the session start).
    public struct Interval: Hashable, Sendable {
        public var bits: Double, first: Double, last: Double
        public init(bits: Double, first: Double, last: Double) {
            self.bits = bits
            self.first = first
            self.last = last
        }
    }

    /// 1 ms: dash.js pools chunks whose download took no longer (`chunkDownloadTime > 1`, in ms).
    public static let shortChunkSeconds = 0.001

    /// Throughput over the parts' data intervals, in bits per second.
    ///
    /// - Parameter parts: one segment's parts in order.
    /// - Returns: the mean of the per-part throughputs of all parts but the last (short parts
    ///   pooled), or with fewer than two such parts Σ bits ÷ Σ (last − first); `infinity` when no
    ///   time carried data.
    public static func measured(_ parts: [Interval]) -> Double {
        var values: [Double] = []
        if parts.count > 2 {
            var poolStart: Double?, poolBits = 0.0
            for part in parts.dropLast() {
                if part.last - part.first > shortChunkSeconds {
                    values.append(part.bits / (part.last - part.first))
                    poolStart = nil
                } else {
                    let from = poolStart ?? part.first
                    if poolStart == nil { poolBits = 0 }
                    poolBits += part.bits
                    if part.last - from > shortChunkSeconds {
                        values.append(poolBits / (part.last - from))
                        poolStart = nil
                    } else {
                        poolStart = from
                    }
                }
            }
        }
        if !values.isEmpty { return values.reduce(0, +) / Double(values.count) }
        let bits = parts.reduce(0) { $0 + $1.bits }, seconds = parts.reduce(0) { $0 + ($1.last - $1.first) }
        return seconds > 0 ? bits / seconds : .infinity
    }
}
