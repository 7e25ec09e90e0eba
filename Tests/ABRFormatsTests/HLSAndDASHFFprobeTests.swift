import ABRFormats
import Foundation
import TestSupport
import Testing

@testable import LadderCore

/// Our master playlist and MPD over real fMP4 segments (cut by the ffmpeg CLI), read back by ffprobe.
@Suite(.enabled(if: FFmpegCLI.isAvailable, "needs ffmpeg and ffprobe"))
struct HLSAndDASHFFprobeTests {
    static let frameRate = 25
    static let seconds = 5
    static let segmentSeconds = 2

    /// Cuts one rendition into `DIR/init.mp4` + `DIR/segment-NNNNN.m4s` with the ffmpeg CLI and
    /// describes it from the files on disk and ffmpeg's own EXTINF durations.
    static func package(
        _ root: TemporaryDirectory,
        directory: String,
        input: [String],
        codec: [String],
        media: PackagedRendition.Media
    ) throws -> PackagedRendition {
        let dir = try root.directory(directory)
        try FFmpegCLI.run(
            input + ["-t", "\(seconds)"] + codec + [
                "-f", "hls", "-hls_time", "\(segmentSeconds)", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
                "-hls_fmp4_init_filename", SegmentNaming.initSegment, "-start_number", "\(SegmentNaming.firstNumber)",
                "-hls_segment_filename", dir.appendingPathComponent("segment-%05d.m4s").path,
                dir.appendingPathComponent("ffmpeg.m3u8").path,
            ]
        )
        let playlist = try String(contentsOf: dir.appendingPathComponent("ffmpeg.m3u8"), encoding: .utf8)
        let durations = playlist.split(separator: "\n").filter { $0.hasPrefix("#EXTINF:") }
            .compactMap { Double($0.dropFirst(8).prefix { $0 != "," }) }
        let segments = try durations.enumerated().map { index, duration in
            let name = SegmentNaming.mediaSegment(number: SegmentNaming.firstNumber + index)
            let size =
                try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.size] as? Int
                ?? 0
            return PackagedSegment(durationSeconds: duration, bytes: size)
        }
        let initBytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(SegmentNaming.initSegment)))
        let codecString: String
        if case .video = media {
            let record = try #require(box("avcC", in: initBytes))
            codecString = try #require(CodecString.avc1(extradata: record))
        } else {
            codecString = CodecString.mp4a()
        }
        return PackagedRendition(
            id: directory,
            directory: directory,
            codecString: codecString,
            media: media,
            segments: segments
        )
    }

    /// The payload of the first box of `type` (a byte search is enough for a small init segment).
    static func box(_ type: String, in bytes: [UInt8]) -> [UInt8]? {
        let tag = Array(type.utf8)
        guard bytes.count > 8 else { return nil }
        for i in 4..<(bytes.count - 4) where Array(bytes[i..<i + 4]) == tag {
            let size = bytes[i - 4..<i].reduce(0) { $0 << 8 | Int($1) }
            guard size >= 8, i - 4 + size <= bytes.count else { return nil }
            return Array(bytes[i + 4..<i - 4 + size])
        }
        return nil
    }

    @Test func ffprobeReadsAndDecodesEveryRungThroughBothManifests() throws {
        let root = try TemporaryDirectory()
        let x264 = [
            "-pix_fmt", "yuv420p", "-c:v", "libx264", "-profile:v", "high", "-sc_threshold", "0",
            "-force_key_frames", "expr:gte(t,n_forced*\(Self.segmentSeconds))",
        ]
        let video = try [(256, 144, "144p"), (320, 180, "180p")].map { width, height, name in
            try Self.package(
                root,
                directory: name,
                input: ["-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height):rate=\(Self.frameRate)"],
                codec: x264,
                media: .video(width: width, height: height, frameRate: FrameRate(Self.frameRate))
            )
        }
        let audio = try Self.package(
            root,
            directory: "audio",
            input: ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"],
            codec: ["-c:a", "aac", "-b:a", "64k", "-ac", "2"],
            media: .audio(sampleRate: 48_000, channels: 2, language: "en")
        )
        #expect(video.allSatisfy { $0.segments.map(\.durationSeconds) == [2, 2, 1] })
        for rendition in video + [audio] {
            try AtomicFile.write(
                HLSWriter.media(rendition),
                to: root.path("\(rendition.directory)/playlist.m3u8")
            )
        }
        let master = root.path("master.m3u8")
        let mpd = root.path("manifest.mpd")
        try AtomicFile.write(HLSWriter.master(video: video, audio: audio), to: master)
        try AtomicFile.write(DASHWriter.mpd(video: video, audio: audio), to: mpd)

        for manifest in [master, mpd] {
            let streams = try FFmpegCLI.probe([
                "-show_entries", "stream=codec_type,width,height", "-of", "csv=p=0", manifest,
            ])
            let lines = Set(
                streams.split(separator: "\n").map {
                    $0.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ",")))
                }
            )
            #expect(
                lines.contains("video,256,144") && lines.contains("video,320,180") && lines.contains("audio"),
                "\(manifest): \(streams)"
            )
            // Decode every frame of each video rendition through the manifest.
            for index in video.indices {
                let counted = try FFmpegCLI.probe([
                    "-count_frames", "-select_streams", "v:\(index)",
                    "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", manifest,
                ])
                // ffprobe lists the stream once per program that holds it; every listing must count all frames.
                let counts = counted.split(whereSeparator: \.isNewline).map(String.init)
                #expect(
                    !counts.isEmpty && counts.allSatisfy { $0 == "\(Self.frameRate * Self.seconds)" },
                    "\(manifest) v:\(index): \(counts)"
                )
            }
        }
        // The declared rates are the measured ones.
        let masterText = try String(contentsOfFile: master, encoding: .utf8)
        #expect(masterText.contains("BANDWIDTH=\(video[1].peakBitsPerSecond + audio.peakBitsPerSecond),"))
        #expect(video[1].peakBitsPerSecond > video[1].averageBitsPerSecond)
    }
}
