import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// Videos from Sabre movie JSON, ladder.json and Pensieve folders, and their bad-input errors.
@Suite struct VideoReaderTests {
    static let movie = #"{"segment_duration_ms": 2000, "bitrates_kbps": [100, 400], "segment_sizes_bits": [[200000, 800004], [199996, 7]]}"#

    @Test func sabreMovieSizesAreBitsOverEightRoundedHalfUp() throws {
        let scratch = try TemporaryDirectory()
        let video = try VideoReader.read(path: try scratch.file("movie.json", Self.movie))
        #expect(video.levels.map(\.bitsPerSecond) == [100_000, 400_000])
        #expect(video.segmentSeconds == 2)
        // 800004 / 8 = 100000.5 → 100001; 199996 / 8 = 24999.5 → 25000; 7 / 8 → 1.
        #expect(video.segmentBytes == [[25_000, 100_001], [25_000, 1]])
        #expect(video.segmentQuality == nil)
    }

    /// Writes a two-level ladder.json with `quality` as `name` in `scratch` and returns its path.
    static func ladder(quality: [String: [[Double]]]?, in scratch: TemporaryDirectory, name: String = "ladder.json") throws -> String {
        let info = { (name: String, height: Int) in
            LadderFile.LevelInfo(name: name, width: height * 16 / 9, height: height, codec: "h264", averageKbps: 1, peakKbps: 1, gbPerHour: 1)
        }
        let file = LadderFile(
            segmentDurationMs: 4000, bitratesKbps: [500, 1500], segmentSizesBits: [[16000, 48000]],
            levels: [info("360p", 360), info("720p", 720)], segmentQuality: quality)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try scratch.file(name, String(decoding: try encoder.encode(file), as: UTF8.self))
    }

