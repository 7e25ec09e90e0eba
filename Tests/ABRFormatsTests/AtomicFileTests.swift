import Foundation
import TestSupport
import Testing

@testable import ABRFormats

/// Manifests are written through AtomicFile: whole or not at all, nothing left behind.
@Suite struct AtomicFileTests {
    static func entries(_ dir: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    }

    @Test func writesAndReplacesLeavingNoTemporaryFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("master.m3u8")
        try AtomicFile.write("#EXTM3U\nfirst\n", to: path)
        try AtomicFile.write("#EXTM3U\nsecond\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "#EXTM3U\nsecond\n")
        #expect(try Self.entries(dir) == ["master.m3u8"])
        try AtomicFile.write(Data(), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func missingDirectoryIsAnErrorNamingThePath() {
        let path = "/nonexistent-abrkit-dir/master.m3u8"
        let error = #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: path) }
        #expect(error?.code == .directoryMissing)
        #expect(error?.path == path)
    }

    @Test func renameOntoADirectoryFailsAndCleansUp() throws {
        let dir = try TemporaryDirectory()
        let target = try dir.directory("taken")
        try "keep".write(to: target.appendingPathComponent("inside"), atomically: false, encoding: .utf8)
        let error = #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: target.path) }
        #expect(error?.code == .renameFailed)
        #expect(try Self.entries(dir) == ["taken"], "the temporary file must be removed")
        #expect(try String(contentsOfFile: target.appendingPathComponent("inside").path, encoding: .utf8) == "keep")
    }

    @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
    func unwritableDirectoryLeavesTheOldFile() throws {
        let dir = try TemporaryDirectory()
        // Writable again before the folder is removed.
        defer { chmod(dir.url.path, 0o755) }
        let path = dir.path("ladder.json")
        try AtomicFile.write("old", to: path)
        chmod(dir.url.path, 0o555)
        let error = #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("new", to: path) }
        #expect(error?.code == .createFailed)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }
}
