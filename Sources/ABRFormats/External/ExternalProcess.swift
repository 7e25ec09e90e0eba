#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process spoken to in lines: requests on its stdin, replies on its stdout.
///
/// A `final class` because it owns a ``ChildProcessGroup``: released, it closes the child's stdin
/// and ends the child and everything it started. Writes and reads wait with `poll(2)` against the
/// caller's deadline, so a child that is silent, stops reading or leaves a grandchild holding a
/// pipe costs at most the timeout, never a hang. SIGPIPE is ignored process-wide once a child is
/// started, so writing to a child that has exited is an error (EPIPE) rather than the death of
/// abrkit.
///
/// A reply is scanned for its newline once, as it arrives, so reading a line costs time linear in
/// its length (rescanning the whole buffer after every read made a 1 MB reply take 5 s, issue 10),
/// and a line longer than ``ExternalPolicy/maximumReplyBytes`` is refused before more is read.
final class ExternalProcess: @unchecked Sendable {
    // @unchecked: used by one session at a time (a policy value is owned by one session).

    /// 64 KiB (65 536 bytes) per `read(2)`: a Linux pipe's default capacity, so one read drains a full pipe.
    static let readChunkBytes = 65_536
    /// 0.1 s for a child that closed its output to finish exiting, so that its exit status can be reported.
    static let exitSettleSeconds = 0.1

    private let child: ChildProcessGroup
    /// Bytes read and not yet returned; the unreturned part starts at `lineStart`.
    private var pending: [UInt8] = []
    private var lineStart = 0
    /// Where the search for the next newline resumes: bytes before it hold none.
    private var scanned = 0
    let command: [String]

    /// Starts `command` (looked up on PATH through `/usr/bin/env`, which exits 127 when it is not found).
    ///
    /// - Throws: ``SystemCallError`` when the process cannot be spawned.
    init(command: [String]) throws(SystemCallError) {
        precondition(!command.isEmpty, "the command needs a program")
        self.command = command
        signal(SIGPIPE, SIG_IGN)
        child = try ChildProcessGroup(arguments: ["/usr/bin/env"] + command)
    }

    /// The instant `seconds` from now, for ``send(_:by:)`` and ``readLine(by:)``.
    ///
    /// `seconds` is clamped to 0…``ExternalPolicy/maximumTimeoutSeconds`` (NaN counts as 0), so
    /// the conversion to a `Duration` cannot trap (`--external-timeout 1e16` did, issue 10).
    static func deadline(afterSeconds seconds: Double) -> ContinuousClock.Instant {
        let bounded = seconds > 0 ? min(seconds, ExternalPolicy.maximumTimeoutSeconds) : 0
        return .now + .microseconds(Int64(bounded * 1_000_000))
    }

    enum WriteResult: Equatable { case written, closed, timedOut }

    /// Writes `line` and a newline by `deadline`.
    ///
    /// - Returns: `.closed` when the child no longer reads its stdin, `.timedOut` when it has not
    ///   taken the whole line by `deadline` (its stdin's pipe stayed full).
    func send(_ line: String, by deadline: ContinuousClock.Instant) -> WriteResult {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(child.input, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
                continue
            }
            guard written < 0, errno == EAGAIN || errno == EINTR else { return .closed }
            switch Self.wait(for: child.input, events: POLLOUT, until: deadline) {
            case .ready: continue
            case .timedOut: return .timedOut
            case .failed: return .closed
            }
        }
        return .written
    }

    enum ReadResult: Equatable {
        case line(String)
        case closed
        case timedOut
        /// The line passed ``ExternalPolicy/maximumReplyBytes``; `start` is its beginning, for the error.
        case tooLong(start: String)
    }

    /// The next line of the child's stdout (without the newline), waiting until `deadline` at most.
    ///
    /// - Complexity: O(*n*) in the bytes read; at most ``ExternalPolicy/maximumReplyBytes`` plus
    ///   one ``readChunkBytes`` are held for a line.
    func readLine(by deadline: ContinuousClock.Instant) -> ReadResult {
        var chunk = [UInt8](repeating: 0, count: Self.readChunkBytes)
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                guard newline - lineStart <= ExternalPolicy.maximumReplyBytes else { return tooLong() }
                let line = String(decoding: pending[lineStart..<newline], as: UTF8.self)
                lineStart = newline + 1
                scanned = lineStart
                if lineStart * 2 >= pending.count {  // drop returned lines once they are half the buffer
                    pending.removeFirst(lineStart)
                    (lineStart, scanned) = (0, 0)
                }
                return .line(line)
            }
            scanned = pending.count
            guard scanned - lineStart <= ExternalPolicy.maximumReplyBytes else { return tooLong() }
            let count = chunk.withUnsafeMutableBytes { read(child.output, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: chunk[..<count])
                continue
            }
            guard count < 0, errno == EAGAIN || errno == EINTR else { return .closed }
            switch Self.wait(for: child.output, events: POLLIN, until: deadline) {
            case .ready: continue
            case .timedOut: return .timedOut
            case .failed: return .closed
            }
        }
    }

    /// "exited with status N" once the child has ended, or "closed its output" while it runs.
    func exitDescription() -> String {
        // Give a child that closed its output a moment to finish exiting, for an exact status.
        switch child.waitForExit(seconds: Self.exitSettleSeconds) {
        case nil: "closed its output"
        case .exited(let status): "exited with status \(status)"
        case .killed(let signal): "was killed by signal \(signal)"
        }
    }

    /// The start of the over-long line, as much as an error quotes.
    private func tooLong() -> ReadResult {
        .tooLong(start: String(decoding: pending[lineStart..<min(pending.count, lineStart + 256)], as: UTF8.self))
    }

    private enum Readiness { case ready, timedOut, failed }

    /// Waits with `poll(2)` until `descriptor` is ready for `events` or has hung up (`.ready`:
    /// the next call says which), or `deadline` passes.
    private static func wait(for descriptor: Int32, events: Int32, until deadline: ContinuousClock.Instant) -> Readiness {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return .timedOut }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var entry = pollfd(fd: descriptor, events: Int16(events), revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return .ready }
            if ready < 0, errno != EINTR { return .failed }
        }
    }
}
