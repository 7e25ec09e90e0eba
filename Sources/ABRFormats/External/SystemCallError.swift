#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call that failed while starting an external program: which call, and the error
/// number it gave, with the system's text for it.
///
/// Its `description` is what an external policy's `launchFailed` message quotes, e.g.
/// `posix_spawn /usr/bin/env failed: Resource temporarily unavailable (errno 11)`.
struct SystemCallError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The call and what it was applied to, e.g. `pipe2` or `posix_spawn /usr/bin/env`.
    var call: String
    /// The error number (`errno`, or the value `posix_spawn` returned).
    var code: Int32

    init(_ call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    var description: String { "\(call) failed: \(String(cString: strerror(code))) (errno \(code))" }
}
