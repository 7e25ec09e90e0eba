import ABRSimulator
import Foundation
import LadderCore
import TestSupport
import Testing

@testable import ABRFormats

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The LL-HLS media playlist and the low-latency MPD of a rendition written in CMAF parts, with
/// every number worked by hand, and `ladder.json`'s part table read back into `Video.parts`.
@Suite struct LowLatencyManifestTests {
    /// Two segments of 1 s and 0.5 s at 30 fps in parts of nominally 0.25 s (7.5 frames, cut at 7, 15,
    /// 22, 30 and 7, 15): 7, 8, 7, 8 and 7, 8 frames. Part sizes are made up; each segment's bytes are their sum.
    static let rendition: PackagedRendition = {
        let frames = [[7, 8, 7, 8], [7, 8]]
        let bytes = [[1000, 200, 300, 400], [900, 100]]
        let segments = zip(frames, bytes).map { frames, bytes in
            PackagedSegment(
                durationSeconds: Double(frames.reduce(0, +)) / 30, bytes: bytes.reduce(0, +),
                parts: zip(frames, bytes).enumerated().map { index, part in
                    PackagedPart(durationSeconds: Double(part.0) / 30, bytes: part.1, independent: index == 0)
                })
        }
        return PackagedRendition(
            id: "180p", directory: "180p", codecString: "avc1.64000d", media: .video(width: 320, height: 180, frameRate: FrameRate(30)),
            segments: segments)
    }()

