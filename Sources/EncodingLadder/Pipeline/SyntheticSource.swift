// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import ABRSimulator
import Foundation
import LadderCore

/// A deterministic test picture sequence that makes encoders work: a detailed texture (zone
/// plate plus random blocks) panning diagonally, a moving bright box, and per-pixel noise that
/// changes every frame. Same size, rate, length and seed → the same pixels, on any machine.
///
/// A flat or static picture would compress to almost nothing and say nothing about a ladder.
final class SyntheticSource: VideoSource {
    let description: SourceDescription
    private let frameCount: Int
    private let seed: UInt64
    private let lumaTexture: [UInt8]
    private var nextIndex = 0
    private let pool: FramePool

    /// Frame rate of the sample: 30 fps, the common rate of the ladders' reference content.
    static let defaultFramesPerSecond: Int32 = 30
    /// Peak amplitude of the per-frame noise in 8-bit code values (film-grain-like, enough to cost bits).
    static let noiseAmplitude = 6
    /// Pan speed in pixels per frame at 640 pixels of width (scaled with the width).
    static let panPixelsPerFrameAt640 = 3

    init(
        width: Int, height: Int, durationSeconds: Double, framesPerSecond: Int32 = SyntheticSource.defaultFramesPerSecond,
        seed: UInt64 = 1
    ) throws {
        guard width >= 16, height >= 16, YUV420.fits(width: width, height: height) else {
            throw EncodeError(.invalidLadder, "sample size \(width)x\(height) is not usable (expected even sizes of at least 16x16)")
        }
        guard durationSeconds > 0, durationSeconds.isFinite else {
            throw EncodeError(.noFrames, "sample length \(durationSeconds) s (expected a positive number of seconds)")
        }
        frameCount = max(1, Int((durationSeconds * Double(framesPerSecond)).rounded()))
        self.seed = seed
        description = SourceDescription(
            name: "sample", width: width, height: height, frameRateNumerator: framesPerSecond,
            frameRateDenominator: 1, expectedDurationSeconds: Double(frameCount) / Double(framesPerSecond))
        lumaTexture = SyntheticSource.texture(width: width, height: height, seed: seed)
        pool = try FramePool(width: width, height: height)
    }

    func nextFrame() throws -> Frame? {
        guard nextIndex < frameCount else { return nil }
        let frame = pool.makeFrame()
        render(frame, index: nextIndex)
        frame.pts = Int64(nextIndex)
        nextIndex += 1
        return frame
    }

    private func render(_ frame: Frame, index: Int) {
        let width = description.width, height = description.height
        let pan = max(1, SyntheticSource.panPixelsPerFrameAt640 * width / 640)
        let offsetX = (index * pan) % width, offsetY = (index * pan / 2) % height
        let boxSize = max(8, width / 8)
        let travel = max(1, width - boxSize)
        let phase = (index * pan * 2) % (2 * travel)
        let boxX = phase < travel ? phase : 2 * travel - phase
        let boxY = height / 3
        let amplitude = SyntheticSource.noiseAmplitude
        let frameSeed = seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        lumaTexture.withUnsafeBufferPointer { texture in
            frame.withPlane(0) { base, stride in
                for y in 0..<height {
                    let row = base + y * stride
                    let sourceRow = ((y + offsetY) % height) * width
                    var state = frameSeed ^ (UInt64(y) &* 0xD6E8_FEB8_6659_FD93)
                    for x in 0..<width {
                        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                        let noise = Int((state >> 59) & 0xF) * amplitude / 8 - amplitude
                        var value = Int(texture[sourceRow + (x + offsetX) % width]) + noise
                        if x >= boxX && x < boxX + boxSize && y >= boxY && y < boxY + boxSize { value = 235 - (value & 31) }
                        row[x] = UInt8(clamping: value)
                    }
                }
            }
        }
        for plane in 1...2 {
            frame.withPlane(plane) { base, stride in
                let chromaWidth = width / 2, chromaHeight = height / 2
                for y in 0..<chromaHeight {
                    let row = base + y * stride
                    for x in 0..<chromaWidth {
                        let moving = plane == 1 ? (x + index) : (y + index / 2)
                        let ramp = (moving * 256 / max(1, chromaWidth)) & 0xFF
                        row[x] = UInt8(clamping: 128 + (ramp - 128) / 3)
                    }
                }
            }
        }
    }

    /// Zone plate (circular chirp) over random 16×16 blocks: every spatial frequency, plus edges.
    private static func texture(width: Int, height: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        let blocksX = (width + 15) / 16, blocksY = (height + 15) / 16
        let blockLevels = (0..<(blocksX * blocksY)).map { _ in Int(generator.next() % 61) - 30 }
        let scale = Double.pi / Double(max(width, height)) * 40
        var texture = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x - width / 2), dy = Double(y - height / 2)
                let chirp = sin((dx * dx + dy * dy) * scale / Double(max(width, height)))
                let value = 128 + Int(50 * chirp) + blockLevels[(y / 16) * blocksX + x / 16]
                texture[y * width + x] = UInt8(clamping: value)
            }
        }
        return texture
    }
}

#endif
