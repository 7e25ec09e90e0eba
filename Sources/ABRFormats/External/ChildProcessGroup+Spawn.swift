import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ChildProcessGroup {
    /// Held from making a child's pipes until it is spawned. `pipe2(O_CLOEXEC)` is not available
    /// to Swift on Linux, so a pipe is made inheritable and then moved to close-on-exec ends;
    /// without the lock a session spawning in parallel could inherit those ends in between.
    static let spawnLock = NSLock()

    /// The lowest descriptor a pipe end may have: 0, 1 and 2 are the standard streams, and an end
    /// that happened to be 0 or 1 (abrkit started with them closed) would be overwritten by the
    /// other end's `dup2` in the child.
    static let lowestPipeDescriptor: Int32 = 3

    #if canImport(Glibc)
    /// The C type of glibc's `posix_spawn_file_actions_addclosefrom_np`.
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later), looked up at run
    /// time because Swift's Glibc module does not declare it (it is a GNU extension); `nil` on
    /// an older glibc, where the program inherits abrkit's descriptors that are not close-on-exec.
    static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }
    #endif

    /// A pipe whose ends are close-on-exec and above the standard streams; call it holding
    /// ``spawnLock``. Close-on-exec keeps the ends out of every other program spawned later (a
    /// batch starts one per session, in parallel): a stray copy of a write end would hide the end
    /// of file a reader waits for.
    static func makePipe() throws(SystemCallError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SystemCallError("pipe", code: errno) }
        for index in ends.indices {
            let moved = fcntl(ends[index], F_DUPFD_CLOEXEC, lowestPipeDescriptor)
            let failure = moved < 0 ? errno : 0
            close(ends[index])
            ends[index] = moved
            guard failure == 0 else {
                for end in ends where end >= 0 { close(end) }
                throw SystemCallError("fcntl F_DUPFD_CLOEXEC", code: failure)
            }
        }
        return (ends[0], ends[1])
    }

    /// Spawns `arguments` in a new process group with `stdin` and `stdout` as its standard input
    /// and output, abrkit's stderr, no other descriptor of abrkit's (as Foundation's `Process`
    /// did), every signal at its default action and none blocked; call it holding ``spawnLock``.
    ///
    /// - Returns: 0, or the error number `posix_spawn(3)` returned.
    static func spawn(_ arguments: [String], stdin: Int32, stdout: Int32, pid: inout pid_t) -> Int32 {
        #if canImport(Glibc)
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        #else
        var attributes: posix_spawnattr_t? = nil
        var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)  // 0: a new group, whose id is the child's pid
        posix_spawn_file_actions_adddup2(&actions, stdin, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdout, STDOUT_FILENO)
        #if canImport(Glibc)
        _ = addCloseFrom?(&actions, STDERR_FILENO + 1)
        let closeOthers: Int32 = 0
        #else
        let closeOthers = POSIX_SPAWN_CLOEXEC_DEFAULT
        #endif
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | closeOthers))

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        #if canImport(Glibc)
        let environment = environ
        #else
        let environment = _NSGetEnviron().pointee
        #endif
        return posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environment)
    }
}
