import ABRSimulator
import Foundation
import TestSupport
import Testing

@testable import ABRFormats

/// HLS master playlists as simulator input: sizes from byte ranges or files, and located errors.
@Suite struct HLSVideoTests {
    static let master = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-STREAM-INF:BANDWIDTH=2400000,AVERAGE-BANDWIDTH=2000000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
        hi.m3u8
        #EXT-X-STREAM-INF:BANDWIDTH=600000,AVERAGE-BANDWIDTH=500000,RESOLUTION=640x360
        lo.m3u8
        """

    static func media(_ ranges: [Int]) -> String {
        "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-MAP:URI=\"init.mp4\"\n"
            + ranges.map { "#EXTINF:4.000,\n#EXT-X-BYTERANGE:\($0)@0\nmedia.mp4\n" }.joined() + "#EXT-X-ENDLIST\n"
    }

    @Test func levelsAscendByAverageBandwidthAndSizesComeFromByteRanges() throws {
        let dir = try TemporaryDirectory()
        try dir.file("master.m3u8", Self.master)
        try dir.file("hi.m3u8", Self.media([1000, 1100]))
        try dir.file("lo.m3u8", Self.media([250, 260]))
        let video = try VideoReader.read(path: dir.path("master.m3u8"))
        #expect(video.levels.map(\.bitsPerSecond) == [500_000, 2_000_000])
        #expect(video.levels.map(\.height) == [360, 720])
        #expect(video.segmentBytes == [[250, 1000], [260, 1100]])
        #expect(video.segmentSeconds == 4)
    }

    @Test func attributeListsKeepQuotedCommas() {
        let attributes = HLSVideo.attributes(#"BANDWIDTH=1,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=2x2"#)
        #expect(attributes == ["BANDWIDTH": "1", "CODECS": "avc1.64001f,mp4a.40.2", "RESOLUTION": "2x2"])
    }

    @Test func aMissingSegmentFileIsNamedWithItsPlaylistLine() throws {
        let dir = try TemporaryDirectory()
        try dir.file("master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\nv.m3u8\n")
        try dir.file("v.m3u8", "#EXTM3U\n#EXTINF:2.0,\nseg-1.m4s\n")
        do {
            _ = try HLSVideo.read(path: dir.path("master.m3u8"))
            Issue.record("expected a missing-segment error")
        } catch {
            #expect(error.code == .fileNotFound)
            #expect(error.path.hasSuffix("v.m3u8") && error.line == 3 && error.value == "seg-1.m4s")
        }
    }

    @Test(arguments: [
        ("not a playlist\n", FormatError.Code.unknownFormat),
        ("#EXTM3U\n#EXT-X-VERSION:7\n", .inconsistentTable),
        ("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=abc\nv.m3u8\n", .outOfRange),
    ])
    func badMastersAreRejected(text: String, code: FormatError.Code) throws {
        let dir = try TemporaryDirectory()
        try dir.file("master.m3u8", text)
        do {
            _ = try HLSVideo.read(path: dir.path("master.m3u8"))
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func aNonNumericDurationIsRejectedWithItsLine() throws {
        let dir = try TemporaryDirectory()
        try dir.file("master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\nv.m3u8\n")
        try dir.file("v.m3u8", "#EXTM3U\n#EXTINF:four,\n#EXT-X-BYTERANGE:10@0\nm.mp4\n")
        do {
            _ = try HLSVideo.read(path: dir.path("master.m3u8"))
            Issue.record("expected an EXTINF error")
        } catch {
            #expect(error.code == .outOfRange && error.line == 2 && error.value == "four")
        }
    }
}

/// The results CSV reader: RFC 4180 quoting, and located errors.
@Suite struct CSVTableTests {
    @Test func quotedFieldsRoundTrip() throws {
        var table = CSVTable(header: ["a", "b"])
        table.append(["x,y", "say \"hi\"\nthere"])
        table.append(["1", ""])
        let (header, records) = try CSVTable.parse(table.text, path: "t.csv")
        #expect(header == ["a", "b"])
        #expect(records == [["x,y", "say \"hi\"\nthere"], ["1", ""]])
    }

    @Test func aRaggedRecordNamesItsLine() {
        do {
            _ = try CSVTable.parse("a,b\n1,2\n3\n", path: "t.csv")
            Issue.record("expected a ragged-record error")
        } catch {
            #expect(error.code == .malformedRecord && error.line == 3)
        }
    }

    @Test func anUnclosedQuoteAndAnEmptyFileAreErrors() {
        #expect(throws: FormatError.self) { try CSVTable.parse("a\n\"open\n", path: "t.csv") }
        #expect(throws: FormatError.self) { try CSVTable.parse("", path: "t.csv") }
    }

    @Test(
        "numbers are locale-free, rounded, without trailing zeros",
        arguments: [
            (0.5, "0.5"), (2.0, "2"), (1.0 / 3, "0.333333"), (-0.25, "-0.25"), (-0.0000001, "0"), (1234567.0000004, "1234567"),
        ])
    func decimals(value: Double, text: String) {
        #expect(NumberFormat.decimal(value) == text)
    }
}
