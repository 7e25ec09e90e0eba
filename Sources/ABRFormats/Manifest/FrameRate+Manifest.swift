import ABRSimulator
import LadderCore

/// How each manifest format writes a frame rate.
extension FrameRate {
    /// HLS `FRAME-RATE`: decimal with three digits after the point ("29.970"), RFC 8216 §4.3.4.2.
    public var hlsAttribute: String { NumberFormat.fixed(framesPerSecond, 3) }

    /// DASH `@frameRate` (FrameRateType): "25" or "30000/1001", ISO/IEC 23009-1 §5.3.12.
    public var dashAttribute: String {
        let rate = reduced
        return rate.denominator == 1 ? "\(rate.numerator)" : "\(rate.numerator)/\(rate.denominator)"
    }
}
