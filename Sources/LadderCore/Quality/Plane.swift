/// One 8-bit image plane, tightly packed (row stride == `width`).
///
/// The quality metrics take planes rather than FFmpeg frames so that they stay pure Swift and
/// testable against raw `yuv420p` files; the pipeline copies a decoded frame's planes into this
/// layout (dropping FFmpeg's line padding).
public struct Plane: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// `width × height` samples, row after row.
    public var bytes: [UInt8]

    /// Creates a plane from packed samples.
    ///
    /// - Precondition: `width ≥ 0`, `height ≥ 0` and `bytes.count == width × height`.
    public init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(width >= 0 && height >= 0, "plane dimensions must be non-negative")
        precondition(
            bytes.count == width * height,
            "plane of \(width)x\(height) needs \(width * height) bytes, got \(bytes.count)"
        )
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// A plane filled with one value.
    public init(width: Int, height: Int, repeating value: UInt8) {
        self.init(width: width, height: height, bytes: [UInt8](repeating: value, count: width * height))
    }

    /// Number of samples.
    public var sampleCount: Int { width * height }
}
