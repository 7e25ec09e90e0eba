import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process spoken to in lines: requests on its stdin, replies on its stdout.
///
/// A `final class` because it owns a process and two pipes: it closes the child's stdin and kills
/// it when released. Reads wait with `poll(2)` against a deadline, so a silent child costs at most
/// the timeout, never a hang. SIGPIPE is ignored process-wide once a child is started, so writing
/// to a child that has exited is an error (EPIPE) rather than the death of abrkit.
final class ExternalProcess: @unchecked Sendable {
    // @unchecked: used by one session at a time (a policy value is owned by one session).
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var pending: [UInt8] = []
    let command: [String]

    /// Starts `command` (looked up on PATH through `/usr/bin/env`).
    init(command: [String]) throws {
        precondition(!command.isEmpty, "the command needs a program")
        self.command = command
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    deinit {
        try? input.fileHandleForWriting.close()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Writes `line` and a newline; `false` if the child no longer reads.
    func send(_ line: String) -> Bool {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        let fd = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    enum ReadResult { case line(String), closed, timedOut }

    /// The next line of the child's stdout (without the newline), waiting at most `timeoutSeconds`.
    func readLine(timeoutSeconds: Double) -> ReadResult {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeoutSeconds * 1000))
        let fd = output.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return .line(line)
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return .timedOut }
            let (seconds, attoseconds) = remaining.components
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return ready == 0 ? .timedOut : .closed }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .closed }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    /// "exited with status N" once the child has ended, or "closed its output" while it runs.
    func exitDescription() -> String {
        // Give a child that closed its output a moment to finish exiting, for an exact status.
        for _ in 0..<50 where process.isRunning { usleep(2_000) }
        guard !process.isRunning else { return "closed its output" }
        switch process.terminationReason {
        case .exit: return "exited with status \(process.terminationStatus)"
        case .uncaughtSignal: return "was killed by signal \(process.terminationStatus)"
        @unknown default: return "exited"
        }
    }
}
