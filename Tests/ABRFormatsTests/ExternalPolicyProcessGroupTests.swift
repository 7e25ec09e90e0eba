import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// The external policy's process lifetime: whatever the program leaves running, the session ends
/// within about its timeout and nothing of the program's process group survives it (issue 10:
/// a grandchild holding a pipe hung abrkit forever in `Process.waitUntilExit()`).
///
/// Each session runs on a watchdog thread (``ExternalPolicyScript/run(video:trace:timeoutSeconds:wallSeconds:sourceLocation:)``),
/// so the old behaviour fails the test after 10 s instead of hanging it.
@Suite(.timeLimit(.minutes(1)))
struct ExternalPolicyProcessGroupTests {
    /// 0.5 s per reply: short enough for fast tests, long enough for `sh` to answer on a busy machine.
    static let timeoutSeconds = 0.5
    /// 3 s: the timeout, the 0.2 s grace and process start-up, with room for a loaded 2-core machine.
    static let wallBound = Duration.seconds(3)

    let video: Video
    let trace: BandwidthTrace

    init() throws {
        video = try Video(constantBitrate: [300.0, 750, 1200].map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: 4, segmentCount: 10)
        trace = try BandwidthTrace(name: "3mbps", periods: [TracePeriod(durationSeconds: 60, bitsPerSecond: 3_000_000, latencySeconds: 0.04)])
    }

    @Test("a program that backgrounds a sleeping grandchild and exits times out, and the grandchild is killed")
    func grandchildHoldsOutput() throws {
        // The grandchild holds the request pipe too (`<&3`: a non-interactive sh gives background jobs
        // /dev/null as stdin). Otherwise, once sh has exited, writing the first request could fail
        // with EPIPE before the timeout, and the session would end as "exited", not "timed out".
        let script = try ExternalPolicyScript("exec 3<&0\nsleep 1000 <&3 &\nexit 0")
        let (result, elapsed) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: Self.timeoutSeconds))
        #expect(result.failure?.code == .timedOut)
        #expect(result.failure?.message.contains("sent no reply within 0.5 s") == true)
        #expect(elapsed < Self.wallBound)
        script.expectGroupGone()
    }

    @Test("a program that closes its stdout and sleeps fails at once as exited, and is killed")
    func closesOutputAndSleeps() throws {
        let script = try ExternalPolicyScript("exec 1>&-\nsleep 1000")
        let (result, elapsed) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: Self.timeoutSeconds))
        let failure = try #require(result.failure)
        #expect(failure.code == .exited && failure.segmentIndex == 0)
        #expect(failure.message.contains("closed its output before replying"))
        #expect(elapsed < Self.wallBound)
        script.expectGroupGone()
    }

    @Test("a shell wrapper whose real program stops answering: the session times out and both are killed")
    func wrapperOfAHungProgram() throws {
        let inner = "i=0\nwhile read line; do\n  i=$((i + 1))\n  [ $i -gt 2 ] && sleep 1000\n  echo '{\"level\": 0}'\ndone"
        let script = try ExternalPolicyScript("sh \"$DIR/inner.sh\"", files: ["inner.sh": inner])
        let (result, elapsed) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: Self.timeoutSeconds))
        let failure = try #require(result.failure)
        #expect(failure.code == .timedOut && failure.segmentIndex == 2)
        #expect(result.segments.count == 2)
        #expect(elapsed < Self.wallBound)
        script.expectGroupGone()
    }

    @Test("a wrapper whose real program answers and then lingers: the session completes and its end kills the group")
    func wrapperThatLingersAfterTheSession() throws {
        let inner = ExternalPolicyScript.answering + "\nsleep 1000"
        let script = try ExternalPolicyScript("sh \"$DIR/inner.sh\"", files: ["inner.sh": inner])
        let (result, elapsed) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: Self.timeoutSeconds))
        #expect(result.failure == nil)
        #expect(result.segments.map(\.level) == Array(repeating: 1, count: 10))
        #expect(result.segments.allSatisfy { $0.reason.rule == "external.ok" })
        #expect(elapsed < Self.wallBound)
        script.expectGroupGone()
    }

    @Test("a program that ignores SIGTERM, as its children do, is killed with SIGKILL after the grace period")
    func ignoresTerm() throws {
        let script = try ExternalPolicyScript("trap '' TERM\nsleep 1000 &\nwhile read line; do sleep 1000; done")
        let (result, elapsed) = try #require(try script.run(video: video, trace: trace, timeoutSeconds: Self.timeoutSeconds))
        #expect(result.failure?.code == .timedOut)
        #expect(elapsed < Self.wallBound)
        script.expectGroupGone()
    }

    @Test("a program that answers without reading its stdin fails once the pipe is full, not a blocked write")
    func neverReadsInput() throws {
        // ~150 requests of a few hundred bytes fill a 64 KiB pipe; 1000 segments are ample.
        let long = try Video(constantBitrate: [300.0, 750].map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: 1, segmentCount: 1000)
        let script = try ExternalPolicyScript(#"while :; do echo '{"level": 0}'; done"#)
        let (result, elapsed) = try #require(try script.run(video: long, trace: trace, timeoutSeconds: Self.timeoutSeconds))
        let failure = try #require(result.failure)
        #expect(failure.code == .timedOut)
        #expect(failure.message.contains("did not read its input within 0.5 s"))
        #expect(failure.segmentIndex > 10)
        #expect(elapsed < Self.wallBound)
        script.expectGroupGone()
    }
}
