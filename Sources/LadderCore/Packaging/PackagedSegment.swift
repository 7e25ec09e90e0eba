/// One media segment as packaged: its duration and its size on disk.
public struct PackagedSegment: Sendable, Hashable {
    /// Presentation duration, seconds.
    public var durationSeconds: Double
    /// Bytes of the segment file (moof + mdat), excluding the init segment.
    public var bytes: Int
    /// The segment's CMAF parts in file order, when it was written in parts (their bytes add up to
    /// ``bytes``); empty when it is one fragment.
    public var parts: [PackagedPart]

    /// - Parameters:
    ///   - durationSeconds: the segment's duration, seconds.
    ///   - bytes: the segment file's size, bytes.
    ///   - parts: its parts, or none.
    public init(durationSeconds: Double, bytes: Int, parts: [PackagedPart] = []) {
        self.durationSeconds = durationSeconds
        self.bytes = bytes
        self.parts = parts
    }
}
