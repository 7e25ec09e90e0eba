import ABRFormats
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `abrkit simulate --out`: whatever stops a run, the folder holds one run's complete result set.
@Suite(.serialized) struct ResultSetCommandTests {
    /// Every file listed in `run.json` exists with the size it lists, and both CSVs are listed.
    static func isCompleteSet(_ folder: URL) throws -> Bool {
        let manifest = try String(contentsOf: folder.appendingPathComponent("run.json"), encoding: .utf8)
        for name in ["sessions.csv", "segments.csv"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            let bytes = (attributes[.size] as? NSNumber)?.intValue ?? -1
            guard manifest.contains(#"{"name": "\#(name)", "bytes": \#(bytes)}"#) else { return false }
        }
        return true
    }

    @Test(.timeLimit(.minutes(2)))
    func aRunKilledAtAnyMomentLeavesTheFolderWholeOrAbsent() throws {
        let scratch = try TemporaryDirectory()
        let out = scratch.url.appendingPathComponent("out")
        // The project's 55 traces × every policy over a 100-segment CBR title: long enough that
        // kills land while simulating and while writing.
        let movie = try scratch.file(
            "movie.json",
            #"{"segment_duration_ms": 2000, "bitrates_kbps": [300, 750, 1200, 2850, 4300], "segment_sizes_bits": ["#
                + Array(repeating: "[600000, 1500000, 2400000, 5700000, 8600000]", count: 100).joined(separator: ", ") + "]}")
        let run = ["simulate", "--video", movie, "--traces", "traces", "--out", out.path]
        let first = try CLI.run(run)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.isCompleteSet(out))
        for delay in [0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3] {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = run
            process.currentDirectoryURL = PackageRoot.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try Self.isCompleteSet(out), "after a kill at \(delay) s")
        }
        // The next run clears what the killed ones left and succeeds.
        let last = try CLI.run(run)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains("staging") }.isEmpty)
    }

    @Test func segmentsNoneWritesTheSameSessionsAndNoSegmentTable() throws {
        let dir = try SimulateCommandTests.fixture()
        let base = ["simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces")]
        let full = dir.url.appendingPathComponent("full"), lean = dir.url.appendingPathComponent("lean")
        #expect(try CLI.run(base + ["--out", full.path]).status == 0)
        let result = try CLI.run(base + ["--out", lean.path, "--segments", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: lean.path).sorted() == ["run.json", "sessions.csv", "summary.csv"])
        #expect(try Data(contentsOf: lean.appendingPathComponent("sessions.csv")) == Data(contentsOf: full.appendingPathComponent("sessions.csv")))
        #expect(try !String(contentsOf: lean.appendingPathComponent("run.json"), encoding: .utf8).contains("segments.csv"))
    }

    @Test func aBusyOutputFolderIsRefusedBeforeAnyWork() throws {
        let scratch = try TemporaryDirectory()
        let out = scratch.url.appendingPathComponent("out")
        let lock = open(scratch.path(".out.lock"), O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let result = try CLI.run(["simulate", "--video", "no-such-video.json", "--traces", "traces", "--out", out.path])
        #expect(result.status != 0)
        // The lock is found before the (missing) video is even read.
        #expect(result.stderr.contains("another abrkit run is writing this folder"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anOutputBelowAFileFailsBeforeSimulating() throws {
        let scratch = try TemporaryDirectory()
        try scratch.file("plain", "x")
        let result = try CLI.run(["simulate", "--video", "no-such-video.json", "--traces", "traces", "--out", scratch.path("plain/out")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("plain") && result.stderr.contains("is a file"), "\(result.stderr)")
    }
}
