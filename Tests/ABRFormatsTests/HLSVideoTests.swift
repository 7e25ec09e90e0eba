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

/// HLS segment files on disk: links followed, non-regular files and URIs outside the master's folder refused.
@Suite struct HLSSegmentFileTests {
    /// A master playlist with one variant `v/a.m3u8` whose one segment's URI is `segment`.
    static func playlist(segment: String, in dir: TemporaryDirectory) throws -> String {
        try dir.directory("v")
        try dir.file("v/a.m3u8", "#EXTM3U\n#EXTINF:4.0,\n\(segment)\n")
        return try dir.file("master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000\nv/a.m3u8\n")
    }

    /// Writes `bytes` zero bytes to `name` inside `dir` and returns its path.
    @discardableResult
    static func segmentFile(_ name: String, bytes: Int, in dir: TemporaryDirectory) throws -> String {
        let path = dir.path(name)
        try Data(count: bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The one error reading `master` throws (a test failure when it reads).
    static func error(reading master: String, allowOutside: Bool = false) -> FormatError? {
        do {
            _ = try HLSVideo.read(path: master, allowOutside: allowOutside)
            Issue.record("expected \(master) to be refused")
            return nil
        } catch {
            return error
        }
    }

    @Test func aSymbolicLinkToASegmentCountsTheFileItPointsAt() throws {
        let dir = try TemporaryDirectory()
        try dir.directory("v")
        let target = try Self.segmentFile("v/real.m4s", bytes: 95_000, in: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.path("v/link.m4s"), withDestinationPath: target)
        // The link's own length (lstat) is the length of the target's path, a few dozen bytes.
        let video = try HLSVideo.read(path: try Self.playlist(segment: "link.m4s", in: dir))
        #expect(video.segmentBytes == [[95_000]])
    }

    @Test func aRelativeSymbolicLinkToASegmentCountsTheFileItPointsAt() throws {
        let dir = try TemporaryDirectory()
        try dir.directory("v")
        try Self.segmentFile("v/real.m4s", bytes: 1234, in: dir)
        try FileManager.default.createSymbolicLink(atPath: dir.path("v/link.m4s"), withDestinationPath: "real.m4s")
        #expect(try HLSVideo.read(path: try Self.playlist(segment: "link.m4s", in: dir)).segmentBytes == [[1234]])
    }

    enum Special: String, CaseIterable, Sendable { case fifo, folder, loop, danglingLink }

    @Test(arguments: Special.allCases)
    func aSegmentThatIsNotARegularFileIsRefusedWithItsPlaylistLineAndURI(special: Special) throws {
        let dir = try TemporaryDirectory()
        let master = try Self.playlist(segment: "seg.m4s", in: dir)
        let path = dir.path("v/seg.m4s")
        let phrase: String
        switch special {
        case .fifo:
            #expect(mkfifo(path, 0o600) == 0)
            phrase = "not a regular file (a FIFO)"
        case .folder:
            try dir.directory("v/seg.m4s")
            phrase = "not a regular file (a folder)"
        case .loop:
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "seg.m4s")
            phrase = "symbolic link loop"
        case .danglingLink:
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere.m4s")
            phrase = "a symbolic link to nowhere.m4s, which does not exist"
        }
        let error = try #require(Self.error(reading: master))
        #expect(error.path == dir.path("v/a.m3u8") && error.line == 3 && error.value == "seg.m4s", "\(error)")
        #expect(error.description.contains(phrase), "\(error)")
    }

    @Test func aCharacterDeviceIsRefusedEvenWhereOutsideFilesAreAllowed() throws {
        let dir = try TemporaryDirectory()
        let error = try #require(Self.error(reading: try Self.playlist(segment: "/dev/zero", in: dir), allowOutside: true))
        #expect(error.code == .unreadable && error.description.contains("not a regular file (a character device)"), "\(error)")
    }

    @Test(arguments: ["../../outside.m4s", "../../v/../outside.m4s", "ABSOLUTE"])
    func aSegmentURIOutsideTheMasterPlaylistsFolderIsRefusedUnlessAllowed(uri: String) throws {
        // dir/outside.m4s beside dir/title/master.m3u8 and dir/title/v/a.m3u8.
        let dir = try TemporaryDirectory()
        let outside = try Self.segmentFile("outside.m4s", bytes: 777, in: dir)
        try dir.directory("v")
        try dir.directory("title/v")
        let uri = uri == "ABSOLUTE" ? outside : uri
        try dir.file("title/v/a.m3u8", "#EXTM3U\n#EXTINF:4.0,\n\(uri)\n")
        let master = try dir.file("title/master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000\nv/a.m3u8\n")
        let error = try #require(Self.error(reading: master))
        #expect(error.code == .outsideFolder && error.path == dir.path("title/v/a.m3u8") && error.line == 3 && error.value == uri, "\(error)")
        #expect(error.description.contains("--allow-outside"), "\(error)")
        #expect(try HLSVideo.read(path: master, allowOutside: true).segmentBytes == [[777]])
    }

    @Test(arguments: ["seg.m4s", "./seg.m4s", "../v/seg.m4s", "x/../seg.m4s", "../../title/v/seg.m4s"])
    func aSegmentURIThatStaysInsideTheFolderIsRead(uri: String) throws {
        let dir = try TemporaryDirectory()
        let title = try dir.directory("title")
        try FileManager.default.createDirectory(at: title.appendingPathComponent("v/x"), withIntermediateDirectories: true)
        try Data(count: 42).write(to: title.appendingPathComponent("v/seg.m4s"))
        try Data("#EXTM3U\n#EXTINF:4.0,\n\(uri)\n".utf8).write(to: title.appendingPathComponent("v/a.m3u8"))
        try Data("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000\nv/a.m3u8\n".utf8).write(to: title.appendingPathComponent("master.m3u8"))
        #expect(try HLSVideo.read(path: dir.path("title/master.m3u8")).segmentBytes == [[42]])
    }

    @Test func aVariantURIOutsideTheFolderIsRefusedWithTheMasterLine() throws {
        let outer = try TemporaryDirectory()
        try outer.file("a.m3u8", "#EXTM3U\n#EXTINF:4.0,\n#EXT-X-BYTERANGE:100@0\nseg.m4s\n")
        let title = try outer.directory("title")
        let master = title.appendingPathComponent("master.m3u8").path
        try Data("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-STREAM-INF:BANDWIDTH=100000\n../a.m3u8\n".utf8).write(to: URL(fileURLWithPath: master))
        let error = try #require(Self.error(reading: master))
        #expect(error.code == .outsideFolder && error.path == master && error.line == 4 && error.value == "../a.m3u8", "\(error)")
        #expect(try HLSVideo.read(path: master, allowOutside: true).segmentBytes == [[100]])
    }

    @Test func aMediaPlaylistThatIsAFIFOIsRefusedWithTheMasterLineWithoutBeingOpened() throws {
        let dir = try TemporaryDirectory()
        let master = try dir.file("master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000\nv.m3u8\n")
        #expect(mkfifo(dir.path("v.m3u8"), 0o600) == 0)
        let error = try #require(Self.error(reading: master))
        #expect(error.path == master && error.line == 3 && error.value == "v.m3u8", "\(error)")
        #expect(error.description.contains("not a regular file (a FIFO)"), "\(error)")
    }

    @Test func aByteRangeSegmentIsNotLookedAtSoItsURIMayBeAnything() throws {
        let dir = try TemporaryDirectory()
        try dir.file("v.m3u8", "#EXTM3U\n#EXTINF:4.0,\n#EXT-X-BYTERANGE:500@0\nhttps://cdn.example/seg.m4s\n#EXTINF:4.0,\n#EXT-X-BYTERANGE:600\n../../x.m4s\n")
        let master = try dir.file("master.m3u8", "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100000\nv.m3u8\n")
        #expect(try HLSVideo.read(path: master).segmentBytes == [[500], [600]])
    }

    @Test func aRemoteSegmentWithoutAByteRangeIsNamedAsRemote() throws {
        let dir = try TemporaryDirectory()
        let error = try #require(Self.error(reading: try Self.playlist(segment: "https://cdn.example/seg.m4s", in: dir), allowOutside: true))
        #expect(error.line == 3 && error.description.contains("remote URI"), "\(error)")
    }
}

/// The results CSV reader: RFC 4180 quoting, and located errors.
@Suite struct CSVTableTests {
    @Test func quotedFieldsRoundTrip() throws {
        var csv = CSVBuffer()
        csv.row(["a", "b"])
        csv.row(["x,y", "say \"hi\"\nthere"])
        csv.row(["1", ""])
        let (header, records) = try CSVTable.parse(String(decoding: csv.bytes, as: UTF8.self), path: "t.csv")
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
