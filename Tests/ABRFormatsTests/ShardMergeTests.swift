import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// `ShardMerge` on hand-made result folders: a `run.json` that claims an impossible shard is an
/// error naming the file, never a trap (found by ResultSetFuzzer).
@Suite struct ShardMergeTests {
    static func manifest(shard: RunManifest.ShardPart?, sessions: Int = 4) -> RunManifest {
        RunManifest(
            model: "default", qoe: "linear", dataCapGBPerHour: nil, policies: ["bba"], options: [],
            video: .init(path: "movie.json", fingerprint: "0", segments: 1, segmentSeconds: 2, levels: 1),
            traces: .init(files: 4, bytes: 40, listing: "0"), sessions: sessions, shard: shard)
    }

    /// A committed set holding a header-only sessions.csv and its (empty) summary, as simulate writes them.
    static func folder(_ dir: TemporaryDirectory, _ name: String, _ run: RunManifest) throws -> String {
        let writer = try ResultSetWriter(target: dir.path(name))
        try writer.write(ResultsCSV.sessionColumns.joined(separator: ",") + "\n", to: "sessions.csv")
        try writer.write(ResultsCSV.summary([]), to: "summary.csv")
        try writer.commit(run: run)
        return dir.path(name)
    }

    @Test(arguments: [(2, 2, 4), (-1, 2, 4), (0, 0, 4), (0, 1, -5), (0, 1, Int.max), (0, Int.max, 4)])
    func impossibleShardsInRunJSONAreErrors(index: Int, count: Int, sessions: Int) throws {
        let dir = try TemporaryDirectory()
        let folder = try Self.folder(
            dir, "shard", Self.manifest(shard: .init(index: index, count: count, firstSession: 0, sessions: 0), sessions: sessions))
        #expect(throws: FormatError.self) { try ShardMerge.check(try ShardMerge.parts([folder])) }
    }

    @Test func aWholeRunMergesAsOneShard() throws {
        let dir = try TemporaryDirectory()
        let whole = Self.manifest(shard: nil, sessions: 0)
        let folder = try Self.folder(dir, "whole", whole)
        let (run, summaries) = try ShardMerge.merge(try ShardMerge.parts([folder]), into: dir.path("merged"))
        #expect(run == whole && summaries.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("merged/run.json"))) == Data(contentsOf: URL(fileURLWithPath: folder + "/run.json")))
    }

    @Test func aRunManifestReadsBackAsWritten() throws {
        let dir = try TemporaryDirectory()
        var run = Self.manifest(shard: .init(index: 1, count: 3, firstSession: 1, sessions: 1), sessions: 4)
        run.dataCapGBPerHour = 1.25
        run.policies = ["a \"quoted\" name", "back\\slash", "tab\tand/slash"]
        let folder = try Self.folder(dir, "set", run)
        let (files, read) = try RunManifest.read(folder: folder)
        #expect(read == run)
        #expect(files["sessions.csv"] == ResultsCSV.sessionColumns.joined(separator: ",").utf8.count + 1)
        #expect(try !String(contentsOfFile: folder + "/run.json", encoding: .utf8).contains("\\/"), "slashes are not escaped")
    }
}
