// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import LadderCore

/// A producer of decoded source pictures: YUV 4:2:0 8-bit at the source resolution, `pts` counting frames.
///
/// The pipeline decodes its input once through this protocol and fans the frames out to all rungs.
protocol VideoSource: AnyObject {
    var description: SourceDescription { get }
    /// The next picture, or nil at the end of the input.
    func nextFrame() throws -> Frame?
}

#endif
