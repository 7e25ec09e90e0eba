/// A linear map from data values to pixels, with "nice" ticks (steps of 1, 2 or 5 × 10ⁿ).
struct AxisScale {
    var lower: Double
    var upper: Double
    var pixelLower: Double
    var pixelUpper: Double

    /// A scale covering `values` (padded to nice bounds), or 0…1 when there are none.
    init(covering values: [Double], pixels: (Double, Double), includeZero: Bool = false, targetTicks: Int = 5) {
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi - lo < 1e-12 { lo -= 0.5; hi += 0.5 }
        let step = Self.niceStep((hi - lo) / Double(targetTicks))
        self.lower = (lo / step).rounded(.down) * step
        self.upper = (hi / step).rounded(.up) * step
        self.pixelLower = pixels.0
        self.pixelUpper = pixels.1
    }

    func pixel(_ v: Double) -> Double {
        pixelLower + (v - lower) / (upper - lower) * (pixelUpper - pixelLower)
    }

    /// Tick values between the bounds, about `target` of them.
    func ticks(target: Int = 5) -> [Double] {
        let step = Self.niceStep((upper - lower) / Double(target))
        var values: [Double] = []
        var v = (lower / step).rounded(.up) * step
        while v <= upper + step * 1e-9 {
            values.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return values
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-12) { return m * magnitude }
        return 10 * magnitude
    }

    /// A tick label: as few decimals as the step needs.
    static func label(_ v: Double, step: Double) -> String {
        var decimals = 0
        var s = step
        while s < 1 - 1e-9, decimals < 6 { s *= 10; decimals += 1 }
        var text = SVGWriter.number(v)
        if decimals == 0 { text = String(Int(v.rounded())) }
        return text
    }
}
