// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import LadderCore

extension SourceDescription {
    /// One tick per frame.
    var frameTimeBase: AVRational { AVRational(num: frameRateDenominator, den: frameRateNumerator) }
}

#endif
