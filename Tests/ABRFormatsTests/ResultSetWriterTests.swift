import Foundation
import TestSupport
import Testing

@testable import ABRFormats

/// `sessions.csv` and `segments.csv` appear together or not at all, one run at a time per folder.
@Suite struct ResultSetWriterTests {
    static func contents(_ folder: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return files
    }

    static func commit(_ target: String, sessions: String, segments: String) throws {
        let writer = try ResultSetWriter(target: target)
        try writer.write(sessions, to: "sessions.csv")
        try writer.write(segments, to: "segments.csv")
        try writer.commit()
    }

    @Test func aCommittedSetHasBothFilesAndAManifestOfTheirSizes() throws {
        let scratch = try TemporaryDirectory()
        let target = scratch.path("out")
        try Self.commit(target, sessions: "a\n1\n", segments: "b\n22\n")
        let files = try Self.contents(target)
        #expect(files["sessions.csv"] == "a\n1\n" && files["segments.csv"] == "b\n22\n")
        let manifest = try #require(files["run.json"])
        #expect(manifest.contains(#"{"name": "segments.csv", "bytes": 5}"#) && manifest.contains(#"{"name": "sessions.csv", "bytes": 4}"#))
        // Nothing but the lock file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [".out.lock", "out"])
    }

    @Test func aRunThatStopsBeforeCommittingLeavesThePreviousSetWhole() throws {
        let scratch = try TemporaryDirectory()
        let target = scratch.path("out")
        try Self.commit(target, sessions: "old sessions\n", segments: "old segments\n")
        let before = try Self.contents(target)
        do {
            let writer = try ResultSetWriter(target: target)
            try writer.write("new sessions\n", to: "sessions.csv")
            // Interrupted here: no segments.csv, no commit.
        }
        #expect(try Self.contents(target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [".out.lock", "out"])
    }

    @Test func aSecondSetReplacesTheFirstWhole() throws {
        let scratch = try TemporaryDirectory()
        let target = scratch.path("out")
        try Self.commit(target, sessions: "old sessions\n", segments: "old segments\n")
        try Self.commit(target, sessions: "new\n", segments: "new too\n")
        let files = try Self.contents(target)
        #expect(files["sessions.csv"] == "new\n" && files["segments.csv"] == "new too\n")
    }

    @Test func aConcurrentWriterIsRefusedWhileTheFirstHoldsTheFolder() throws {
        let scratch = try TemporaryDirectory()
        let target = scratch.path("out")
        let first = try ResultSetWriter(target: target)
        #expect { try ResultSetWriter(target: target) } throws: { ($0 as? FormatError)?.code == .outputConflict }
        try first.write("s\n", to: "sessions.csv")
        try first.commit()
        _ = try ResultSetWriter(target: target)  // free again once the first is gone
    }

    @Test func stagingFoldersOfKilledRunsAreRemovedByTheNextRun() throws {
        let scratch = try TemporaryDirectory()
        let stale = try scratch.directory(".out.staging-99999999")
        try Data(count: 1 << 20).write(to: stale.appendingPathComponent("segments.csv"))
        try Self.commit(scratch.path("out"), sessions: "s\n", segments: "g\n")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func aFolderWithOtherFilesOrAFileIsNotReplaced() throws {
        let scratch = try TemporaryDirectory()
        try scratch.directory("notes")
        try scratch.file("notes/paper.tex", "keep me")
        #expect { try ResultSetWriter(target: scratch.path("notes")) } throws: { error in
            (error as? FormatError)?.code == .outputConflict && "\(error)".contains("paper.tex")
        }
        #expect(try String(contentsOfFile: scratch.path("notes/paper.tex"), encoding: .utf8) == "keep me")
        try scratch.file("plain", "x")
        #expect { try ResultSetWriter(target: scratch.path("plain")) } throws: { ($0 as? FormatError)?.code == .outputConflict }
    }
}
