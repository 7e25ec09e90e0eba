// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg

/// Keeps encoder libraries from putting abrkit's threads at real-time priority.
///
/// SVT-AV1 (checked with Debian 12's v1.4.1: `strace -f -e sched_setscheduler ffmpeg … -c:v
/// libsvtav1`) calls `sched_setscheduler(…, SCHED_FIFO, 99)` on the thread that opens the encoder
/// and on every worker it creates whenever the process may (as root, e.g. in a container). The
/// calling thread stays at FIFO 99 afterwards, and so does every process later spawned from it;
/// on a 2-core machine two such threads spinning on a lock starve everything else. For the span
/// of `body`, the calling thread drops `CAP_SYS_NICE` from its effective set, so those calls
/// fail exactly as they do for every non-root user (SVT-AV1 ignores the failure), and threads
/// created meanwhile start without it. The capability is restored afterwards.
enum RealTimePriority {
    /// Runs `body` with real-time scheduling out of reach of the calling thread and the threads
    /// it creates.
    ///
    /// - Parameter body: the work that may try to raise priorities (opening an encoder).
    /// - Returns: what `body` returns.
    static func withoutRealTime<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let had = cffmpeg_set_sys_nice_effective(0)
        defer { if had == 1 { _ = cffmpeg_set_sys_nice_effective(1) } }
        return try body()
    }
}

#endif
