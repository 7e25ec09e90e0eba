extension SabreMetrics {
    /// The text sabre.py prints for these metrics, byte for byte (one line per metric, `\n` after each).
    ///
    /// sabre.py formats with `%f` (six decimals, round half to even on the exact binary value),
    /// counts with `%d`, prints `0` for an estimate average with no samples, and BOLA-E's
    /// constructor prints its buffer first.
    public var report: String {
        var lines: [String] = []
        if let ms = bolaBufferMs {
            // a Python int with sabre.py's default `--max-buffer` (the int 25); a float only
            // for a fractional buffer here (or, in sabre.py, any buffer given on its command line)
            lines.append(ms == ms.rounded() ? SabreFormat.integer(ms) : SabreFormat.pythonFloat(ms))
        }
        func f(_ label: String, _ x: Double) { lines.append(label + ": " + SabreFormat.fixed(x)) }
        lines.append("buffer size: " + SabreFormat.integer(bufferSizeMs))
        f("total played utility", totalPlayedUtility)
        f("time average played utility", timeAveragePlayedUtility)
        f("total played bitrate", totalPlayedBitrateKbps)
        f("time average played bitrate", timeAveragePlayedBitrateKbps)
        f("total play time", totalPlayTimeSeconds)
        f("total play time chunks", totalPlayTimeChunks)
        f("total rebuffer", totalRebufferSeconds)
        f("rebuffer ratio", rebufferRatio)
        f("time average rebuffer", timeAverageRebufferSeconds)
        f("total rebuffer events", Double(totalRebufferEvents))
        f("time average rebuffer events", timeAverageRebufferEvents)
        f("total bitrate change", totalBitrateChangeKbps)
        f("time average bitrate change", timeAverageBitrateChangeKbps)
        f("total log bitrate change", totalLogBitrateChange)
        f("time average log bitrate change", timeAverageLogBitrateChange)
        f("time average score", timeAverageScore)
        for (label, count, average) in [("over estimate", overEstimateCount, overEstimateKbps), ("leq estimate", leqEstimateCount, leqEstimateKbps)] {
            lines.append("\(label) count: \(count)")
            lines.append(count == 0 ? "\(label): 0" : "\(label): " + SabreFormat.fixed(average))
        }
        f("estimate", estimateKbps)
        f("rampup time", rampupTimeSeconds)
        f("total reaction time", totalReactionTimeSeconds)
        return lines.map { $0 + "\n" }.joined()
    }
}

/// Python's number formatting as sabre.py uses it, without Foundation.
enum SabreFormat {
    /// `'%f' % x`: six decimals, correctly rounded (half to even on the exact binary value).
    ///
    /// Exact for |x| < 2^63, which covers every metric; larger values fall back to Swift's
    /// shortest representation.
    static func fixed(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        let a = x.magnitude
        guard a < 0x1p63 else { return sign + a.description }
        let whole = a.rounded(.towardZero)
        var integer = UInt64(whole)
        var micros = microsRounded(a - whole)  // the subtraction is exact
        if micros == 1_000_000 {
            micros = 0
            integer += 1
        }
        let digits = String(micros)
        return sign + String(integer) + "." + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// `round(f × 10^6)` for a fraction `0 ≤ f < 1`, half to even, computed exactly in 128 bits.
    static func microsRounded(_ f: Double) -> UInt64 {
        // f < 2^-21 < 0.5e-6 rounds to 0; otherwise f = k × 2^-s with k < 2^53, 53 ≤ s ≤ 73.
        guard f >= 0x1p-21 else { return 0 }
        let k = f.significandBitPattern | (1 << 52)
        let s = 52 - Int(f.exponent)
        let (high, low) = k.multipliedFullWidth(by: 1_000_000)  // k × 10^6 < 2^73
        // Shift right by s − 1 so the lowest bit is the rounding bit; remember the bits below it.
        let t = s - 1
        let shifted: UInt64
        let sticky: Bool
        if t >= 64 {
            shifted = high >> UInt64(t - 64)
            sticky = low != 0 || high & ((1 << UInt64(t - 64)) - 1) != 0
        } else {
            shifted = (high << UInt64(64 - t)) | (low >> UInt64(t))
            sticky = low & ((1 << UInt64(t)) - 1) != 0
        }
        var n = shifted >> 1
        if shifted & 1 == 1 && (sticky || n & 1 == 1) { n += 1 }
        return n
    }

    /// `'%d' % x` for a float: truncated toward zero.
    static func integer(_ x: Double) -> String {
        guard x.isFinite, x.magnitude < 0x1p63 else { return x.description }
        return String(Int64(x.rounded(.towardZero)))
    }

    /// `str(x)` for a Python float: the shortest representation that round-trips, with `.0`
    /// for whole numbers (Swift's `description` agrees below 10^16).
    static func pythonFloat(_ x: Double) -> String { x.description }
}
