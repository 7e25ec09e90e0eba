import ABRSimulator
import Foundation
import TestSupport
import Testing

@testable import ABRFormats

/// DASH MPDs as simulator input: levels, timelines unrolled by hand, sizes from files, and located errors.
@Suite struct DASHVideoTests {
    /// An MPD with one video AdaptationSet of `representations` and an audio set, whose
    /// Representations share `template` (a `SegmentTemplate` element) unless they bring their own.
    static func mpd(_ representations: String, template: String = "", extra: String = "", duration: String = "PT6S") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="\(duration)" minBufferTime="PT2S">
          <Period id="0" start="PT0S">
            <AdaptationSet id="0" contentType="video" mimeType="video/mp4">
              \(template)
              \(representations)
            </AdaptationSet>
            <AdaptationSet id="1" contentType="audio" mimeType="audio/mp4">
              <Representation id="audio" bandwidth="128000">
                <SegmentTemplate media="audio/$Number$.m4s" duration="2" startNumber="1"/>
              </Representation>
            </AdaptationSet>
            \(extra)
          </Period>
        </MPD>
        """
    }

    /// Writes `sizes[name]` zero bytes at each `name` under `dir`, creating folders.
    static func segments(_ sizes: [String: Int], in dir: TemporaryDirectory) throws {
        for (name, bytes) in sizes {
            let url = dir.url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(count: bytes).write(to: url)
        }
    }

    static func error(reading path: String, allowOutside: Bool = false) -> FormatError? {
        do {
            _ = try VideoReader.read(path: path, allowOutside: allowOutside)
            return nil
        } catch { return error }
    }

    @Test func timelineRepeatsNumbersAndFileSizesMakeTheTable() throws {
        // r="1" is two segments of 2 s, then one of 1 s: numbers 1, 2, 3 from startNumber 1.
        let dir = try TemporaryDirectory()
        let template = #"""
            <SegmentTemplate timescale="1000" media="$RepresentationID$/seg-$Number%03d$.m4s" startNumber="1">
              <SegmentTimeline><S t="0" d="2000" r="1"/><S d="1000"/></SegmentTimeline>
            </SegmentTemplate>
            """#
        // Listed high first: levels ascend by @bandwidth whatever the order.
        let reps =
            #"<Representation id="hi" bandwidth="800000" width="640" height="360"/><Representation id="lo" bandwidth="200000" width="320" height="180"/>"#
        let path = try dir.file("manifest.mpd", Self.mpd(reps, template: template, duration: "PT5S"))
        try Self.segments(
            ["lo/seg-001.m4s": 100, "lo/seg-002.m4s": 110, "lo/seg-003.m4s": 50, "hi/seg-001.m4s": 400, "hi/seg-002.m4s": 410, "hi/seg-003.m4s": 200],
            in: dir)
        #expect(try VideoFormat.detect(path: path) == .dash)
        let video = try VideoReader.read(path: path)
        #expect(
            video.levels == [
                Level(bitsPerSecond: 200_000, width: 320, height: 180, name: "lo"), Level(bitsPerSecond: 800_000, width: 640, height: 360, name: "hi"),
            ])
        #expect(video.segmentBytes == [[100, 400], [110, 410], [50, 200]])
        #expect(video.segmentSeconds == 2)
        #expect(video.segmentDurations == [2, 2, 1])
        #expect(video.durationSeconds == 5)
    }

    @Test func timeTemplatesNameEachSegmentByItsStartTick() throws {
        // t=900 then d=300 twice and d=150: $Time$ is 900, 1200, 1500; startNumber does not matter.
        let dir = try TemporaryDirectory()
        let reps = #"""
            <Representation id="v" bandwidth="100000">
              <SegmentTemplate timescale="300" media="v/t$Time$.m4s" startNumber="7" presentationTimeOffset="900">
                <SegmentTimeline><S t="900" d="300" r="1"/><S d="150"/></SegmentTimeline>
              </SegmentTemplate>
            </Representation>
            """#
        let path = try dir.file("manifest.mpd", Self.mpd(reps))
        try Self.segments(["v/t900.m4s": 1, "v/t1200.m4s": 2, "v/t1500.m4s": 3], in: dir)
        let video = try DASHVideo.read(path: path)
        #expect(video.segmentBytes == [[1], [2], [3]])
        #expect(video.segmentDurations == [1, 1, 0.5])
    }

    @Test(arguments: [
        // The Period lasts 5 s at timescale 10: 50 ticks. d=20 r=-1 → 20, 20, and 10 cut at the end.
        (period: "PT5S", expected: [2.0, 2, 1]),
        // Exactly 3 segments fill 6 s; none is cut.
        (period: "PT6S", expected: [2.0, 2, 2]),
        // One tick past 4 s makes a third segment of 0.1 s.
        (period: "PT4.1S", expected: [2.0, 2, 0.1]),
    ])
    func anOpenEndedRepeatRunsToThePeriodsEnd(period: String, expected: [Double]) throws {
        let dir = try TemporaryDirectory()
        let reps = #"""
            <Representation id="v" bandwidth="100000">
              <SegmentTemplate timescale="10" media="v/$Number$.m4s"><SegmentTimeline><S d="20" r="-1"/></SegmentTimeline></SegmentTemplate>
            </Representation>
            """#
        let path = try dir.file("manifest.mpd", Self.mpd(reps, duration: period))
        try Self.segments(["v/1.m4s": 10, "v/2.m4s": 20, "v/3.m4s": 30, "v/4.m4s": 40], in: dir)
        let video = try DASHVideo.read(path: path)
        #expect((0..<video.segmentCount).map { video.duration(ofSegment: $0) } == expected)
        #expect(video.segmentBytes == [[10], [20], [30]])
    }

    @Test func anOpenEndedRepeatStopsAtTheNextSegmentsStart() throws {
        // r=-1 from 0 with d=4 up to t=10: 4, 4, 2; then d=5 from 10.
        let dir = try TemporaryDirectory()
        let reps = #"""
            <Representation id="v" bandwidth="100000">
              <SegmentTemplate media="v/$Number$.m4s"><SegmentTimeline><S t="0" d="4" r="-1"/><S t="10" d="5"/></SegmentTimeline></SegmentTemplate>
            </Representation>
            """#
        let path = try dir.file("manifest.mpd", Self.mpd(reps, duration: "PT15S"))
        try Self.segments(["v/1.m4s": 1, "v/2.m4s": 1, "v/3.m4s": 1, "v/4.m4s": 1], in: dir)
        #expect(try DASHVideo.read(path: path).segmentDurations == [4, 4, 2, 5])
    }

    @Test func aDurationTemplateCutsTheLastSegmentAtThePeriodsEnd() throws {
        // 5 s of 2 s segments: 3, the last 1 s; inherited from the AdaptationSet.
        let dir = try TemporaryDirectory()
        let template = #"<SegmentTemplate timescale="1000" duration="2000" media="$RepresentationID$_$Number%02d$.m4s" startNumber="0"/>"#
        let path = try dir.file("manifest.mpd", Self.mpd(#"<Representation id="a" bandwidth="1000"/>"#, template: template, duration: "PT5S"))
        try Self.segments(["a_00.m4s": 5, "a_01.m4s": 6, "a_02.m4s": 7], in: dir)
        let video = try DASHVideo.read(path: path)
        #expect(video.segmentBytes == [[5], [6], [7]])
        #expect(video.segmentDurations == [2, 2, 1])
    }

    @Test func aSegmentListTakesSizesFromMediaRangesWithoutLookingAtDisk() throws {
        let dir = try TemporaryDirectory()
        let reps = #"""
            <Representation id="v" bandwidth="100000"><BaseURL>v/all.mp4</BaseURL>
              <SegmentList timescale="2" duration="8">
                <SegmentURL mediaRange="0-99"/><SegmentURL mediaRange="100-349"/>
              </SegmentList>
            </Representation>
            """#
        let path = try dir.file("manifest.mpd", Self.mpd(reps, duration: "PT8S"))
        let video = try DASHVideo.read(path: path)
        #expect(video.segmentBytes == [[100], [250]])
        #expect(video.segmentSeconds == 4)
    }

    @Test func aMissingSegmentFileIsNamedWithTheMPDAndItsLine() throws {
        let dir = try TemporaryDirectory()
        let reps = #"""
            <Representation id="v" bandwidth="100000">
              <SegmentTemplate media="v/$Number$.m4s" duration="2"/>
            </Representation>
            """#
        let path = try dir.file("manifest.mpd", Self.mpd(reps, duration: "PT4S"))
        try Self.segments(["v/1.m4s": 10], in: dir)
        let error = try #require(Self.error(reading: path))
        #expect(error.code == .fileNotFound && error.path == path && error.line == 7 && error.value == "v/2.m4s", "\(error)")
        #expect(error.description.contains("segment file \(dir.path("v/2.m4s")) is missing"), "\(error)")
    }

    @Test(arguments: ["../outside.m4s", "v/../../outside.m4s", "ABSOLUTE"])
    func aSegmentOutsideTheMPDsFolderIsRefusedUnlessAllowed(uri: String) throws {
        let dir = try TemporaryDirectory()
        try Self.segments(["outside.m4s": 777], in: dir)
        // title/v exists, so that the kernel can resolve v/../.. when the read is allowed.
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("title/v"), withIntermediateDirectories: true)
        let media = uri == "ABSOLUTE" ? dir.path("outside.m4s") : uri
        let reps = #"<Representation id="v" bandwidth="100000"><SegmentTemplate media="\#(media)" duration="2"/></Representation>"#
        let path = try dir.file("title/manifest.mpd", Self.mpd(reps, duration: "PT2S"))
        let error = try #require(Self.error(reading: path))
        #expect(error.code == .outsideFolder && error.path == path && error.value == media, "\(error)")
        #expect(error.description.contains("MPD's folder") && error.description.contains("--allow-outside"), "\(error)")
        #expect(try DASHVideo.read(path: path, allowOutside: true).segmentBytes == [[777]])
    }

    @Test func malformedXMLIsReportedWithItsLine() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file(
            "manifest.mpd", "<?xml version=\"1.0\"?>\n<MPD>\n  <Period>\n    <AdaptationSet id=\"0\" contentType=\"video\">\n  </Period>\n</MPD>\n")
        let error = try #require(Self.error(reading: path))
        #expect(error.code == .malformedRecord && error.path == path && error.line == 5, "\(error)")
        #expect(error.description.contains("not well-formed XML"), "\(error)")
    }

    /// Foundation's XMLParser crashes on a processing instruction without data (`<?target?>`,
    /// found by DASHManifestFuzzer): they are blanked before parsing, lines kept, comments untouched.
    @Test func processingInstructionsAreIgnoredAndLinesStillCount() throws {
        let text = "<?xml version=\"1.0\"?>\n<?target?>\n<MPD>\n<?xml-stylesheet href=\"s.xsl\"?><!-- <?kept?> -->\n<Period id=\"p\"/>\n<Bad>\n</MPD>\n"
        let blanked = String(decoding: XMLTree.withoutProcessingInstructions(Data(text.utf8)), as: UTF8.self)
        #expect(blanked.hasPrefix("<?xml version=\"1.0\"?>\n          \n<MPD>\n"))
        #expect(blanked.contains("<!-- <?kept?> -->") && !blanked.contains("stylesheet") && blanked.count == text.count)
        let error = try #require(throws: FormatError.self) { try XMLTree.parse(Data(text.utf8), path: "m.mpd") }
        #expect(error.line == 7, "the unclosed <Bad> is still found on its own line: \(error)")
        let tree = try XMLTree.parse(Data(text.replacingOccurrences(of: "<Bad>\n", with: "").utf8), path: "m.mpd")
        #expect(tree.name == "MPD" && tree.children.map(\.name) == ["Period"])
    }

    /// Foundation's XMLParser traps on a name that is not UTF-8 (an element name with a stray 0xCF
    /// byte, found by DASHManifestFuzzer): the reader refuses the bytes first, naming the line.
    @Test(arguments: [[UInt8](#"<Adaptation"#.utf8) + [0xCF] + [UInt8](#"et id="0">"#.utf8), [UInt8](#"<AdaptationSet id=""#.utf8) + [0xFF, 0x22, 0x3E]])
    func bytesThatAreNotUTF8AreAnErrorNotACrash(line: [UInt8]) throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("manifest.mpd")
        let text = [UInt8]("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MPD>\n  <Period>\n    ".utf8) + line + [UInt8]("\n  </Period>\n</MPD>\n".utf8)
        try Data(text).write(to: URL(fileURLWithPath: path))
        let error = try #require(Self.error(reading: path))
        #expect(error.path == path && error.line == 4 && error.description.contains("not UTF-8"), "\(error)")
    }

    @Test(arguments: [
        (body: #"<Representation id="v"><SegmentTemplate media="v.m4s" duration="1"/></Representation>"#, line: 6, says: "bandwidth (none)"),
        (body: #"<Representation id="v" bandwidth="1"><SegmentBase indexRange="0-9"/></Representation>"#, line: 6, says: "SegmentBase"),
        (
            body: #"<Representation id="v" bandwidth="1"><SegmentTemplate media="$Nmber$.m4s" duration="1"/></Representation>"#, line: 6,
            says: "unknown identifier $Nmber$"
        ),
        (
            body: #"<Representation id="v" bandwidth="1"><SegmentTemplate media="$Number$.m4s"/></Representation>"#, line: 6,
            says: "neither a SegmentTimeline nor @duration"
        ),
        (
            body:
                #"<Representation id="v" bandwidth="1"><SegmentTemplate media="x"><SegmentTimeline><S t="5" d="1"/><S t="2" d="1"/></SegmentTimeline></SegmentTemplate></Representation>"#,
            line: 6, says: "before the previous segment's end"
        ),
        (
            body:
                #"<Representation id="v" bandwidth="1"><SegmentTemplate media="x"><SegmentTimeline><S d="1" r="1000000"/></SegmentTimeline></SegmentTemplate></Representation>"#,
            line: 6, says: "at most 100000"
        ),
    ])
    func badRepresentationsAreNamedWithTheirLine(body: String, line: Int, says: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("manifest.mpd", Self.mpd(body))
        let error = try #require(Self.error(reading: path))
        #expect(error.path == path && error.line == line && error.description.contains(says), "\(error)")
    }

    @Test func anMPDWithoutAVideoAdaptationSetSaysSo() throws {
        let dir = try TemporaryDirectory()
        let text = #"<MPD><Period><AdaptationSet contentType="audio"><Representation id="a" bandwidth="1"/></AdaptationSet></Period></MPD>"#
        let error = try #require(Self.error(reading: try dir.file("a.mpd", text)))
        #expect(error.description.contains("no video AdaptationSet"), "\(error)")
    }

    @Test(arguments: [
        ("PT2.5S", 2.5), ("PT1M", 60), ("PT1H0M0.001S", 3600.001), ("P1DT1S", 86_401), ("PT0S", 0),
    ])
    func isoDurationsConvertToSeconds(text: String, seconds: Double) {
        #expect(ISODuration.seconds(text) == seconds)
    }

    @Test(arguments: ["", "P", "PT", "1S", "P1Y", "P1M", "PT1.5", "-PT1S", "PT1S2", "PTXS", "P1H"])
    func isoDurationsAbrkitCannotConvertExactlyAreRefused(text: String) {
        #expect(ISODuration.seconds(text) == nil)
    }

    @Test(arguments: [
        ("seg-$Number%05d$.m4s", "seg-00042.m4s"), ("$RepresentationID$/$Number$", "720p/42"), ("t$Time$", "t90000"),
        ("$Bandwidth$-$$-$Number%1d$", "5000-$-42"), ("$Number%03d$", "042"), ("plain.m4s", "plain.m4s"),
    ])
    func templatesExpandTheirIdentifiers(template: String, expected: String) throws {
        #expect(try DASHVideo.expand(template, representationID: "720p", number: 42, time: 90000, bandwidth: "5000", path: "m", line: 1) == expected)
    }

    @Test(arguments: ["$Number", "$Foo$", "$RepresentationID%02d$", "$Number%05x$", "$Number%099d$"])
    func badTemplatesAreRefused(template: String) {
        #expect(throws: FormatError.self) {
            try DASHVideo.expand(template, representationID: "v", number: 1, time: 0, bandwidth: "1", path: "m", line: 1)
        }
    }
}
