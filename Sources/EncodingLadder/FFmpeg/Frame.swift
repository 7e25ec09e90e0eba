// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import LadderCore

/// An owning `AVFrame`: decoded pictures or audio samples, freed in `deinit`.
///
/// Source frames are shared read-only by every rung's worker; a frame is never written after it
/// is handed over, which is what makes sharing it across threads safe.
final class Frame: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<AVFrame>

    init() {
        guard let frame = av_frame_alloc() else { fatalError("av_frame_alloc: out of memory") }
        pointer = frame
    }

    deinit { var frame: UnsafeMutablePointer<AVFrame>? = pointer; av_frame_free(&frame) }

    var width: Int { Int(pointer.pointee.width) }
    var height: Int { Int(pointer.pointee.height) }
    var pixelFormat: AVPixelFormat { AVPixelFormat(rawValue: pointer.pointee.format) }
    /// Presentation timestamp, in the time base of whoever produced the frame.
    var pts: Int64 {
        get { pointer.pointee.pts }
        set { pointer.pointee.pts = newValue }
    }

    /// Drops the buffers so the frame can receive the next decoder output.
    /// The best-effort presentation time the decoder estimated (`best_effort_timestamp`).
    var bestEffortTimestamp: Int64 { pointer.pointee.best_effort_timestamp }

    /// Asks the encoder for an IDR at this picture (`pict_type = I`), or leaves the choice to it.
    func forceKeyFrame(_ force: Bool) { pointer.pointee.pict_type = force ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE }

    func unref() { av_frame_unref(pointer) }

    /// A new frame referencing the same buffers (no copy) with its own properties.
    func reference() throws(FFmpegError) -> Frame {
        let copy = Frame()
        try check(av_frame_ref(copy.pointer, pointer), "av_frame_ref")
        return copy
    }

    /// Plane `index` copied into a tightly packed buffer (stride == width).
    func plane(_ index: Int, width: Int, height: Int) -> Plane {
        var bytes = [UInt8](repeating: 0, count: width * height)
        let stride = Int(withUnsafeBytes(of: pointer.pointee.linesize) { $0.load(fromByteOffset: index * 4, as: Int32.self) })
        let base = withUnsafeBytes(of: pointer.pointee.data) {
            $0.load(fromByteOffset: index * MemoryLayout<UnsafeMutablePointer<UInt8>?>.stride, as: UnsafeMutablePointer<UInt8>?.self)
        }
        guard let base else { return Plane(width: width, height: height, bytes: bytes) }
        bytes.withUnsafeMutableBufferPointer { destination in
            for row in 0..<height {
                (destination.baseAddress! + row * width).update(from: base + row * stride, count: width)
            }
        }
        return Plane(width: width, height: height, bytes: bytes)
    }

    /// The Y, U and V planes of a YUV 4:2:0 picture, tightly packed.
    func yuv420Planes() -> (y: Plane, u: Plane, v: Plane) {
        let chromaWidth = (width + 1) / 2, chromaHeight = (height + 1) / 2
        return (
            plane(0, width: width, height: height), plane(1, width: chromaWidth, height: chromaHeight),
            plane(2, width: chromaWidth, height: chromaHeight)
        )
    }

    /// Row pointer and stride of plane `index`, for writers that fill a picture they allocated.
    func withPlane<R>(_ index: Int, _ body: (UnsafeMutablePointer<UInt8>, Int) throws -> R) rethrows -> R {
        let stride = Int(withUnsafeBytes(of: pointer.pointee.linesize) { $0.load(fromByteOffset: index * 4, as: Int32.self) })
        let base = withUnsafeBytes(of: pointer.pointee.data) {
            $0.load(fromByteOffset: index * MemoryLayout<UnsafeMutablePointer<UInt8>?>.stride, as: UnsafeMutablePointer<UInt8>.self)
        }
        return try body(base, stride)
    }
}

#endif
