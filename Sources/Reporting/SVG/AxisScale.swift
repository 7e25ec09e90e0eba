import ABRSimulator
import Foundation

/// How an axis spreads values over its length.
public enum AxisKind: String, Sendable, CaseIterable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios: ticks at powers of ten, so that low ladder rungs and
    /// small rebuffer ratios are not crowded against the origin.
    case log
}

/// A map from data values to pixels, linear or logarithmic, with "nice" ticks (steps of 1, 2 or
/// 5 × 10ⁿ; powers of ten on a log axis).
struct AxisScale {
    var kind: AxisKind
    var lower: Double
    var upper: Double
    var pixelLower: Double
    var pixelUpper: Double

    /// A scale covering `values` (padded to nice bounds), or 0…1 when there are none.
    ///
    /// A log scale covers the positive values, from the power of ten at or below the smallest to
    /// the one at or above the largest; values ≤ 0 are drawn at its lower edge. With no positive
    /// value at all it falls back to linear.
    init(covering values: [Double], pixels: (Double, Double), includeZero: Bool = false, targetTicks: Int = 5, kind: AxisKind = .linear) {
        self.pixelLower = pixels.0
        self.pixelUpper = pixels.1
        let positive = values.filter { $0 > 0 && $0.isFinite }
        if kind == .log, let smallest = positive.min(), let largest = positive.max() {
            self.kind = .log
            lower = Self.powerOfTen(below: smallest)
            upper = Self.powerOfTen(above: largest)
            if upper <= lower { upper = lower * 10 }
            return
        }
        self.kind = .linear
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi - lo < 1e-12 { lo -= 0.5; hi += 0.5 }
        let step = Self.niceStep((hi - lo) / Double(targetTicks))
        self.lower = (lo / step).rounded(.down) * step
        self.upper = (hi / step).rounded(.up) * step
    }

    func pixel(_ v: Double) -> Double {
        switch kind {
        case .linear:
            return pixelLower + (v - lower) / (upper - lower) * (pixelUpper - pixelLower)
        case .log:
            let clamped = max(v, lower)
            return pixelLower + log10(clamped / lower) / log10(upper / lower) * (pixelUpper - pixelLower)
        }
    }

    /// Whether `v` lies below a log axis's lower edge (so is drawn on it).
    func isClipped(_ v: Double) -> Bool { kind == .log && v < lower }

    /// Tick values between the bounds, about `target` of them; on a log axis every power of ten,
    /// with 2 and 5 × 10ⁿ added when the axis spans a single decade.
    func ticks(target: Int = 5) -> [Double] {
        if kind == .log {
            var values: [Double] = []
            var v = lower
            while v <= upper * (1 + 1e-9) {
                values.append(v)
                v = Self.roundedPower(v * 10)
            }
            if values.count <= 2 { values = [lower, lower * 2, lower * 5, upper].filter { $0 <= upper * (1 + 1e-9) } }
            return values
        }
        let step = Self.niceStep((upper - lower) / Double(target))
        var values: [Double] = []
        var v = (lower / step).rounded(.up) * step
        while v <= upper + step * 1e-9 {
            values.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return values
    }

    /// A tick's label: as few decimals as the tick spacing needs.
    func label(_ v: Double, target: Int = 5) -> String {
        switch kind {
        case .linear: return Self.label(v, step: Self.niceStep((upper - lower) / Double(target)))
        case .log: return NumberFormat.shortest(Self.roundedPower(v))
        }
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

    /// A linear tick label: as few decimals as the step needs.
    static func label(_ v: Double, step: Double) -> String {
        var decimals = 0
        var s = step
        while s < 1 - 1e-9, decimals < 6 { s *= 10; decimals += 1 }
        var text = SVGWriter.number(v)
        if decimals == 0 { text = String(Int(v.rounded())) }
        return text
    }

    /// The largest power of ten at most `v` (v > 0).
    static func powerOfTen(below v: Double) -> Double {
        var p = 1.0
        while p > v { p /= 10 }
        while p * 10 <= v { p *= 10 }
        return roundedPower(p)
    }

    /// The smallest power of ten at least `v` (v > 0).
    static func powerOfTen(above v: Double) -> Double {
        let p = powerOfTen(below: v)
        return p >= v * (1 - 1e-12) ? p : roundedPower(p * 10)
    }

    /// `v` with the rounding error of repeated × 10 or ÷ 10 removed (0.1 × 0.1 is not 0.01).
    static func roundedPower(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return v }
        var exponent = 0
        var p = 1.0
        while p > v * 1.000001 { p /= 10; exponent -= 1 }
        while p * 10 <= v * 1.000001 { p *= 10; exponent += 1 }
        let nearest = exponent < 0 ? 1 / pow10(-exponent) : pow10(exponent)
        return abs(nearest - v) <= v * 1e-9 ? nearest : v
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
}
