#if FFmpeg
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// The boxes CMAF and DASH ask for, read from real encodes with ``MP4Boxes`` and checked again with
/// `ffprobe` as an independent reader: a `styp` opening every media segment, a `colr` in the sample
/// entry of every init segment, and output that still plays through both manifests.
@Suite("CMAF conformance", .serialized)
struct CMAFConformanceTests {
    /// A 2 s, two-rung encode (1 s segments) of the built-in sample.
    private static func encode(_ directory: TemporaryDirectory) throws -> EncodeReport {
        try EncodeJob(
            options: EncodeOptions(
                input: .sample(durationSeconds: 2), ladder: TestLadder.make(), outputDirectory: directory.url, measureQuality: false)
        ).run()
    }

    private static func bytes(_ directory: TemporaryDirectory, _ rung: String, _ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.url.appendingPathComponent("\(rung)/\(file)")))
    }

    @Test func everyMediaSegmentStartsWithAStypOfTheCMAFAndDASHBrands() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encode(directory)
        for rung in report.rungs {
            #expect(rung.segmentBytes.count == 2)
            for number in 1...rung.segmentBytes.count {
                let segment = try Self.bytes(directory, rung.rung.name, SegmentNaming.mediaSegment(number: number))
                let boxes = try #require(MP4Boxes.children(segment[...]))
                // styp, then exactly one fragment: one CMAF segment = one CMAF fragment.
                #expect(boxes.map(\.type) == ["styp", "moof", "mdat"], "\(rung.rung.name) segment \(number)")
                let brands = try #require(MP4Boxes.brands(boxes[0].payload))
                #expect(brands.major == "cmfs")
                #expect(brands.minor == 0)
                #expect(brands.compatible == ["cmfs", "cmff", "msdh"])
                // ladder.json's sizes are the files' sizes, styp included.
                #expect(segment.count == rung.segmentBytes[number - 1])
            }
        }
    }

    @Test func initSegmentDeclaresCMAFAndCarriesBT709LimitedRangeColour() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encode(directory)
        for rung in report.rungs {
            let initSegment = try Self.bytes(directory, rung.rung.name, SegmentNaming.initSegment)
            let ftyp = try #require(MP4Boxes.find(["ftyp"], in: initSegment[...]))
            #expect(try #require(MP4Boxes.brands(ftyp)).compatible.contains("cmfc"))
            // No media segment brand in the header, and no styp before the ftyp.
            #expect(MP4Boxes.children(initSegment[...])?.map(\.type) == ["ftyp", "moov"])
            let entry = try #require(MP4Boxes.visualSampleEntry(initSegment))
            #expect(entry.type == "avc1")
            let colr = try #require(entry.children.first { $0.type == "colr" }?.payload)
            let nclx = try #require(MP4Boxes.nclx(colr))
            #expect(nclx.primaries == 1 && nclx.transfer == 1 && nclx.matrix == 1 && !nclx.fullRange, "\(rung.rung.name): \(nclx)")
        }
    }

    @Test func ffprobeReadsBT709LimitedRangeAndEveryFrameThroughBothManifests() throws {
        let directory = try TemporaryDirectory.forEncoding()
        _ = try Self.encode(directory)
        for manifest in ["master.m3u8", "manifest.mpd"] {
            // One stream at a time (as in EncodeJobTests); ffprobe prints each under its program too.
            var streams: Set<String> = []
            for index in 0..<2 {
                let output = try FFmpegCLI.probe([
                    "-select_streams", "v:\(index)", "-count_frames", "-show_entries",
                    "stream=width,color_range,color_space,color_transfer,color_primaries,nb_read_frames", "-of", "csv=p=0",
                    directory.path(manifest),
                ])
                streams.formUnion(output.split(separator: "\n").map(String.init))
            }
            #expect(streams == ["160,tv,bt709,bt709,bt709,60", "320,tv,bt709,bt709,bt709,60"], "\(manifest)")
            // A full decode through the manifest: any demuxer or decoder complaint is an error line.
            let log = try FFmpegCLI.run(["-v", "error", "-i", directory.path(manifest), "-map", "0:v", "-f", "null", "-"])
            #expect(log.isEmpty, "\(manifest): \(log)")
        }
    }

    /// (colour, ffprobe's color_range,color_space,color_transfer,color_primaries): the writer takes
    /// the encoder's colour, whatever it is; BT.601 (code 6) full range is the other side of the default.
    static let colours: [(ColourDescription, String)] = [
        (.bt709LimitedRange, "tv,bt709,bt709,bt709"),
        (ColourDescription(primaries: 6, transfer: 6, matrix: 6, fullRange: true), "pc,smpte170m,smpte170m,smpte170m"),
        (ColourDescription(primaries: 9, transfer: 1, matrix: 9, fullRange: false), "tv,bt2020nc,bt709,bt2020"),
    ]

    @Test(arguments: colours.indices)
    func colrAndTheBitstreamCarryTheEncodersColourSettings(_ index: Int) throws {
        let (colour, probed) = Self.colours[index]
        let directory = try TemporaryDirectory.forEncoding()
        let source = try SyntheticSource(width: 160, height: 90, durationSeconds: 0.2)
        var settings = EncoderSettings.make(
            rung: TestLadder.make().rungs[0], codecName: "libx264", gopFrames: 6, timeBase: source.description.frameTimeBase)
        settings.colour = colour
        let encoder = try FrameEncoder(settings: settings)
        let muxer = try FragmentedMP4Writer(parameters: try encoder.parameters(), timeBase: settings.timeBase)
        let initSegment = try muxer.writeHeader()
        var file = initSegment
        while let frame = try source.nextFrame() {
            try encoder.send(frame)
            while let packet = try encoder.receive() { packet.duration = 1; try muxer.write(packet) }
        }
        try encoder.send(nil)
        while let packet = try encoder.receive() { packet.duration = 1; try muxer.write(packet) }
        let segment = try muxer.flushFragment()
        try muxer.finish()
        #expect(Array(segment.prefix(SegmentTypeBox.bytes.count)) == SegmentTypeBox.bytes)
        file += segment

        let colr = try #require(MP4Boxes.visualSampleEntry(initSegment)?.children.first { $0.type == "colr" }?.payload)
        let nclx = try #require(MP4Boxes.nclx(colr))
        #expect(nclx.primaries == colour.primaries && nclx.transfer == colour.transfer && nclx.matrix == colour.matrix)
        #expect(nclx.fullRange == colour.fullRange)
        let path = directory.path("colour.mp4")
        try Data(file).write(to: URL(fileURLWithPath: path))
        let output = try FFmpegCLI.probe([
            "-count_frames", "-show_entries", "stream=color_range,color_space,color_transfer,color_primaries,nb_read_frames",
            "-of", "csv=p=0", path,
        ])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == probed + ",6")
    }

    /// A file source's stated colour carries into every rung (scaling keeps primaries, transfer and
    /// matrix); what it leaves unstated is BT.709. The source is made by the ffmpeg CLI, and ffprobe
    /// reads the rungs back through the HLS manifest.
    @Test(arguments: [
        (["-color_primaries", "smpte170m", "-color_trc", "smpte170m", "-colorspace", "smpte170m"], "tv,smpte170m,smpte170m,smpte170m"),
        ([String](), "tv,bt709,bt709,bt709"),
    ])
    func aFileSourcesStatedColourReachesEveryRung(tags: [String], probed: String) throws {
        let directory = try TemporaryDirectory.forEncoding()
        let source = directory.path("source.mp4")
        _ = try FFmpegCLI.run(
            ["-v", "error", "-f", "lavfi", "-i", "testsrc2=duration=1:size=320x180:rate=30", "-pix_fmt", "yuv420p", "-c:v", "libx264"] + tags
                + ["-y", source])
        _ = try EncodeJob(
            options: EncodeOptions(
                input: .file(path: source), ladder: TestLadder.make(), outputDirectory: directory.url.appendingPathComponent("out"),
                measureQuality: false)
        ).run()
        for index in 0..<2 {
            let output = try FFmpegCLI.probe([
                "-select_streams", "v:\(index)", "-show_entries", "stream=color_range,color_space,color_transfer,color_primaries", "-of", "csv=p=0",
                directory.path("out/master.m3u8"),
            ])
            #expect(Set(output.split(separator: "\n").map(String.init)) == [probed], "rung \(index)")
        }
    }
}
#endif
