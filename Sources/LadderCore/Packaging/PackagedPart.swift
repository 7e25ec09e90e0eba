/// One CMAF part (chunk) of a media segment as packaged: a `moof` + `mdat` pair at a byte range of
/// the segment's file (the first part also carries the segment's `styp`).
public struct PackagedPart: Sendable, Hashable {
    /// Presentation duration, seconds (its frames ÷ frame rate).
    public var durationSeconds: Double
    /// Bytes of the part within the segment file.
    public var bytes: Int
    /// Whether the part starts with an IDR (a decoder can start there): the first part of a segment.
    public var independent: Bool

    /// - Parameters:
    ///   - durationSeconds: the part's duration, seconds.
    ///   - bytes: the part's size in the segment file, bytes.
    ///   - independent: whether it starts with a key frame.
    public init(durationSeconds: Double, bytes: Int, independent: Bool) {
        self.durationSeconds = durationSeconds
        self.bytes = bytes
        self.independent = independent
    }
}
