#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started in a process group of its own, with a pipe to its stdin and one from its
/// stdout; ending it ends the whole group, and nothing here waits without a bound.
///
/// Foundation's `Process` cannot start a child in a new group, and its `waitUntilExit()` waits
/// forever when a grandchild keeps a pipe open: a `#!/bin/sh` wrapper around the real program, a
/// stray `sleep 1000 &`, or a program that closes its stdout and sleeps hung abrkit (issue 10).
/// So the program is spawned with `posix_spawn(3)` and `POSIX_SPAWN_SETPGROUP`: it and everything
/// it starts share the group whose id is its pid, and ``terminate()`` signals them all — SIGTERM,
/// then SIGKILL after ``terminationGraceSeconds``.
///
/// The group's leader is reaped only in ``terminate()``, after the group has been killed: until
/// then its pid, hence the group id, cannot be given to another process, so the signals never
/// reach a stranger. A descendant that leaves the group (`setsid`, `setpgid`) escapes it; a
/// policy has no reason to.
///
/// A `final class` because it owns a process group and two file descriptors: released, it
/// terminates the group. Both descriptors are non-blocking, so a caller waits on them with
/// `poll(2)` and a deadline.
final class ChildProcessGroup: @unchecked Sendable {
    // @unchecked: used by one session at a time (a policy value is owned by one session).

    /// How the group's leader ended.
    enum Exit: Equatable {
        case exited(status: Int32)
        case killed(signal: Int32)
    }

    /// 0.2 s: time for the program to act on SIGTERM (flush, exit) before the group gets SIGKILL;
    /// a process that handles SIGTERM needs milliseconds, and every session of a batch may pay it.
    static let terminationGraceSeconds = 0.2
    /// 1 s: the longest wait for the killed leader to be reaped. SIGKILL ends a process within
    /// microseconds unless it is stuck in the kernel; such a process is left a zombie rather
    /// than hanging abrkit.
    static let reapLimitSeconds = 1.0
    /// 1 ms between checks while waiting for the leader to exit (1000 µs).
    static let checkIntervalMicroseconds: useconds_t = 1_000

    /// The leader's pid, also the group's id.
    let pid: pid_t
    /// The write end of the program's stdin; -1 once closed.
    private(set) var input: Int32
    /// The read end of the program's stdout; -1 once closed.
    private(set) var output: Int32
    private var leaderExit: Exit?
    private var isReaped = false
    private var isTerminated = false

    /// Starts `arguments[0]` (a path, not looked up on PATH) with `arguments` as its argv, this
    /// process's environment, working directory and stderr, in a new process group, with every
    /// signal at its default action and none blocked (so SIGTERM reaches it even when spawned
    /// from a thread that blocks signals, and a SIGPIPE abrkit ignores is not ignored by it).
    ///
    /// - Throws: ``SystemCallError`` when the pipes cannot be made or the program cannot be spawned.
    init(arguments: [String]) throws(SystemCallError) {
        precondition(!arguments.isEmpty, "the program needs a path")
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        let stdinPipe = try Self.makePipe()
        let stdoutPipe: (read: Int32, write: Int32)
        do { stdoutPipe = try Self.makePipe() } catch {
            close(stdinPipe.read)
            close(stdinPipe.write)
            throw error
        }
        var spawned: pid_t = 0
        let result = Self.spawn(arguments, stdin: stdinPipe.read, stdout: stdoutPipe.write, pid: &spawned)
        close(stdinPipe.read)
        close(stdoutPipe.write)
        guard result == 0 else {
            close(stdinPipe.write)
            close(stdoutPipe.read)
            throw SystemCallError("posix_spawn \(arguments[0])", code: result)
        }
        pid = spawned
        input = stdinPipe.write
        output = stdoutPipe.read
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit { terminate() }

    /// Closes the program's stdin, so that it reads end of file.
    func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    /// How the leader ended, waiting at most `seconds` for it to end; `nil` while it still runs.
    /// The leader is not reaped (see the type's discussion).
    func waitForExit(seconds: Double) -> Exit? {
        waitForLeader(seconds: seconds, reaping: false)
    }

    /// Ends the group: closes stdin, sends SIGTERM to the group, waits up to
    /// ``terminationGraceSeconds`` for the leader to exit, sends SIGKILL to the group, reaps the
    /// leader (waiting at most ``reapLimitSeconds``) and closes stdout. Later calls do nothing.
    func terminate() {
        guard !isTerminated else { return }
        isTerminated = true
        closeInput()
        kill(-pid, SIGTERM)
        _ = waitForLeader(seconds: Self.terminationGraceSeconds, reaping: false)
        kill(-pid, SIGKILL)
        _ = waitForLeader(seconds: Self.reapLimitSeconds, reaping: true)
        close(output)
        output = -1
    }

    /// Checks the leader every ``checkIntervalMicroseconds`` until it has exited or `seconds`
    /// have passed; reaps it when `reaping`.
    private func waitForLeader(seconds: Double, reaping: Bool) -> Exit? {
        let deadline = ContinuousClock.now + .microseconds(Int64(seconds * 1_000_000))
        while true {
            if let leaderExit, isReaped || !reaping { return leaderExit }
            var info = siginfo_t()
            let options = WEXITED | WNOHANG | (reaping ? 0 : WNOWAIT)
            let result = waitid(P_PID, id_t(pid), &info, options)
            if result == 0, let ended = Self.exit(of: info) {
                leaderExit = ended
                isReaped = reaping
                return ended
            }
            if result != 0, errno == ECHILD { isReaped = true }  // reaped elsewhere: nothing left to wait for
            guard !isReaped, ContinuousClock.now < deadline else { return leaderExit }
            usleep(Self.checkIntervalMicroseconds)
        }
    }

    /// The exit `waitid(2)` reported, or `nil` when it reported none (WNOHANG and still running).
    private static func exit(of info: siginfo_t) -> Exit? {
        #if canImport(Glibc)
        let (child, status) = (info._sifields._sigchld.si_pid, info._sifields._sigchld.si_status)
        #else
        let (child, status) = (info.si_pid, info.si_status)
        #endif
        guard child != 0 else { return nil }
        return info.si_code == CLD_EXITED ? .exited(status: status) : .killed(signal: status)
    }
}