    @Test func mediaPlaylistListsEveryPartAsAByteRangeBeforeItsSegment() {
        // PART-TARGET: the longest part, 8/30 s = 0.266667; PART-HOLD-BACK 3 × 8/30 = 0.8 s. Byte
        // ranges run on through each file: 1000@0, 200@1000, 300@1200, 400@1500; 900@0, 100@900.
        #expect(
            HLSWriter.media(Self.rendition) == """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:1
                #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.800000
                #EXT-X-PART-INF:PART-TARGET=0.266667
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:EVENT
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PART:DURATION=0.233333,URI="segment-00001.m4s",BYTERANGE="1000@0",INDEPENDENT=YES
                #EXT-X-PART:DURATION=0.266667,URI="segment-00001.m4s",BYTERANGE="200@1000"
                #EXT-X-PART:DURATION=0.233333,URI="segment-00001.m4s",BYTERANGE="300@1200"
                #EXT-X-PART:DURATION=0.266667,URI="segment-00001.m4s",BYTERANGE="400@1500"
                #EXTINF:1.000000,
                segment-00001.m4s
                #EXT-X-PART:DURATION=0.233333,URI="segment-00002.m4s",BYTERANGE="900@0",INDEPENDENT=YES
                #EXT-X-PART:DURATION=0.266667,URI="segment-00002.m4s",BYTERANGE="100@900"
                #EXTINF:0.500000,
                segment-00002.m4s
                #EXT-X-ENDLIST

                """)
    }

    /// With the presentation's hold-back and the other renditions: the given `PART-HOLD-BACK`, and a
    /// report of each other rendition's last segment (media sequence 1) and last part (1) after the
    /// last segment.
    @Test func playlistsShareTheHoldBackAndReportTheOtherRenditions() {
        var other = Self.rendition
        other.id = "90p"
        other.directory = "90p"
        let text = HLSWriter.media(Self.rendition, partHoldBackSeconds: 1.56, renditionReports: [other])
        #expect(text.contains("#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.560000\n"))
        #expect(
            text.hasSuffix(
                "segment-00002.m4s\n#EXT-X-RENDITION-REPORT:URI=\"../90p/playlist.m3u8\",LAST-MSN=1,LAST-PART=1\n#EXT-X-ENDLIST\n"))
        // A playlist without parts reports nothing.
        var plain = Self.rendition
        plain.segments = plain.segments.map { PackagedSegment(durationSeconds: $0.durationSeconds, bytes: $0.bytes) }
        #expect(!HLSWriter.media(plain, renditionReports: [other]).contains("REPORT"))
    }

    @Test func aRenditionWithoutPartsKeepsTheVODPlaylist() {
        var plain = Self.rendition
        plain.segments = plain.segments.map { PackagedSegment(durationSeconds: $0.durationSeconds, bytes: $0.bytes) }
        #expect(plain.partTargetSeconds == nil)
        let text = HLSWriter.media(plain)
        #expect(text.contains("#EXT-X-PLAYLIST-TYPE:VOD\n"))
        #expect(!text.contains("PART"))
        #expect(!text.contains("SERVER-CONTROL"))
    }

    @Test func lowLatencyValuesFollowTheHandArithmetic() {
        // 2 s segments, 0.5 s parts, the longest 0.5 s: offset 2 − 0.5 = 1.5 s; target 3 × 0.5 s =
        // 1500 ms; min one part, 500 ms; max 4 segments, 8000 ms.
        let even = DASHLowLatency(segmentSeconds: 2, partSeconds: 0.5, partTargetSeconds: 0.5)
        #expect(even.availabilityTimeOffsetSeconds == 1.5)
        #expect(even.targetLatencyMs == 1500 && even.minimumLatencyMs == 500 && even.maximumLatencyMs == 8000)
        // 1 s segments of 0.25 s parts at 30 fps, the longest 8/30 s: 800 ms target, 267 ms min (266.67 up).
        let uneven = DASHLowLatency(segmentSeconds: 1, partSeconds: 0.25, partTargetSeconds: 8.0 / 30)
        #expect(uneven.availabilityTimeOffsetSeconds == 0.75)
        #expect(uneven.targetLatencyMs == 800 && uneven.minimumLatencyMs == 267 && uneven.maximumLatencyMs == 4000)
        // One part per segment: max would be 4 segments = 400 ms... but never below the target (3 × 0.2 s).
        let whole = DASHLowLatency(segmentSeconds: 0.1, partSeconds: 0.1, partTargetSeconds: 0.2)
        #expect(whole.maximumLatencyMs == 600 && whole.availabilityTimeOffsetSeconds == 0)
    }

    /// The MPD's low-latency elements, in the order the MPD schema puts them.
    @Test func mpdCarriesServiceDescriptionAvailabilityOffsetAndUTCTiming() throws {
        let lowLatency = DASHLowLatency(segmentSeconds: 1, partSeconds: 0.25, partTargetSeconds: 8.0 / 30)
        let text = DASHWriter.mpd(video: [Self.rendition], lowLatency: lowLatency)
        let parser = XMLParser(data: Data(text.utf8))
        let collector = DASHWriterTests.Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let names = collector.elements.map(\.name)
        #expect(
            names == [
                "MPD", "ServiceDescription", "Latency", "Period", "AdaptationSet", "Representation", "SegmentTemplate", "SegmentTimeline",
                "S", "S", "UTCTiming",
            ])
        let mpd = collector.elements[0].attributes
        #expect(mpd["type"] == "static")
        #expect(mpd["profiles"] == "urn:mpeg:dash:profile:isoff-live:2011,http://www.dashif.org/guidelines/low-latency-live-v5")
        #expect(collector.elements[2].attributes == ["target": "800", "min": "267", "max": "4000"])
        let template = collector.elements[6].attributes
        #expect(template["availabilityTimeOffset"] == "0.75" && template["availabilityTimeComplete"] == "false")
        #expect(
            collector.elements[10].attributes == ["schemeIdUri": "urn:mpeg:dash:utc:http-xsdate:2014", "value": "https://time.akamai.com/?iso&ms"])
        // 29.97 fps: 60 frames = 2.002 s segments less 0.5 s parts, to the µs.
        let ntsc = DASHLowLatency(segmentSeconds: 60 / (30000.0 / 1001), partSeconds: 0.5, partTargetSeconds: 0.5)
        #expect(DASHWriter.mpd(video: [Self.rendition], lowLatency: ntsc).contains(#"availabilityTimeOffset="1.502""#))
        // Without it, none of these.
        let plain = DASHWriter.mpd(video: [Self.rendition])
        for absent in ["ServiceDescription", "availabilityTime", "UTCTiming", "low-latency"] { #expect(!plain.contains(absent)) }
    }

    // MARK: ladder.json

    /// A ladder.json of two levels and two segments (1 s and 0.5 s) in 0.25 s parts: 4 parts and 2.
    static func ladderJSON(partSeconds: String? = "0.25", parts: String? = "[[[10, 20, 30, 40], [100, 200, 300, 400]], [[5, 5], [50, 50]]]")
        -> String
    {
        var fields = [
            #""abrkit_ladder_version": 1"#, #""segment_duration_ms": 1000"#, #""segment_durations_ms": [1000, 500]"#, #""bitrates_kbps": [100, 400]"#,
            // Bits: (10 + 20 + 30 + 40) × 8 = 800, 1000 × 8 = 8000; 10 × 8 = 80, 100 × 8 = 800.
            #""segment_sizes_bits": [[800, 8000], [80, 800]]"#,
            #""levels": [{"name": "a", "width": 160, "height": 90, "codec": "libx264", "average_kbps": 1, "peak_kbps": 1, "gb_per_hour": 0}, {"name": "b", "width": 320, "height": 180, "codec": "libx264", "average_kbps": 1, "peak_kbps": 1, "gb_per_hour": 0}]"#,
        ]
        if let partSeconds { fields.append(#""part_seconds": \#(partSeconds)"#) }
        if let parts { fields.append(#""segment_part_sizes_bytes": \#(parts)"#) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    @Test func ladderJSONPartSizesBecomeVideoParts() throws {
        let dir = try TemporaryDirectory()
        let video = try LadderVideo.read(path: try dir.file("ladder.json", Self.ladderJSON()))
        let parts = try #require(video.parts)
        #expect(parts.partSeconds == 0.25)
        #expect(parts.bytes == [[[10, 20, 30, 40], [100, 200, 300, 400]], [[5, 5], [50, 50]]])
        #expect(video.segmentBytes == [[100, 1000], [10, 100]])
        // Through the format detection too.
        #expect(try VideoReader.read(path: dir.path("ladder.json")).parts == parts)
        // And a file without the fields has none.
        #expect(try LadderVideo.read(path: try dir.file("plain.json", Self.ladderJSON(partSeconds: nil, parts: nil))).parts == nil)
    }

    static let badParts: [(partSeconds: String?, parts: String?, field: String, words: String)] = [
        ("0.25", nil, "segment_part_sizes_bytes", "both fields or neither"),
        (nil, "[[[100], [1000]], [[10], [100]]]", "part_seconds", "both fields or neither"),
        ("0", "[[[100], [1000]], [[10], [100]]]", "part_seconds", "seconds > 0"),
        ("-1", "[[[100], [1000]], [[10], [100]]]", "part_seconds", "seconds > 0"),
        // Parts that do not add up to the segment: 10 + 20 + 30 + 41 = 101, not 100.
        ("0.25", "[[[10, 20, 30, 41], [100, 200, 300, 400]], [[5, 5], [50, 50]]]", "segment_part_sizes_bytes", "add up to 101"),
        // Three parts where a 1 s segment of 0.25 s parts has four.
        ("0.25", "[[[10, 20, 70], [100, 200, 700]], [[5, 5], [50, 50]]]", "segment_part_sizes_bytes", "expected 4"),
        // A part longer than the (non-last) 1 s segment.
        ("1.5", "[[[100], [1000]], [[10], [100]]]", "segment_part_sizes_bytes", "longer than segment 0"),
    ]

    @Test(arguments: badParts.indices)
    func aBadPartTableNamesTheFileAndTheField(_ index: Int) throws {
        let bad = Self.badParts[index]
        let dir = try TemporaryDirectory()
        let path = try dir.file("ladder.json", Self.ladderJSON(partSeconds: bad.partSeconds, parts: bad.parts))
        let error = try #require(throws: FormatError.self) { try LadderVideo.read(path: path) }
        #expect(error.codingPath == bad.field)
        #expect(error.description.contains(path) && error.description.contains(bad.field) && error.description.contains(bad.words), "\(error)")
    }
}
