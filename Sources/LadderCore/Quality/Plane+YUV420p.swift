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
        let u = Plane(
            width: chromaWidth,
            height: chromaHeight,
            bytes: Array(picture[start + lumaCount..<start + lumaCount + chromaCount])
        )
        let v = Plane(
            width: chromaWidth,
            height: chromaHeight,
            bytes: Array(picture[start + lumaCount + chromaCount..<start + lumaCount + 2 * chromaCount])
        )
        return (y, u, v)
    }

    /// Bytes of one packed 8-bit `yuv420p` picture of the given luma size.
    public static func yuv420pPictureBytes(width: Int, height: Int) -> Int {
        width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2)
    }
}
