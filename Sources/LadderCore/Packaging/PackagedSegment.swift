/// One media segment as packaged: its duration and its size on disk.
public struct PackagedSegment: Sendable, Hashable {
    /// Presentation duration, seconds.
    public var durationSeconds: Double
    /// Bytes of the segment file (moof + mdat), excluding the init segment.
    public var bytes: Int

    public init(durationSeconds: Double, bytes: Int) {
        self.durationSeconds = durationSeconds
        self.bytes = bytes
    }
}
