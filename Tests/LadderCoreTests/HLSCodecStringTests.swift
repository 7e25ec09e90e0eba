import Foundation
import TestSupport
import Testing

@testable import LadderCore

/// RFC 6381 strings from hand-made configuration records and from real encoder output.
@Suite struct HLSCodecStringTests {
    @Test func avcFromNumbersAndRecords() {
        #expect(CodecString.avc1(profileIDC: 100, constraintFlags: 0, levelIDC: 31) == "avc1.64001f")
        #expect(CodecString.avc1(extradata: [1, 0x4d, 0x40, 0x1e, 0xff]) == "avc1.4d401e")
        // Annex B: 4-byte start code, SPS (type 7) High 4.0, then a PPS after a 3-byte start code.
        #expect(
            CodecString.avc1(extradata: [0, 0, 0, 1, 0x67, 0x64, 0x00, 0x28, 0xac, 0, 0, 1, 0x68, 0xee])
                == "avc1.640028"
        )
        #expect(CodecString.avc1(extradata: [0, 0, 1, 0x68, 0xee]) == nil)
    }

    @Test func hevcFromRecords() {
        // Main, compatible with Main (flag 1) and Main 10 (flag 2), level 3.1 (93), progressive source.
        let hvcC: [UInt8] = [1, 0x01, 0x60, 0, 0, 0, 0xb0, 0, 0, 0, 0, 0, 93, 0xf0]
        #expect(CodecString.hvc1(extradata: hvcC) == "hvc1.1.6.L93.B0")
        // Main 10, high tier, level 5.1: Apple's documented example is hvc1.2.4.H153.B0.
        #expect(CodecString.hvc1(extradata: [1, 0x22, 0x20, 0, 0, 0, 0xb0, 0, 0, 0, 0, 0, 153]) == "hvc1.2.4.H153.B0")
        // Annex B SPS (type 33 → header 0x42 0x01) with an emulation-prevention byte in the flags.
        let sps: [UInt8] = [
            0, 0, 0, 1, 0x42, 0x01, 0x01, 0x01, 0x60, 0x00, 0x00, 0x03, 0x00, 0x90, 0, 0, 3, 0, 0, 0, 93,
        ]
        #expect(CodecString.hvc1(extradata: sps) == "hvc1.1.6.L93.90")
    }

    @Test func av1Vp9AndAAC() {
        #expect(CodecString.av01(av1C: [0x81, 0x08, 0x0c, 0x00]) == "av01.0.08M.08")
        #expect(CodecString.av01(av1C: [0x81, 0x2d, 0xc0]) == "av01.1.13H.10")
        #expect(CodecString.av01(av1C: [0x01, 0x08]) == nil)
        #expect(CodecString.vp09(profile: 0, level: 31, bitDepth: 8) == "vp09.00.31.08")
        #expect(CodecString.mp4a() == "mp4a.40.2")
        // 1280×720 = 921 600 samples fits level 3.1 (983 040) but not 3.0 (552 960); 1920×1080 needs 4.0.
        #expect(CodecString.vp09(width: 1280, height: 720) == "vp09.00.31.08")
        #expect(CodecString.vp09(width: 1920, height: 1080) == "vp09.00.40.08")
        #expect(CodecString.vp09(width: 8192, height: 8192) == "vp09.00.62.08")
    }

    struct Encode: Sendable, CustomTestStringConvertible {
        var encoder: String
        var format: String
        var options: [String]
        var testDescription: String { encoder }
    }

    /// The encoder's own stream, profile and level cross-checked with ffprobe.
    @Test(
        .enabled(if: FFmpegCLI.isAvailable, "needs ffmpeg and ffprobe"),
        arguments: [
            Encode(encoder: "libx264", format: "h264", options: ["-profile:v", "high", "-level", "3.1"]),
            Encode(encoder: "libx265", format: "hevc", options: ["-x265-params", "log-level=error"]),
        ]
    )
    func stringsFromRealStreamsAgreeWithFFprobe(_ e: Encode) throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path("stream.\(e.format)")
        try FFmpegCLI.run(
            [
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-frames:v", "5", "-pix_fmt", "yuv420p",
                "-c:v", e.encoder,
            ] + e.options + ["-f", e.format, path]
        )
        let stream = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let probe = try FFmpegCLI.probe([
            "-select_streams", "v:0", "-show_entries", "stream=profile,level", "-of", "default=nw=1", path,
        ])
        let level = try #require(
            probe.split(separator: "\n").first { $0.hasPrefix("level=") }.flatMap { Int($0.dropFirst(6)) }
        )
        if e.encoder == "libx264" {
            #expect(probe.contains("profile=High"))
            #expect(
                CodecString.avc1(extradata: Array(stream.prefix(200))) == "avc1.6400" + String(format: "%02x", level)
            )
            #expect(level == 31)
        } else {
            #expect(probe.contains("profile=Main"))
            let codec = try #require(CodecString.hvc1(extradata: Array(stream.prefix(400))))
            #expect(codec.hasPrefix("hvc1.1.6.L\(level)."), "\(codec) vs level \(level)")
        }
    }
}
