import CFFmpeg
import LadderCore

extension SourceDescription {
    /// One tick per frame.
    var frameTimeBase: AVRational { AVRational(num: frameRateDenominator, den: frameRateNumerator) }
}
