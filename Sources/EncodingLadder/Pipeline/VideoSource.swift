import CFFmpeg

/// What the pipeline knows about its input before encoding.
public struct SourceDescription: Sendable {
    /// The file path, or "sample".
    public var name: String
    public var width: Int
    public var height: Int
    /// Frames per second as a rational (numerator, denominator), e.g. (30000, 1001).
    public var frameRateNumerator: Int32
    public var frameRateDenominator: Int32
    /// The source's duration when known in advance (containers state it; the sample knows it).
    public var expectedDurationSeconds: Double?

    public var framesPerSecond: Double { Double(frameRateNumerator) / Double(frameRateDenominator) }
    public var frameRate: FrameRate { FrameRate(Int(frameRateNumerator), Int(frameRateDenominator)) }
    /// One tick per frame.
    var frameTimeBase: AVRational { AVRational(num: frameRateDenominator, den: frameRateNumerator) }
}

/// A producer of decoded source pictures: YUV 4:2:0 8-bit at the source resolution, `pts` counting frames.
///
/// The pipeline decodes its input once through this protocol and fans the frames out to all rungs.
protocol VideoSource: AnyObject {
    var description: SourceDescription { get }
    /// The next picture, or nil at the end of the input.
    func nextFrame() throws -> Frame?
}