    @Test func ladderPrefersSSIMdBThenPSNRdBUnlessNamed() throws {
        let scratch = try TemporaryDirectory()
        let both = try Self.ladder(quality: ["psnr_db": [[30, 40]], "ssim_db": [[10, 15]], "vmaf": [[60, 90]]], in: scratch)
        let video = try VideoReader.read(path: both)
        #expect(video.levels.map(\.name) == ["360p", "720p"])
        #expect(video.levels.map(\.height) == [360, 720])
        #expect(video.segmentBytes == [[2000, 6000]])
        #expect(video.qualityMetric == "ssim_db")
        #expect(video.segmentQuality == [[10, 15]])
        #expect(try VideoReader.read(path: both, qualityMetric: "vmaf").segmentQuality == [[60, 90]])
        let psnrOnly = try VideoReader.read(path: try Self.ladder(quality: ["psnr_db": [[30, 40]]], in: scratch, name: "psnr.json"))
        #expect(psnrOnly.qualityMetric == "psnr_db")
        #expect(try VideoReader.read(path: try Self.ladder(quality: nil, in: scratch, name: "plain.json")).segmentQuality == nil)
        #expect { try VideoReader.read(path: both, qualityMetric: "ssim") } throws: {
            ($0 as? FormatError)?.code == .inconsistentTable && "\($0)".contains("psnr_db, ssim_db, vmaf")
        }
    }

    @Test func ladderDetectsAsLadderAndMovieAsSabre() throws {
        let scratch = try TemporaryDirectory()
        #expect(try VideoFormat.detect(path: try Self.ladder(quality: nil, in: scratch)) == .ladder)
        #expect(try VideoFormat.detect(path: try scratch.file("m.json", Self.movie)) == .sabre)
        #expect(try VideoFormat.detect(path: try scratch.directory("pensieve").path) == .pensieve)
    }

    /// Writes `files` as `video_size_0`, `video_size_1`, … in a new folder of `scratch` and returns its path.
    static func pensieveFolder(_ files: [String], in scratch: TemporaryDirectory) throws -> String {
        let folder = try scratch.directory("pensieve")
        for (i, text) in files.enumerated() { try Data(text.utf8).write(to: folder.appendingPathComponent("video_size_\(i)")) }
        return folder.path
    }

    @Test func pensieveFolderReadsBytesPerChunkPerLevel() throws {
        let scratch = try TemporaryDirectory()
        let path = try Self.pensieveFolder(["10\n20\n30\n", "11\n21\n31\n"], in: scratch)
        let video = try VideoReader.read(path: path, bitratesKbps: [300, 750], segmentSeconds: 2)
        #expect(video.segmentBytes == [[10, 11], [20, 21], [30, 31]])
        #expect(video.segmentSeconds == 2)
        #expect(try VideoReader.read(path: path, bitratesKbps: [300, 750], segmentLimit: 2).segmentBytes == [[10, 11], [20, 21]])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Makes the bad input in the test's scratch folder and returns its path.
        var make: @Sendable (TemporaryDirectory) throws -> String
        var bitratesKbps: [Double] = [300, 750]
        var code: FormatError.Code
        var says: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "file count differs from bitrates", make: { try pensieveFolder(["1\n", "2\n", "3\n"], in: $0) }, code: .inconsistentTable,
            says: "3 video_size_N files for 2 bitrates"),
        Case(name: "zero levels (no files)", make: { try pensieveFolder([], in: $0) }, code: .inconsistentTable, says: "zero levels"),
        Case(
            name: "files of different lengths", make: { try pensieveFolder(["1\n2\n", "1\n"], in: $0) }, code: .inconsistentTable,
            says: "video_size_1: 1 chunk sizes, but video_size_0 has 2"),
        Case(name: "zero segments", make: { try pensieveFolder(["", ""], in: $0) }, code: .emptyFile, says: "zero segments"),
        Case(
            name: "size not a number", make: { try pensieveFolder(["1\n2\n", "1\n2k\n"], in: $0) }, code: .notANumber,
            says: #"video_size_1:2: chunk size "2k" is not a number"#),
        Case(name: "negative size", make: { try pensieveFolder(["1\n-2\n", "1\n2\n"], in: $0) }, code: .outOfRange, says: "video_size_0:2"),
        Case(
            name: "ragged Sabre table",
            make: {
                try $0.file("m.json", #"{"segment_duration_ms": 2000, "bitrates_kbps": [1, 2], "segment_sizes_bits": [[1, 2], [3]]}"#)
            }, code: .inconsistentTable, says: "segment_sizes_bits[1]: segment 1 has 1 sizes; expected 2, one per bitrate"),
        Case(
            name: "zero levels (Sabre)",
            make: {
                try $0.file("m.json", #"{"segment_duration_ms": 2000, "bitrates_kbps": [], "segment_sizes_bits": [[]]}"#)
            }, code: .inconsistentTable, says: "zero levels"),
        Case(
            name: "zero segments (Sabre)",
            make: {
                try $0.file("m.json", #"{"segment_duration_ms": 2000, "bitrates_kbps": [1], "segment_sizes_bits": []}"#)
            }, code: .inconsistentTable, says: "zero segments"),
        Case(
            name: "negative segment size",
            make: {
                try $0.file("m.json", #"{"segment_duration_ms": 2000, "bitrates_kbps": [1], "segment_sizes_bits": [[8], [-8]]}"#)
            }, code: .outOfRange, says: "segment_sizes_bits[1][0]"),
        Case(
            name: "zero segment duration",
            make: {
                try $0.file("m.json", #"{"segment_duration_ms": 0, "bitrates_kbps": [1], "segment_sizes_bits": [[8]]}"#)
            }, code: .outOfRange, says: "segment_duration_ms 0 is out of range"),
        Case(
            name: "bitrates not ascending",
            make: {
                try $0.file("m.json", #"{"segment_duration_ms": 1000, "bitrates_kbps": [2, 1], "segment_sizes_bits": [[8, 8]]}"#)
            }, code: .invalidModel, says: "levels must ascend"),
        Case(
            name: "invalid JSON with coding path",
            make: {
                try $0.file("m.json", #"{"segment_duration_ms": 1000, "bitrates_kbps": [1, "two"], "segment_sizes_bits": [[8, 8]]}"#)
            }, code: .invalidJSON, says: "bitrates_kbps[1]"),
        Case(name: "truncated JSON", make: { try $0.file("m.json", #"{"segment_duration_ms": 10"#) }, code: .unknownFormat, says: "nor a JSON object"),
        Case(name: "empty file", make: { try $0.file("m.json", "") }, code: .emptyFile, says: "empty"),
    ]

    @Test(arguments: cases)
    func badVideoFailsWithALocatedError(c: Case) throws {
        let scratch = try TemporaryDirectory()
        let path = try c.make(scratch)
        do {
            let video = try VideoReader.read(path: path, bitratesKbps: c.bitratesKbps)
            Issue.record("read \(video.segmentCount) segments from bad input")
        } catch {
            #expect(error.code == c.code)
            #expect(error.description.contains(c.says), "\(error.description)")
            #expect(error.description.hasPrefix(path))
        }
    }

    @Test func truncatedJSONWithAnExplicitFormatReportsTheDecoderError() throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.file("m.json", #"{"segment_duration_ms": 10"#)
        #expect { try VideoReader.read(path: path, format: .sabre) } throws: { ($0 as? FormatError)?.code == .invalidJSON }
    }
}
