import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An external policy written as a shell script in a scratch folder and run as `sh policy.sh`.
/// The script first records its pid, which is its process group's id (abrkit starts `env` as the
/// group's leader, and `env` execs `sh`), so that a test can check the group is gone after the
/// session.
///
/// Run by `sh`, not executed itself: a script executed while a process spawned by another test
/// still holds the descriptor it was written through fails with ETXTBSY ("Text file busy").
struct ExternalPolicyScript {
    /// A policy that answers every request with level 1 and the reason "ok", and exits at end of input.
    static let answering = #"while read line; do echo '{"level": 1, "reason": "ok"}'; done"#

    let scratch: TemporaryDirectory
    let path: String

    /// Writes `body` after the line that records the pid; `files` are written beside it first
    /// (a script finds them in `$DIR`).
    init(_ body: String, files: [String: String] = [:]) throws {
        scratch = try TemporaryDirectory()
        for (name, text) in files { try scratch.file(name, text) }
        path = try scratch.file("policy.sh", "DIR='\(scratch.url.path)'\necho $$ > \"$DIR/pid\"\n\(body)\n")
    }

    /// The script's process group, once it has started.
    var group: pid_t? {
        (try? String(contentsOfFile: scratch.path("pid"), encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Expects the script's group to have no running member within `seconds` (the session should
    /// have killed it already; the slack covers signal delivery). Kills what is left, so that a
    /// failing test leaves nothing behind.
    func expectGroupGone(within seconds: Double = 1, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let group else {
            Issue.record("the script never recorded its pid", sourceLocation: sourceLocation)
            return
        }
        let running = ProcessGroupProbe.waitUntilGone(group, seconds: seconds)
        #expect(running.isEmpty, "processes of group \(group) still running: \(running)", sourceLocation: sourceLocation)
        if !running.isEmpty { kill(-group, SIGKILL) }
    }

    /// A session of this script as the policy over `video` and `trace`, run on a thread of its own
    /// and waited for at most `wallSeconds`: a regression that hangs fails the test instead of
    /// hanging the run (a time-limit trait cannot stop a thread blocked in a system call). The
    /// session is released, hence its process ended, before this returns.
    ///
    /// - Returns: the result and the wall time it took, or `nil` (an issue recorded) on a hang.
    func run(
        video: Video, trace: BandwidthTrace, timeoutSeconds: Double, wallSeconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (result: SessionResult, elapsed: Duration)? {
        let command = ["sh", path]
        let outcome = Outcome()
        let thread = Thread {
            let start = ContinuousClock.now
            let result = Result { () throws -> SessionResult in
                var session = try PlaybackSession(video: video, trace: trace, policy: ExternalPolicy(command: command, timeoutSeconds: timeoutSeconds))
                return session.run()
            }
            outcome.finish(result.map { ($0, ContinuousClock.now - start) })
        }
        thread.start()
        guard outcome.done.wait(timeout: .now() + wallSeconds) == .success, let value = outcome.value else {
            Issue.record("the session did not end within \(wallSeconds) s (a hang)", sourceLocation: sourceLocation)
            if let group { kill(-group, SIGKILL) }
            return nil
        }
        return try value.get()
    }

    /// What the session's thread hands back.
    private final class Outcome: @unchecked Sendable {
        // @unchecked: `value` is written once, before `done` is signalled, and read after.
        let done = DispatchSemaphore(value: 0)
        var value: Result<(SessionResult, Duration), any Error>?

        func finish(_ value: Result<(SessionResult, Duration), any Error>) {
            self.value = value
            done.signal()
        }
    }
}
