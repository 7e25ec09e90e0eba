/// One rung of a ladder as the player sees it.
public struct Level: Hashable, Sendable {
    /// Nominal (advertised) bitrate in bits per second; policies that map buffer to rate use it.
    public var bitsPerSecond: Double
    /// Display width in pixels, when known.
    public var width: Int?
    /// Display height in pixels, when known.
    public var height: Int?
    /// A label such as "720p", when known.
    public var name: String?

    public init(bitsPerSecond: Double, width: Int? = nil, height: Int? = nil, name: String? = nil) {
        self.bitsPerSecond = bitsPerSecond
        self.width = width
        self.height = height
        self.name = name
    }

    /// Nominal bitrate in kbit/s (1 kbit = 1000 bit).
    public var kbps: Double { bitsPerSecond / 1000 }
}
