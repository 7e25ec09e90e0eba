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
        precondition(bytes.count == width * height,
                     "plane of \(width)x\(height) needs \(width * height) bytes, got \(bytes.count)")
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

/// The three planes of a YUV 4:2:0 (or any planar YUV) picture.
public typealias YUVPlanes = (y: Plane, u: Plane, v: Plane)

extension Plane {
    /// Splits one packed 8-bit `yuv420p` picture (as `ffmpeg -f rawvideo -pix_fmt yuv420p` writes it)
    /// into its planes; chroma planes are `⌈width/2⌉ × ⌈height/2⌉`, as FFmpeg lays them out.
    ///
    /// - Returns: `nil` when `picture` is not exactly one picture's size.
    public static func yuv420p(_ picture: ArraySlice<UInt8>, width: Int, height: Int) -> YUVPlanes? {
        let chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2
        let lumaCount = width * height, chromaCount = chromaWidth * chromaHeight
        guard width > 0, height > 0, picture.count == lumaCount + 2 * chromaCount else { return nil }
        let start = picture.startIndex
        let y = Plane(width: width, height: height, bytes: Array(picture[start..<start + lumaCount]))
        let u = Plane(width: chromaWidth, height: chromaHeight,
                      bytes: Array(picture[start + lumaCount..<start + lumaCount + chromaCount]))
        let v = Plane(width: chromaWidth, height: chromaHeight,
                      bytes: Array(picture[start + lumaCount + chromaCount..<start + lumaCount + 2 * chromaCount]))
        return (y, u, v)
    }

    /// Bytes of one packed 8-bit `yuv420p` picture of the given luma size.
    public static func yuv420pPictureBytes(width: Int, height: Int) -> Int {
        width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2)
    }
}
