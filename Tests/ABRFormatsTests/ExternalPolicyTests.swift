import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// `examples/external_policy.py` in the package.
private let examplePath = PackageRoot.path("examples/external_policy.py")

@Suite(.enabled(if: ProcessRunner.isAvailable("python3"), "needs python3 on PATH"))
struct ExternalPolicyTests {
    let video: Video
    let trace: BandwidthTrace

    init() throws {
        let levels = [300.0, 750, 1200, 1850, 2850, 4300].map { Level(bitsPerSecond: $0 * 1000) }
        video = try Video(constantBitrate: levels, segmentSeconds: 4, segmentCount: 10)
        trace = try BandwidthTrace(
            name: "steps",
            periods: [
                TracePeriod(durationSeconds: 10, bitsPerSecond: 3_000_000, latencySeconds: 0.04),
                TracePeriod(durationSeconds: 10, bitsPerSecond: 1_000_000, latencySeconds: 0.04),
            ])
    }

    /// A session of the Python program `source` (run with `python3 -c`).
    func run(_ source: String, timeoutSeconds: Double = ExternalPolicy.defaultTimeoutSeconds) throws -> SessionResult {
        var session = try PlaybackSession(
            video: video, trace: trace, policy: ExternalPolicy(command: ["python3", "-c", source], timeoutSeconds: timeoutSeconds))
        return session.run()
    }

    @Test("the example (harmonic mean × 0.9 in Python) chooses exactly what the Swift throughput policy chooses")
    func exampleMatchesThroughputPolicy() throws {
        var external = try PlaybackSession(video: video, trace: trace, policy: ExternalPolicy(command: ["python3", examplePath]))
        var swift = try PlaybackSession(video: video, trace: trace, policy: ThroughputPolicy())
        let got = external.run(), expected = swift.run()
        #expect(got.failure == nil)
        #expect(got.segments.map(\.level) == expected.segments.map(\.level))
        #expect(got.segments[0].reason.rule == "external.no_estimate")
        #expect(got.segments[1].reason.rule.hasPrefix("external.rate "))
        external.checkInvariants()
    }

    @Test("a reply that is not JSON ends the session at that segment, quoting the reply")
    func badJSON() throws {
        let result = try run("import sys\nfor l in sys.stdin: print('not json', flush=True)")
        let failure = try #require(result.failure)
        #expect(failure.code == .badReply && failure.segmentIndex == 0 && result.segments.isEmpty)
        #expect(failure.message.contains("\"not json\""))
    }

    @Test("a JSON reply without an integer level is a bad reply")
    func missingLevel() throws {
        let result = try run("import sys\nfor l in sys.stdin: print('{\"lvl\": 1}', flush=True)")
        #expect(result.failure?.code == .badReply)
    }

    @Test("a level outside 0…5 ends the session, naming the level and the range", arguments: [-1, 6, 99])
    func levelOutOfRange(level: Int) throws {
        let result = try run("import sys\nfor l in sys.stdin: print('{\"level\": \(level)}', flush=True)")
        let failure = try #require(result.failure)
        #expect(failure.code == .levelOutOfRange)
        #expect(failure.message.contains("level \(level), expected 0…5"))
    }

    @Test("silence past the timeout ends the session after about the timeout, not a hang")
    func silence() throws {
        let clock = ContinuousClock()
        var result: SessionResult?
        let elapsed = try clock.measure { result = try run("import time\ntime.sleep(30)", timeoutSeconds: 0.5) }
        #expect(result?.failure?.code == .timedOut)
        #expect(result?.failure?.message.contains("within 0.5 s") == true)
        #expect(elapsed < .seconds(5))
    }

    @Test("a process that exits before replying ends the session with its exit status")
    func exits() throws {
        let result = try run("import sys\nsys.exit(3)")
        let failure = try #require(result.failure)
        #expect(failure.code == .exited || failure.code == .writeFailed)
        #expect(failure.message.contains("status 3"))
    }

    @Test("a process that dies after three good replies ends the session at segment 3, keeping the three played")
    func diesMidSession() throws {
        let result = try run(
            "import sys\nfor i, l in enumerate(sys.stdin):\n    if i == 3: sys.exit(0)\n    print('{\"level\": 1, \"reason\": \"fixed\"}', flush=True)")
        let failure = try #require(result.failure)
        #expect(failure.segmentIndex == 3)
        #expect(result.segments.map(\.level) == [1, 1, 1])
        #expect(result.segments.allSatisfy { $0.reason.rule == "external.fixed" })
        #expect(failure.description.hasPrefix("policy external failed at segment 3:"))
    }

    @Test("a process that closes its input but stays alive fails on the next request")
    func closesInput() throws {
        let result = try run(
            "import os, sys, time\nfor l in sys.stdin:\n    print('{\"level\": 0}', flush=True)\n    os.close(0)\n    time.sleep(30)", timeoutSeconds: 1)
        let failure = try #require(result.failure)
        #expect(failure.segmentIndex == 1)
        #expect(failure.code == .writeFailed || failure.code == .timedOut)
    }

    @Test("a program that does not exist fails the first decision (env reports status 127)")
    func missingProgram() throws {
        var session = try PlaybackSession(video: video, trace: trace, policy: ExternalPolicy(command: ["abrkit-no-such-program-here"]))
        let failure = try #require(session.run().failure)
        #expect(failure.segmentIndex == 0)
        #expect(failure.message.contains("status 127"))
    }

    @Test("in a batch, a failing external session is reported and the other policies' sessions are untouched")
    func batch() throws {
        let failing = PolicyCatalog.Entry(name: "external", summary: "exits") { ExternalPolicy(command: ["python3", "-c", "pass"]) }
        let entries = [try #require(PolicyCatalog.entry(named: "bba")), failing]
        let results = try SimulationBatch(video: video, traces: [trace, trace], policies: entries).run(jobs: 2)
        #expect(results.map(\.policyName) == ["bba", "external", "bba", "external"])
        #expect(results.map { $0.failure == nil } == [true, false, true, false])
        #expect(results[0].segments.count == 10)
    }
}
