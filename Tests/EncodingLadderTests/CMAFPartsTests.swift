#if FFmpeg
import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// `EncodeOptions.partSeconds`: segments written as CMAF parts, read back box by box with
/// ``MP4Boxes`` and through both manifests by `ffprobe`, their sizes in ladder.json, and bad values
/// refused before any work.
@Suite("CMAF parts", .serialized)
struct CMAFPartsTests {
    /// 2.5 s of the 30 fps sample, 1 s segments (30, 30, 15 frames), parts of 0.25 s = 7.5 frames:
    /// cut at the last frame boundary at or before 7.5, 15, 22.5, so 7, 8, 7, 8 frames, and the short
    /// last segment 7, 8 (⌈0.5 ÷ 0.25⌉ = 2 parts).
    static let partFrames = [[7, 8, 7, 8], [7, 8, 7, 8], [7, 8]]

    private static func encode(_ directory: TemporaryDirectory, partSeconds: Double? = 0.25, seconds: Double = 2.5) throws -> EncodeReport {
        try EncodeJob(
            options: EncodeOptions(
                input: .sample(durationSeconds: seconds), ladder: TestLadder.make(), outputDirectory: directory.url, measureQuality: false,
                partSeconds: partSeconds)
        ).run()
    }

    private static func ladderFile(_ directory: TemporaryDirectory) throws -> LadderFile {
        try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: directory.url.appendingPathComponent("ladder.json")))
    }

    @Test func everyPartIsOneMoofAndMdatAndLadderJSONHasItsBytes() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encode(directory)
        #expect(report.partSeconds == 0.25)
        let ladder = try Self.ladderFile(directory)
        #expect(ladder.partSeconds == 0.25)
        let table = try #require(ladder.segmentPartSizesBytes)
        #expect(table.count == 3)
        let timescale = try #require(
            MP4Boxes.mediaTimescale([UInt8](try Data(contentsOf: directory.url.appendingPathComponent("90p/\(SegmentNaming.initSegment)")))))
        for (level, name) in ["90p", "180p"].enumerated() {
            var expectedTimes: Int64 = 0
            for segment in 0..<3 {
                let file = [UInt8](try Data(contentsOf: directory.url.appendingPathComponent("\(name)/\(SegmentNaming.mediaSegment(number: segment + 1))")))
                let boxes = try #require(MP4Boxes.children(file[...]))
                let parts = Self.partFrames[segment].count
                #expect(boxes.map(\.type) == ["styp"] + Array(repeating: ["moof", "mdat"], count: parts).flatMap { $0 }, "\(name) \(segment + 1)")
                // The byte span of each part: styp + moof + mdat first, then moof + mdat.
                var spans: [Int] = []
                var index = 0
                while index < boxes.count {
                    let count = boxes[index].type == "styp" ? 3 : 2
                    spans.append(boxes[index..<index + count].reduce(0) { $0 + $1.payload.count + 8 })
                    index += count
                }
                #expect(table[segment][level] == spans, "\(name) segment \(segment + 1)")
                #expect(spans.reduce(0, +) == file.count)
                #expect(ladder.segmentSizesBits[segment][level] == file.count * 8)
                // Each part's samples, in presentation time, from its own moof: the frame counts above,
                // together every frame of the segment once, the first part opening on the IDR.
                var offset = 0
                var times: [Int64] = []
                for (part, span) in spans.enumerated() {
                    let partTimes = try #require(MP4Boxes.presentationTimes(Array(file[offset..<offset + span])))
                    #expect(partTimes.count == Self.partFrames[segment][part], "\(name) segment \(segment + 1) part \(part)")
                    times += partTimes
                    offset += span
                }
                let frameTicks = Int64(timescale) / 30
                let first = times.min() ?? -1
                #expect(times.sorted() == (0..<Int64(times.count)).map { first + $0 * frameTicks })
                #expect(times.first == first, "the part opens on its IDR, the earliest frame")
                expectedTimes += Int64(times.count)
            }
            #expect(expectedTimes == 75)
        }
        // The report says the same, with each part's duration in frames ÷ 30.
        for rung in report.rungs {
            #expect(rung.segmentParts.map { $0.map { Int(($0.durationSeconds * 30).rounded()) } } == Self.partFrames)
            #expect(rung.segmentParts.allSatisfy { parts in parts.enumerated().allSatisfy { $0.element.independent == ($0.offset == 0) } })
        }
        // ladder.json round-trips into the simulator's parts.
        let video = try LadderVideo.read(path: directory.path("ladder.json"))
        let parts = try #require(video.parts)
        #expect(parts.partSeconds == 0.25 && parts.bytes == table)
    }

    @Test func ffprobeReadsEveryFrameThroughTheLowLatencyPlaylistsAndMPD() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encode(directory)
        let ladder = try Self.ladderFile(directory)
        for manifest in ["master.m3u8", "manifest.mpd"] {
            var streams: Set<String> = []
            for index in 0..<2 {
                let output = try FFmpegCLI.probe([
                    "-select_streams", "v:\(index)", "-count_frames", "-show_entries", "stream=width,height,nb_read_frames", "-of", "csv=p=0",
                    directory.path(manifest),
                ])
                streams.formUnion(output.split(separator: "\n").map(String.init))
            }
            // As without parts: 75 frames per rung.
            #expect(streams == ["160,90,75", "320,180,75"], "\(manifest)")
            let log = try FFmpegCLI.run(["-v", "error", "-i", directory.path(manifest), "-map", "0:v", "-f", "null", "-"])
            #expect(log.isEmpty, "\(manifest): \(log)")
        }
        // The LL-HLS byte ranges are the box spans ladder.json lists.
        for (level, rung) in ["90p", "180p"].enumerated() {
            let playlist = try String(contentsOf: directory.url.appendingPathComponent("\(rung)/playlist.m3u8"), encoding: .utf8)
            let ranges = playlist.split(separator: "\n").filter { $0.hasPrefix("#EXT-X-PART:") }.map { line in
                line.split(separator: "\"")[3]  // DURATION=…,URI="…",BYTERANGE="len@offset"
            }
            var expected: [String] = []
            for row in try #require(ladder.segmentPartSizesBytes) {
                var offset = 0
                for bytes in row[level] {
                    expected.append("\(bytes)@\(offset)")
                    offset += bytes
                }
            }
            #expect(ranges.map(String.init) == expected, "\(rung)")
            #expect(playlist.components(separatedBy: "INDEPENDENT=YES").count - 1 == 3)
            #expect(playlist.contains("#EXT-X-PART-INF:PART-TARGET=0.266667\n"))
            #expect(playlist.contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.800000\n"))
            // Each reports the other: its last segment (media sequence 2) and that segment's last part (1).
            let other = rung == "90p" ? "180p" : "90p"
            #expect(playlist.contains("#EXT-X-RENDITION-REPORT:URI=\"../\(other)/playlist.m3u8\",LAST-MSN=2,LAST-PART=1\n#EXT-X-ENDLIST\n"))
        }
        let mpd = try String(contentsOf: directory.url.appendingPathComponent("manifest.mpd"), encoding: .utf8)
        #expect(mpd.contains(#"<Latency target="800" min="267" max="4000"/>"#))
        #expect(mpd.contains(#"availabilityTimeOffset="0.75" availabilityTimeComplete="false""#))
        #expect(report.rungs.count == 2)
    }

    @Test func withoutPartsNothingLowLatencyIsWritten() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encode(directory, partSeconds: nil, seconds: 2)
        #expect(report.partSeconds == nil && report.rungs.allSatisfy(\.segmentParts.isEmpty))
        let ladderText = try String(contentsOf: directory.url.appendingPathComponent("ladder.json"), encoding: .utf8)
        #expect(!ladderText.contains("part"))
        for path in ["90p/playlist.m3u8", "180p/playlist.m3u8", "manifest.mpd", "master.m3u8"] {
            let text = try String(contentsOf: directory.url.appendingPathComponent(path), encoding: .utf8)
            for absent in ["PART", "SERVER-CONTROL", "EVENT", "ServiceDescription", "availabilityTime", "UTCTiming"] {
                #expect(!text.contains(absent), "\(path) has \(absent)")
            }
        }
        for number in 1...2 {
            let file = [UInt8](try Data(contentsOf: directory.url.appendingPathComponent("180p/\(SegmentNaming.mediaSegment(number: number))")))
            #expect(MP4Boxes.children(file[...])?.map(\.type) == ["styp", "moof", "mdat"])
        }
        #expect(try LadderVideo.read(path: directory.path("ladder.json")).parts == nil)
    }

    /// Parts only re-box the stream: with and without them the init segments are the same bytes, and
    /// a segment's `mdat` payloads, joined in order, are the one `mdat` of the segment without parts
    /// (the encoder's output does not depend on where fragments are cut). The heap is made
    /// deterministic first, as the CLI does, since libx264 reads heap leftovers (``HeapDeterminism``).
    @Test func partsCarryTheSameCodedFramesAsWholeSegments() throws {
        HeapDeterminism.enable()
        let plain = try TemporaryDirectory.forEncoding()
        let parted = try TemporaryDirectory.forEncoding()
        _ = try Self.encode(plain, partSeconds: nil)
        _ = try Self.encode(parted)
        for rung in ["90p", "180p"] {
            let read = { (directory: TemporaryDirectory, name: String) in
                [UInt8](try Data(contentsOf: directory.url.appendingPathComponent("\(rung)/\(name)")))
            }
            #expect(try read(plain, SegmentNaming.initSegment) == read(parted, SegmentNaming.initSegment))
            for number in 1...3 {
                let name = SegmentNaming.mediaSegment(number: number)
                let whole = try #require(MP4Boxes.children(try read(plain, name)[...])).filter { $0.type == "mdat" }
                let parts = try #require(MP4Boxes.children(try read(parted, name)[...])).filter { $0.type == "mdat" }
                #expect(whole.count == 1 && parts.count == Self.partFrames[number - 1].count)
                let joined = parts.flatMap { Array($0.payload) }
                // Compared as a whole, reported by size and first difference (not thousands of bytes).
                let first = Array(whole.first?.payload ?? [])
                #expect(
                    first == joined,
                    "\(rung) segment \(number): \(first.count) bytes against \(joined.count), first difference at \(String(describing: zip(first, joined).enumerated().first { $0.element.0 != $0.element.1 }?.offset))"
                )
            }
        }
    }

    /// Values refused before the output folder is created: not positive, longer than the 1 s
    /// segment, and (once the source's 30 fps is known, still before any output) under one frame.
    @Test(arguments: [0, -0.5, 1.5, .infinity, .nan, 0.02])
    func badPartDurationsAreRefusedBeforeAnyWork(_ partSeconds: Double) throws {
        let directory = try TemporaryDirectory.forEncoding()
        let out = directory.url.appendingPathComponent("out")
        let error = try #require(throws: EncodeError.self) {
            try EncodeJob(
                options: EncodeOptions(
                    input: .sample(durationSeconds: 1), ladder: TestLadder.make(), outputDirectory: out, measureQuality: false,
                    partSeconds: partSeconds)
            ).run()
        }
        #expect(error.code == .invalidOptions)
        #expect(error.message.contains("part duration"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// A file with AAC audio: the audio rendition is cut into parts too (at the first audio frame at
    /// or after each 0.5 s), its playlist lists them as byte ranges, and ffprobe reads as many audio
    /// packets through the playlists as from an encode without parts.
    @Test func theAudioRenditionIsWrittenInPartsToo() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let clip = directory.path("clip.mp4")
        try MediaTools.makeClip(at: clip, seconds: 2, audio: true)
        var packets: [String] = []
        for partSeconds in [nil, 0.5] {
            let out = directory.url.appendingPathComponent(partSeconds == nil ? "plain" : "parts")
            _ = try EncodeJob(
                options: EncodeOptions(
                    input: .file(path: clip), ladder: TestLadder.make(), outputDirectory: out, measureQuality: false, partSeconds: partSeconds)
            ).run()
            packets.append(
                try FFmpegCLI.probe([
                    "-select_streams", "a:0", "-count_packets", "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0",
                    out.appendingPathComponent("master.m3u8").path,
                ]))
        }
        #expect(packets[0] == packets[1] && !packets[0].isEmpty, "\(packets)")
        let audio = directory.url.appendingPathComponent("parts/audio")
        let playlist = try String(contentsOf: audio.appendingPathComponent("playlist.m3u8"), encoding: .utf8)
        var ranges: [String: [String]] = [:]
        for line in playlist.split(separator: "\n") where line.hasPrefix("#EXT-X-PART:") {
            let fields = line.split(separator: "\"")
            ranges[String(fields[1]), default: []].append(String(fields[3]))
            #expect(line.hasSuffix(",INDEPENDENT=YES"))
        }
        #expect(ranges.count == 2)
        // One PART-HOLD-BACK for the presentation: three times the largest part target, audio or video.
        var holdBacks: Set<String> = []
        var targets: [Double] = []
        for name in ["audio", "90p", "180p"] {
            let text = try String(contentsOf: directory.url.appendingPathComponent("parts/\(name)/playlist.m3u8"), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if line.hasPrefix("#EXT-X-SERVER-CONTROL:") { holdBacks.insert(String(line.split(separator: "=").last ?? "")) }
                if line.hasPrefix("#EXT-X-PART-INF:PART-TARGET=") { targets.append(Double(line.split(separator: "=").last ?? "") ?? 0) }
            }
            #expect(text.components(separatedBy: "#EXT-X-RENDITION-REPORT:").count - 1 == 2, "\(name)")
        }
        #expect(holdBacks == [NumberFormat.fixed(3 * (targets.max() ?? 0), 6)], "\(holdBacks) \(targets)")
        for (name, listed) in ranges {
            let file = [UInt8](try Data(contentsOf: audio.appendingPathComponent(name)))
            let boxes = try #require(MP4Boxes.children(file[...]))
            #expect(boxes.map(\.type) == ["styp"] + Array(repeating: ["moof", "mdat"], count: listed.count).flatMap { $0 }, "\(name)")
            var offset = 0
            var spans: [String] = []
            var index = 0
            while index < boxes.count {
                let count = boxes[index].type == "styp" ? 3 : 2
                let span = boxes[index..<index + count].reduce(0) { $0 + $1.payload.count + 8 }
                spans.append("\(span)@\(offset)")
                offset += span
                index += count
            }
            #expect(spans == listed, "\(name)")
            #expect(offset == file.count)
        }
    }

    /// Audio that runs past the video's only segment (1.6 s of sound, 1 s of pictures) joins that
    /// segment, parts and all: its file holds the parts of both, their byte ranges run through it,
    /// their durations add up to its own, and every audio packet of the source is still there.
    @Test func audioPastTheVideosEndKeepsItsPartsInTheLastSegment() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let clip = directory.path("clip.mp4")
        try FFmpegCLI.run([
            "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=1", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=48000:duration=1.6", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "64k",
            "-pix_fmt", "yuv420p", clip,
        ])
        let out = directory.url.appendingPathComponent("out")
        let report = try EncodeJob(
            options: EncodeOptions(input: .file(path: clip), ladder: TestLadder.make(), outputDirectory: out, measureQuality: false, partSeconds: 0.5)
        ).run()
        let audio = try #require(report.audio)
        #expect(audio.segmentBytes.count == 1 && audio.segmentParts.count == 1)
        let parts = audio.segmentParts[0]
        // Parts start at the first audio frame at or after 0 and 0.5 s of each of the two segments cut
        // before the merge: 4 parts.
        #expect(parts.count == 4)
        #expect(parts.reduce(0) { $0 + $1.bytes } == audio.segmentBytes[0])
        #expect(abs(parts.reduce(0) { $0 + $1.durationSeconds } - audio.segmentDurationsSeconds[0]) < 1e-9)
        #expect(parts.allSatisfy { $0.independent })
        let file = [UInt8](try Data(contentsOf: out.appendingPathComponent("audio/\(SegmentNaming.mediaSegment(number: 1))")))
        #expect(file.count == audio.segmentBytes[0])
        // The merged file keeps each former segment's styp at the start of its first part.
        var offset = 0
        for part in parts {
            let boxes = try #require(MP4Boxes.children(file[offset..<offset + part.bytes]))
            #expect(boxes.map(\.type).suffix(2) == ["moof", "mdat"] && boxes.count <= 3)
            offset += part.bytes
        }
        let packets = { (path: String) in
            try FFmpegCLI.probe(["-select_streams", "a:0", "-count_packets", "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path])
                .split(separator: "\n").first.map(String.init)
        }
        let fromPlaylist = try packets(out.appendingPathComponent("master.m3u8").path), fromSource = try packets(clip)
        #expect(fromPlaylist == fromSource && fromSource != nil)
    }

    /// The checks made once the frame rate is known, against the real segment (GOP frames ÷ fps):
    /// a ladder's `gop` of 24 frames at 30 fps makes 0.8 s segments, so 0.8 s parts fit and 1 s
    /// parts do not, although the ladder says `segment_seconds: 1`; a part must hold a frame.
    @Test func thePartIsCheckedAgainstTheRealSegmentAndTheFrameDuration() throws {
        #expect(try EncodeJob.partPlan(nil, gopFrames: 24, frameRate: 30) == nil)
        #expect(try EncodeJob.partPlan(0.8, gopFrames: 24, frameRate: 30)?.partEnds(segmentFrames: 24) == [24])
        #expect(try EncodeJob.partPlan(0.4, gopFrames: 24, frameRate: 30)?.partEnds(segmentFrames: 24) == [12, 24])
        let long = try #require(throws: EncodeError.self) { try EncodeJob.partPlan(1, gopFrames: 24, frameRate: 30) }
        #expect(long.code == .invalidOptions && long.message.contains("longer than a segment (24 frames = 0.8 s)"), "\(long)")
        #expect(throws: EncodeError.self) { try EncodeJob.partPlan(0.8 + 1e-5, gopFrames: 24, frameRate: 30) }
        // One frame at 30 fps is 0.0333… s: just under is refused, exactly one frame is not.
        let short = try #require(throws: EncodeError.self) { try EncodeJob.partPlan(0.033, gopFrames: 24, frameRate: 30) }
        #expect(short.message.contains("shorter than one frame (0.033333 s at 30 fps)"), "\(short)")
        #expect(try EncodeJob.partPlan(1.0 / 30, gopFrames: 24, frameRate: 30) != nil)
        // 0.1 s at 25 fps is 2.5 frames: parts of 2 and 3 frames, under LL-HLS's 85 % floor.
        let uneven = try #require(throws: EncodeError.self) { try EncodeJob.partPlan(0.1, gopFrames: 25, frameRate: 25) }
        #expect(uneven.message.contains("85 %") && uneven.message.contains("(0.0800 or 0.1200 s)"), "\(uneven)")
        #expect(try EncodeJob.partPlan(0.08, gopFrames: 25, frameRate: 25) != nil)
    }

    @Test func aPartOfExactlyTheSegmentOrOneFrameIsAccepted() throws {
        // 1 s parts of 1 s segments: one part each, the segment itself.
        let whole = try TemporaryDirectory.forEncoding()
        let report = try Self.encode(whole, partSeconds: 1, seconds: 2)
        #expect(report.rungs.allSatisfy { $0.segmentParts.map(\.count) == [1, 1] })
        // One-frame parts: 30 a segment.
        let frames = try TemporaryDirectory.forEncoding()
        let fine = try Self.encode(frames, partSeconds: 1.0 / 30, seconds: 1)
        #expect(fine.rungs.allSatisfy { $0.segmentParts.map(\.count) == [30] })
    }
}
#endif
