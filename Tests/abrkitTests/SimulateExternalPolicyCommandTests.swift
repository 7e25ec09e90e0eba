import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `abrkit simulate --external-command … --external-timeout …` end to end (issue 10): the timeout's
/// bounds, and a misbehaving program that fails the run quickly and leaves no process behind.
///
/// Runs that could hang are run under `timeout -s KILL`, so a regression fails instead of
/// hanging the test run; the programs keep their grandchildren off abrkit's stderr, which the
/// test reads to its end.
@Suite(.timeLimit(.minutes(1)), .enabled(if: ProcessRunner.isAvailable("timeout"), "needs timeout (coreutils) on PATH"))
struct SimulateExternalPolicyCommandTests {
    /// 20 s: where a hanging abrkit is killed; a passing run takes about a second.
    static let killAfterSeconds = "20"

    /// The command of a shell policy in `dir` that records its pid (its process group) in `dir/pid`
    /// and then runs `body`. Run by `sh`, not executed: see `ExternalPolicyScript` (ETXTBSY).
    static func script(_ body: String, in dir: TemporaryDirectory) throws -> String {
        "sh " + (try dir.file("policy.sh", "echo $$ > '\(dir.path("pid"))'\n\(body)\n"))
    }

    /// Runs `abrkit simulate` on the fixture with `arguments`, killed after ``killAfterSeconds``.
    static func simulate(_ dir: TemporaryDirectory, _ arguments: [String]) throws -> (result: ProcessRunner.Result, elapsed: Duration) {
        let start = ContinuousClock.now
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["timeout", "-s", "KILL", killAfterSeconds, CLI.binary.path, "simulate", "--video", dir.path("movie.json"), "--traces", dir.path("traces")]
                + arguments)
        return (result, ContinuousClock.now - start)
    }

    /// Expects the group recorded in `dir/pid` to have no running member within a second.
    static func expectGroupGone(_ dir: TemporaryDirectory) throws {
        let text = try String(contentsOfFile: dir.path("pid"), encoding: .utf8)
        let group = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let running = ProcessGroupProbe.waitUntilGone(group, seconds: 1)
        #expect(running.isEmpty, "processes of group \(group) still running: \(running)")
        if !running.isEmpty { kill(-group, SIGKILL) }
    }

    @Test(
        "--external-timeout outside (0, 86400] s is refused with a message, before any session",
        arguments: ["1e16", "9.3e15", "86400.5", "inf", "0", "nan"])
    func timeoutOutOfRange(value: String) throws {
        let dir = try SimulateCommandTests.fixture()
        let policy = try Self.script(#"while read line; do echo '{"level": 0}'; done"#, in: dir)
        let (result, _) = try Self.simulate(dir, ["--external-command", policy, "--policy", "external", "--external-timeout", value])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--external-timeout must be a positive number of seconds, at most 86400 (one day), got"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("pid")), "no session should have started")
    }

    @Test("--external-timeout 86400, a day, is accepted")
    func timeoutOfADay() throws {
        let dir = try SimulateCommandTests.fixture()
        let policy = try Self.script(#"while read line; do echo '{"level": 0}'; done"#, in: dir)
        let (result, _) = try Self.simulate(dir, ["--external-command", policy, "--policy", "external", "--external-timeout", "86400"])
        #expect(result.status == 0, "\(result.stderr)")
        try Self.expectGroupGone(dir)
    }

    @Test("a policy that backgrounds a sleeping grandchild and exits fails the run after the timeout, leaving no process")
    func grandchildOutlivesThePolicy() throws {
        let dir = try SimulateCommandTests.fixture()
        let policy = try Self.script("sleep 1000 2>/dev/null &\nexit 0", in: dir)
        let (result, elapsed) = try Self.simulate(dir, ["--external-command", policy, "--policy", "external", "--external-timeout", "0.5"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("sent no reply within 0.5 s"), "\(result.stderr)")
        #expect(elapsed < .seconds(4))
        try Self.expectGroupGone(dir)
    }

    @Test("a 1 MB reply fails the run at once, naming the 64 KiB limit")
    func megabyteReply() throws {
        let dir = try SimulateCommandTests.fixture()
        try dir.file("reply", #"{"level": 0, "reason": ""# + String(repeating: "x", count: 1_000_000) + "\"}\n")
        let policy = try Self.script("while read line; do cat '\(dir.path("reply"))'; done", in: dir)
        let (result, elapsed) = try Self.simulate(dir, ["--external-command", policy, "--policy", "external", "--external-timeout", "3"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("replied a line longer than 65536 bytes (64 KiB), the limit"), "\(result.stderr)")
        #expect(elapsed < .seconds(3))
        try Self.expectGroupGone(dir)
    }
}
