#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// Every encoder abrkit supports, when this libavcodec has it: aligned key frames and a codec string ffprobe agrees with.
@Suite("EncodeJob codecs", .serialized)
struct EncodeJobCodecTests {
    /// (encoder, ffprobe's codec name, codec-string prefix)
    static let codecs: [(VideoEncoder, String, String)] = [
        (.libx264, "h264", "avc1.64"), (.libx265, "hevc", "hvc1.1.6.L"), (.libvpxVP9, "vp9", "vp09.00."), (.libsvtav1, "av1", "av01.0."),
    ]

    @Test(arguments: codecs.map(\.0))
    func keyFramesStartEverySegmentWithEachEncoder(_ encoder: VideoEncoder) throws {
        let (_, probeName, prefix) = try #require(Self.codecs.first { $0.0 == encoder })
        guard FrameEncoder.isAvailable(encoder.rawValue) else {
            print("skipping \(encoder.rawValue): not in this libavcodec")
            return
        }
        let directory = try TemporaryDirectory.forEncoding()
        let ladder = try TestLadder.make().replacingCodec(with: encoder, file: "test ladder")
        let report = try EncodeJob(
            options: EncodeOptions(
                input: .sample(durationSeconds: 2), ladder: ladder, outputDirectory: directory.url,
                measureQuality: false)
        ).run()
        for rung in report.rungs {
            #expect(rung.codecString.hasPrefix(prefix), "\(rung.codecString)")
            var data = try Data(contentsOf: directory.url.appendingPathComponent("\(rung.rung.name)/\(SegmentNaming.initSegment)"))
            for number in 1...rung.segmentBytes.count {
                data.append(try Data(contentsOf: directory.url.appendingPathComponent("\(rung.rung.name)/\(SegmentNaming.mediaSegment(number: number))")))
            }
            let file = directory.path("\(rung.rung.name).mp4")
            try data.write(to: URL(fileURLWithPath: file))
            let packets = try FFmpegCLI.probe(["-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", file])
                .split(separator: "\n").map { $0.split(separator: ",") }
            let keyTimes = packets.filter { $0.count >= 2 && $0[1].hasPrefix("K") }.compactMap { Double($0[0]) }.sorted()
            #expect(keyTimes.count == 2, "\(encoder.rawValue) \(rung.rung.name): key frames at \(keyTimes)")
            if keyTimes.count == 2 { #expect(abs(keyTimes[1] - keyTimes[0] - 1) < 1e-6) }
            let stream = try FFmpegCLI.probe(["-count_frames", "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", file])
            #expect(stream.trimmingCharacters(in: .whitespacesAndNewlines) == "\(probeName),60")
        }
    }
}
#endif
