/// What the pipeline knows about its input before encoding.
public struct SourceDescription: Sendable {
    public init(
        name: String, width: Int, height: Int, frameRateNumerator: Int32, frameRateDenominator: Int32, expectedDurationSeconds: Double? = nil,
        colour: ColourDescription = .bt709LimitedRange
    ) {
        self.name = name; self.width = width; self.height = height
        self.frameRateNumerator = frameRateNumerator; self.frameRateDenominator = frameRateDenominator
        self.expectedDurationSeconds = expectedDurationSeconds
        self.colour = colour
    }

    /// The file path, or "sample".
    public var name: String
    public var width: Int
    public var height: Int
    /// Frames per second as a rational (numerator, denominator), e.g. (30000, 1001).
    public var frameRateNumerator: Int32
    public var frameRateDenominator: Int32
    /// The source's duration when known in advance (containers state it; the sample knows it).
    public var expectedDurationSeconds: Double?
    /// The colour of the pictures the rungs are scaled from, which scaling keeps (libswscale
    /// converts YUV to YUV without changing primaries, transfer or matrix): what every rung states.
    public var colour: ColourDescription

    public var framesPerSecond: Double { Double(frameRateNumerator) / Double(frameRateDenominator) }
    public var frameRate: FrameRate { FrameRate(Int(frameRateNumerator), Int(frameRateDenominator)) }
}
