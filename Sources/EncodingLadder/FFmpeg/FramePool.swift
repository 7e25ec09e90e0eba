// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// Pictures of one size and pixel format whose buffers are recycled (libavutil `AVBufferPool`).
///
/// Allocating a fresh multi-megabyte buffer per frame costs page faults and kernel zeroing on
/// every frame (most of the system time of an early 4K run); the ffmpeg CLI's filters recycle
/// buffers the same way. A buffer returns to the pool when its last frame reference goes away,
/// so a frame still held by a queue or an encoder is never overwritten.
final class FramePool: @unchecked Sendable {
    // @unchecked: AVBufferPool is thread-safe (libavutil/buffer.h: "the pool is thread-safe").
    private let pool: OpaquePointer
    let width: Int
    let height: Int
    let pixelFormat: AVPixelFormat
    private let lineSizes: [Int32]
    private let planeOffsets: [Int]
    private let bufferBytes: Int

    /// Row alignment in bytes: 64 covers AVX-512 loads in libswscale and the encoders.
    static let rowAlignment: Int32 = 64

    init(width: Int, height: Int, pixelFormat: AVPixelFormat = AV_PIX_FMT_YUV420P) throws(FFmpegError) {
        self.width = width
        self.height = height
        self.pixelFormat = pixelFormat
        var sizes = [Int32](repeating: 0, count: 4)
        try check(av_image_fill_linesizes(&sizes, pixelFormat, Int32(width)), "av_image_fill_linesizes(\(width)x\(height))")
        let alignment = FramePool.rowAlignment
        sizes = sizes.map { ($0 + alignment - 1) / alignment * alignment }
        lineSizes = sizes
        var planeBytes = [Int](repeating: 0, count: 4)
        var ptrdiffSizes = sizes.map { Int($0) }
        try check(
            av_image_fill_plane_sizes(&planeBytes, pixelFormat, Int32(height), &ptrdiffSizes),
            "av_image_fill_plane_sizes(\(width)x\(height))")
        var offsets: [Int] = []
        var total = 0
        for bytes in planeBytes { offsets.append(total); total += bytes }
        planeOffsets = offsets
        // Extra bytes after the last plane for SIMD reads past the end (AV_INPUT_BUFFER_PADDING_SIZE is 64).
        bufferBytes = total + 64
        guard let pool = av_buffer_pool_init(bufferBytes, av_buffer_allocz) else { fatalError("av_buffer_pool_init: out of memory") }
        self.pool = pool
    }

    deinit {
        var freeing: OpaquePointer? = pool
        av_buffer_pool_uninit(&freeing)
    }

    /// A picture backed by a recycled buffer (zero-filled when first allocated).
    func makeFrame() -> Frame {
        let frame = Frame()
        guard let buffer = av_buffer_pool_get(pool) else { fatalError("av_buffer_pool_get: out of memory") }
        let frameData = frame.pointer
        frameData.pointee.buf.0 = buffer
        frameData.pointee.width = Int32(width)
        frameData.pointee.height = Int32(height)
        frameData.pointee.format = pixelFormat.rawValue
        let base = buffer.pointee.data!
        withUnsafeMutableBytes(of: &frameData.pointee.data) { data in
            let planes = data.bindMemory(to: UnsafeMutablePointer<UInt8>?.self)
            for plane in 0..<4 { planes[plane] = lineSizes[plane] > 0 ? base + planeOffsets[plane] : nil }
        }
        frameData.pointee.extended_data = withUnsafeMutablePointer(to: &frameData.pointee.data.0) { $0 }
        withUnsafeMutableBytes(of: &frameData.pointee.linesize) { sizes in
            let lines = sizes.bindMemory(to: Int32.self)
            for plane in 0..<4 { lines[plane] = lineSizes[plane] }
        }
        return frame
    }
}

#endif
