import Testing

@testable import ABRSimulator

/// Parallel maps and batches give the same results, in the same order, for any number of jobs;
/// the thread-sanitizer run (`swift test --sanitize=thread --filter Parallel`) checks them for races.
@Suite struct ParallelMapTests {
    struct Failure: Error, Equatable { var index: Int }

    @Test(arguments: [0, 1, 2, 3, 17, 100])
    func resultsAreInIndexOrderForAnyJobs(count: Int) {
        let expected = (0..<count).map { $0 * $0 + 1 }
        for jobs in [1, 2, 3, 8, 200] {
            #expect(ParallelMap.run(count: count, jobs: jobs) { $0 * $0 + 1 } == expected, "jobs \(jobs)")
        }
    }

    @Test func nonTrivialValuesSurviveTheSlots() {
        // Strings and arrays are reference-counted: a slot written twice or read torn would show here.
        let expected = (0..<500).map { i in (0...(i % 7)).map { "\(i)-\($0)" } }
        #expect(ParallelMap.run(count: 500, jobs: 4) { i in (0...(i % 7)).map { "\(i)-\($0)" } } == expected)
    }

    @Test func theLowestFailingIndexIsThrownWhateverTheTiming() {
        for jobs in [1, 2, 5] {
            #expect(throws: Failure(index: 3)) {
                try ParallelMap.run(count: 50, jobs: jobs) { i throws(Failure) -> Int in
                    if i == 3 || i == 4 || i == 49 { throw Failure(index: i) }
                    return i
                }
            }
        }
    }

    @Test func aBatchIsTheSameForOneJobAndMany() throws {
        let traces = try ProjectTraceSet.entries(seed: ProjectTraceSet.defaultSeed).prefix(6).map { try $0.trace() }
        let video = try Video(constantBitrate: [0.3e6, 0.75e6, 1.2e6, 2.85e6, 4.3e6].map { Level(bitsPerSecond: $0) }, segmentSeconds: 4, segmentCount: 30)
        let batch = SimulationBatch(video: video, traces: traces, policies: PolicyCatalog.entries.filter { $0.name != "optimal" })
        let one = try batch.run(jobs: 1)
        #expect(one.count == traces.count * batch.policies.count)
        #expect(try batch.run(jobs: 3) == one)
    }
}
