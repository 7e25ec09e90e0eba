import Foundation
import Testing

@testable import ABRSimulator

/// The streaming batch's reorder buffer: results in index order for any jobs and window, never
/// more than `window` computed ahead of the consumer, and a consumer's error stops the workers.
@Suite struct OrderedStreamTests {
    struct Stop: Error, Equatable { var index: Int }

    /// A counter the workers and the consumer share.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add(_ n: Int = 1) { lock.withLock { value += n } }
        var current: Int { lock.withLock { value } }
    }

    @Test(arguments: [0, 1, 2, 7, 100, 1000])
    func consumesEveryIndexInOrderForAnyJobsAndWindow(count: Int) {
        for (jobs, window) in [(1, 1), (2, 1), (2, 3), (4, 2), (8, 1000)] {
            var seen: [Int] = []
            OrderedStream.run(count: count, jobs: jobs, window: window, produce: { $0 * 3 }) { i, value in
                #expect(value == i * 3)
                seen.append(i)
            }
            #expect(seen == Array(0..<count), "jobs \(jobs), window \(window)")
        }
    }

    @Test(arguments: [1, 2, 5])
    func noWorkerRunsMoreThanTheWindowAheadOfTheConsumer(window: Int) {
        let consumed = Counter()
        let violations = Counter()
        OrderedStream.run(
            count: 300, jobs: 4, window: window,
            produce: { i in
                // Index i starts only once i < taken + window; the counter lags "taken" by at most the one being consumed.
                if i > consumed.current + window { violations.add() }
                if i % 7 == 0 { usleep(200) }  // uneven work, so fast workers would run ahead if they could
                return i
            }
        ) { _, _ in consumed.add() }
        #expect(violations.current == 0)
    }

    @Test func aConsumerErrorStopsTheWorkersAndIsRethrown() {
        let produced = Counter()
        #expect(throws: Stop(index: 10)) {
            try OrderedStream.run(
                count: 100_000, jobs: 2, window: 4,
                produce: { i in
                    produced.add(); return i
                }
            ) { i, _ in
                if i == 10 { throw Stop(index: i) }
            }
        }
        // At most the window past the failing index, plus one in flight per worker.
        #expect(produced.current <= 10 + 1 + 4 + 2)
    }
}
