import Foundation
import Testing

@testable import ABRSimulator

/// Sweeps read each trace once, play the same sessions as the in-memory batch in the same order,
/// and shards partition them.
@Suite struct SessionSweepTests {
    struct Unreadable: Error, Equatable { var path: String }

    /// Counts reads per path.
    final class Reads: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func add(_ path: String) { lock.withLock { counts[path, default: 0] += 1 } }
        var all: [String: Int] { lock.withLock { counts } }
    }

    static let rates: [Double] = [300_000, 750_000, 1_200_000, 2_850_000]
    static let video = try! Video(
        levels: rates.map { Level(bitsPerSecond: $0) }, segmentSeconds: 4,
        segmentBytes: (0..<20).map { (s: Int) -> [Int] in rates.map { (rate: Double) -> Int in Int(rate / 2) + 1000 * (s % 5) } })

    /// Twelve distinct traces, named by index.
    static let traces: [BandwidthTrace] = (0..<12).map { (i: Int) -> BandwidthTrace in
        let periods = (0..<6).map { (p: Int) -> TracePeriod in
            let step: Int = (i * 7 + p * 3) % 9
            return TracePeriod(durationSeconds: 5, bitsPerSecond: Double(400_000 + 350_000 * step))
        }
        return try! BandwidthTrace(name: "t\(i)", periods: periods)
    }

    static func sweep(_ batch: SimulationBatch, reads: Reads, failing: String? = nil) -> SessionSweep<BandwidthTrace> {
        let byName = Dictionary(uniqueKeysWithValues: traces.map { ($0.name, $0) })
        return batch.sweep(tracePaths: traces.map(\.name)) { path in
            reads.add(path)
            if path == failing { throw Unreadable(path: path) }
            return byName[path]!
        }
    }

    @Test(arguments: [1, 2, 4])
    func aSweepPlaysTheBatchSessionsInOrderReadingEachTraceOnce(jobs: Int) throws {
        let batch = SimulationBatch(video: Self.video, traces: Self.traces, policies: PolicyCatalog.entries.filter { $0.name != "optimal" })
        let expected = try batch.run(jobs: 1)
        let reads = Reads()
        var streamed: [SessionResult] = []
        try Self.sweep(batch, reads: reads).run(sessions: 0..<expected.count, jobs: jobs, window: 3) { k, outcome in
            #expect(k == streamed.count)
            streamed.append(outcome.result)
        }
        #expect(streamed == expected)
        #expect(reads.all == Dictionary(uniqueKeysWithValues: Self.traces.map { ($0.name, 1) }))
    }

    @Test(arguments: [1, 2, 3, 5, 7, 200])
    func shardsPartitionTheSweepIntoItsSessionsInOrder(count: Int) throws {
        let batch = SimulationBatch(video: Self.video, traces: Self.traces, policies: Array(PolicyCatalog.entries.prefix(3)))
        let expected = try batch.run(jobs: 2)
        var joined: [SessionResult] = []
        for index in 0..<count {
            let range = try Shard(index: index, count: count).sessions(ofTotal: expected.count)
            try Self.sweep(batch, reads: Reads()).run(sessions: range, jobs: 2) { _, outcome in joined.append(outcome.result) }
        }
        #expect(joined == expected)
    }

    @Test func anUnreadableTraceStopsTheSweepAtItsFirstSession() throws {
        let batch = SimulationBatch(video: Self.video, traces: Self.traces, policies: Array(PolicyCatalog.entries.prefix(3)))
        var consumed: [Int] = []
        #expect(throws: Unreadable(path: "t5")) {
            try Self.sweep(batch, reads: Reads(), failing: "t5").run(sessions: 0..<36, jobs: 2) { k, _ in consumed.append(k) }
        }
        #expect(consumed == Array(0..<15), "sessions of t0…t4 only")
    }
}
