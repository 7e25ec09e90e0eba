import Foundation
import TestSupport
import Testing

@testable import ABRReference
@testable import ABRSimulator

/// The `pensieve` reference model against logs of Pensieve's own scripts on Pensieve's data.
///
/// The expected values are in `Tests/Fixtures/pensieve` (see its README for how they were made);
/// the traces and the video are read from `../shared/data` and the suite is skipped without them.
@Suite("Pensieve reference model against Pensieve's logs")
struct PensieveReferenceDataTests {
    static let traces = PackageRoot.sharedData.appendingPathComponent("traces/pensieve-hsdpa-test")
    static let videoFolder = PackageRoot.sharedData.appendingPathComponent("videos/pensieve-envivo")
    static let fixtures = PackageRoot.url.appendingPathComponent("Tests/Fixtures/pensieve")

    @Test(
        "every trace's 48 levels and reward total equal the script's", .enabled(if: PackageRoot.hasSharedData, "../shared/data is absent"),
        arguments: PensievePolicyKind.allCases)
    func levelsAndRewardTotals(policy: PensievePolicyKind) throws {
        let video = try PensieveTestData.video(in: Self.videoFolder)
        let expected = try PensieveTestData.lines(Self.fixtures.appendingPathComponent("\(policy.rawValue).txt"))
        #expect(expected.count == 142)
        for fields in expected {
            let trace = try PensieveTestData.trace(Self.traces.appendingPathComponent(fields[0]))
            let result = try PensieveModel.run(trace: trace, video: video, policy: policy)
            let levels = result.chunks.map { String($0.level) }.joined()
            #expect(levels == fields[1], "\(policy) on \(fields[0])")
            #expect(result.summary.totalReward == Double(fields[2]), "\(policy) on \(fields[0])")
        }
    }

    @Test(
        "every logged column equals the script's, bit for bit", .enabled(if: PackageRoot.hasSharedData, "../shared/data is absent"),
        arguments: PensievePolicyKind.allCases)
    func chunkColumns(policy: PensievePolicyKind) throws {
        let video = try PensieveTestData.video(in: Self.videoFolder)
        let rows = try PensieveTestData.lines(Self.fixtures.appendingPathComponent("\(policy.rawValue)-chunks.txt"))
        let byTrace = Dictionary(grouping: rows, by: { $0[0] })
        #expect(byTrace.count >= 4)
        for (name, rows) in byTrace {
            let trace = try PensieveTestData.trace(Self.traces.appendingPathComponent(name))
            let chunks = try PensieveModel.run(trace: trace, video: video, policy: policy).chunks
            #expect(rows.count == chunks.count)
            for (row, chunk) in zip(rows, chunks) {
                let context = "\(policy) on \(name) chunk \(row[1])"
                #expect(chunk.level == Int(row[2]), "\(context)")
                #expect(chunk.bufferSeconds == Double(row[3]), "\(context)")
                #expect(chunk.rebufferSeconds == Double(row[4]), "\(context)")
                #expect(chunk.chunkBytes == Int(row[5]), "\(context)")
                #expect(chunk.delayMs == Double(row[6]), "\(context)")
                #expect(chunk.reward == Double(row[7]), "\(context)")
            }
        }
    }
}

/// Minimal readers for the tests (the real ones live in ABRFormats).
enum PensieveTestData {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Non-empty, non-comment lines split on whitespace.
    static func lines(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
            .filter { !$0.isEmpty }
    }

    static func trace(_ url: URL) throws -> PensieveTrace {
        var times: [Double] = [], mbps: [Double] = []
        for (i, fields) in try lines(url).enumerated() {
            guard fields.count >= 2, let t = Double(fields[0]), let b = Double(fields[1]) else {
                throw ReadError(description: "\(url.path):\(i + 1): expected `time_s Mbit/s`")
            }
            times.append(t)
            mbps.append(b)
        }
        return try PensieveTrace(times: times, mbps: mbps)
    }

    /// Pensieve's Envivio video: `video_size_0...5`, one chunk size (bytes) per line.
    static func video(in folder: URL) throws -> Video {
        var columns: [[Int]] = []
        for level in 0..<PensieveQoE.envivioKbps.count {
            let url = folder.appendingPathComponent("video_size_\(level)")
            columns.append(
                try lines(url).enumerated().map { i, fields in
                    guard let bytes = Int(fields[0]) else { throw ReadError(description: "\(url.path):\(i + 1): expected bytes") }
                    return bytes
                })
        }
        let sizes = columns[0].indices.map { chunk in columns.map { $0[chunk] } }
        return try Video(
            levels: PensieveQoE.envivioKbps.map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: 4, segmentBytes: sizes)
    }
}
