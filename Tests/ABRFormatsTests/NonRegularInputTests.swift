import Foundation
import LadderCore
import TestSupport
import Testing

@testable import ABRFormats

/// Input paths that are not regular files: named as what they are, looked at without being opened.
@Suite struct NonRegularInputTests {
    @Test func aFIFOTraceIsNamedAsAFIFOAndNeverOpened() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.path("trace.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for reading blocks until a writer appears; stat answers at once.
        #expect(throws: FormatError(.unreadable, path: fifo, problem: "not a regular file (a FIFO)", expected: "a regular file")) {
            try TraceReader.readAll(paths: [fifo])
        }
    }

    @Test func aCharacterDeviceIsNamedAsOne() {
        #expect(throws: FormatError(.unreadable, path: "/dev/zero", problem: "not a regular file (a character device)", expected: "a regular file")) {
            try TraceReader.read(path: "/dev/zero")
        }
    }

    @Test func aSymbolicLinkLoopIsNamedAsALoop() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: dir.path("b"), withDestinationPath: "a")
        let loop = FormatError(.unreadable, path: dir.path("a"), problem: "a symbolic link loop (ELOOP: too many levels of symbolic links)")
        #expect(throws: loop) { try TraceReader.readAll(paths: [dir.path("a")]) }
        #expect(throws: loop) { try TraceReader.read(path: dir.path("a")) }
        #expect(throws: loop) { try VideoReader.read(path: dir.path("a")) }
    }

    @Test func aDanglingSymbolicLinkNamesItsTarget() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path("trace"), withDestinationPath: "gone.txt")
        #expect(throws: FormatError(.fileNotFound, path: dir.path("trace"), problem: "a symbolic link to gone.txt, which does not exist")) {
            try TraceReader.read(path: dir.path("trace"))
        }
    }

    @Test func aSymbolicLinkToARegularFileIsRead() throws {
        let dir = try TemporaryDirectory()
        try dir.file("real.txt", "0 1\n1 2\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path("trace"), withDestinationPath: "real.txt")
        #expect(try TraceReader.read(path: dir.path("trace")).name == "trace")
    }

    @Test func aFileUsedAsAFolderIsNamed() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.file("file", "0 1\n")
        #expect { try TraceReader.readAll(paths: [file + "/trace.txt"]) } throws: { error in
            let e = error as? FormatError
            return e?.code == .fileNotFound && e?.problem.contains("is a file, not a folder") == true
        }
    }

    @Test func aFIFOLadderSpecIsNamedAsAFIFO() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.path("ladder.json")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect {
            try LadderSpec.load(path: fifo)
        } throws: { error in
            let error = error as? LadderSpecError
            return error?.code == .unreadable && error?.file == fifo && error?.message.contains("not a regular file (a FIFO)") == true
        }
    }

    @Test func fileKindsComeFromStat() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.file("f", "12345")
        #expect(mkfifo(dir.path("p"), 0o600) == 0)
        #expect(try FileKind.of(file) == .regularFile(bytes: 5))
        #expect(try FileKind.of(dir.url.path) == .folder)
        #expect(try FileKind.of(dir.path("p")) == .fifo)
        #expect(try FileKind.of("/dev/null") == .characterDevice)
        #expect(throws: FileKind.LookupError(errno: ENOENT)) { try FileKind.of(dir.path("none")) }
    }
}

/// JSON that is valid but holds a number its field cannot: named with the coding path and value.
@Suite struct JSONNumberFieldTests {
    static func movie(sizes: String) -> String {
        #"{"segment_duration_ms": 4000, "bitrates_kbps": [100, 200], "segment_sizes_bits": [[1000, 2000], \#(sizes)]}"#
    }

    static func ladder(sizes: String, width: String = "426") -> String {
        #"""
        {"abrkit_ladder_version": 1, "segment_duration_ms": 4000, "bitrates_kbps": [100],
         "segment_sizes_bits": [[1000], \#(sizes)],
         "levels": [{"name": "240p", "width": \#(width), "height": 240, "codec": "libx264", "average_kbps": 100, "peak_kbps": 120, "gb_per_hour": 0.045}]}
        """#
    }

    @Test(arguments: [
        ("[3000, 4000.5]", "segment_sizes_bits[1][1]", "4000.5", "is not a whole number of bits"),
        ("[9223372036854775808, 1]", "segment_sizes_bits[1][0]", "9223372036854775808", "does not fit in 64 bits"),
        ("[1, 100000000000000000000]", "segment_sizes_bits[1][1]", "100000000000000000000", "does not fit in 64 bits"),
        ("[-9223372036854775809, 1]", "segment_sizes_bits[1][0]", "-9223372036854775809", "does not fit in 64 bits"),
    ])
    func aSabreMovieSizeThatIsNotA64BitWholeNumberIsNamed(sizes: String, codingPath: String, value: String, problem: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("movie.json", Self.movie(sizes: sizes))
        do {
            _ = try VideoReader.read(path: path)
            Issue.record("expected \(sizes) to be refused")
        } catch {
            #expect(error.code == .outOfRange && error.path == path && error.codingPath == codingPath && error.value == value, "\(error)")
            #expect(error.description.contains(problem) && !error.description.contains("invalid JSON"), "\(error)")
        }
    }

    @Test func aLadderSizeWithAFractionIsNamed() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("ladder.json", Self.ladder(sizes: "[1500.25]"))
        do {
            _ = try LadderVideo.read(path: path)
            Issue.record("expected a size of 1500.25 bits to be refused")
        } catch {
            #expect(error.path == path && error.codingPath == "segment_sizes_bits[1][0]" && error.value == "1500.25", "\(error)")
        }
    }

    @Test func theLargestSignedSixtyFourBitSizeAndAWholeNumberWithADecimalPointStillDecode() throws {
        let file = try JSONInput.decode(
            SabreMovieFile.File.self, from: Data(Self.movie(sizes: "[9223372036854775807, 2000.0]").utf8), path: "movie.json")
        #expect(file.segmentSizesBits == [[1000, 2000], [Int.max, 2000]])
    }

    @Test func aFractionInAnotherWholeNumberFieldSaysWhatKindOfValueIsWrong() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("ladder.json", Self.ladder(sizes: "[1500]", width: "426.5"))
        do {
            _ = try LadderVideo.read(path: path)
            Issue.record("expected a width of 426.5 to be refused")
        } catch {
            #expect(error.code == .outOfRange && error.path == path, "\(error)")
            #expect(error.description.contains("a fraction where a whole number belongs"), "\(error)")
        }
    }

    @Test func jsonThatIsNotValidIsStillCalledInvalid() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.file("movie.json", #"{"segment_duration_ms": 4000, "bitrates_kbps": [100, "#)
        #expect { try VideoReader.read(path: path, format: .sabre) } throws: { ($0 as? FormatError)?.code == .invalidJSON }
    }
}
