import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a process group still has running members: the oracle of the tests that check an
/// external policy leaves nothing behind.
///
/// `kill(-group, 0)` fails with ESRCH once every member is gone, but a member that was killed
/// stays a zombie until its parent — `init` for an orphaned grandchild, which may reap only
/// every second or so — collects it, and a zombie still counts for `kill`. So on Linux the
/// members are read from `/proc/<pid>/stat` (field 5 the group, field 3 the state) and zombies
/// are not counted; elsewhere any member counts.
public enum ProcessGroupProbe {
    /// 1 ms between checks while waiting (1000 µs).
    static let checkIntervalMicroseconds: useconds_t = 1_000

    /// The pids of `group`'s members that have not exited.
    public static func runningMembers(of group: pid_t) -> [pid_t] {
        guard kill(-group, 0) == 0 || errno != ESRCH else { return [] }
        #if os(Linux)
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { pid_t($0) } ?? []
        return pids.filter { pid in
            guard let (state, memberOf) = stateAndGroup(of: pid) else { return false }
            return memberOf == group && state != "Z" && state != "X"
        }
        #else
        return [group]
        #endif
    }

    /// Waits until `group` has no running member or `seconds` have passed.
    ///
    /// - Returns: the members still running then (empty: the group is gone).
    public static func waitUntilGone(_ group: pid_t, seconds: Double) -> [pid_t] {
        let deadline = ContinuousClock.now + .microseconds(Int64(seconds * 1_000_000))
        while true {
            let running = runningMembers(of: group)
            if running.isEmpty || ContinuousClock.now >= deadline { return running }
            usleep(checkIntervalMicroseconds)
        }
    }

    #if os(Linux)
    /// The state letter and the process group in `/proc/<pid>/stat`, `nil` if it cannot be read.
    /// The command name (field 2) is in parentheses and may hold spaces, so fields are counted
    /// from the last `)`.
    static func stateAndGroup(of pid: pid_t) -> (state: String, group: pid_t)? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let group = pid_t(fields[2]) else { return nil }
        return (String(fields[0]), group)
    }
    #endif
}
