import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of this process's own under the temporary directory, where inputs become files for
/// readers that only take a path; reused by every input and removed when the process exits.
///
/// The folder is `$TMPDIR/abrkit-fuzz-NAME-PID`. Files are written and removed with plain
/// `open`/`write`/`unlink` (Foundation's atomic writes cost more than the parsers they feed). A
/// failure to create the folder or to write a single input is the machine's problem, not a
/// finding, and stops the fuzzer with a message that says so.
///
/// A `final class` because it owns the folder and remembers what the last input put in it;
/// `@unchecked Sendable` because libFuzzer calls the target from one thread, one input at a time.
public final class ScratchFolder: @unchecked Sendable {
    /// The folder.
    public let path: String
    /// Files and sub-folders the last bundle created, in creation order, to remove before the next.
    private var createdFiles: [String] = []
    private var createdFolders: [String] = []

    /// Creates the folder (emptied if it exists) and arranges its removal at exit.
    ///
    /// - Parameter name: the fuzzer's name, to tell the folders apart.
    public init(_ name: String) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-fuzz-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            fatalError("abrkit-fuzz: cannot create the scratch folder \(path): \(error) (a machine problem, not a finding)")
        }
        ScratchRegistry.removeAtExit(path)
    }

    /// Writes `bytes` to the file `name` in the folder, replacing it, and returns its path.
    ///
    /// - Parameter name: a plain file name (no folder).
    public func write(_ bytes: UnsafeBufferPointer<UInt8>, to name: String) -> String {
        let file = path + "/" + name
        guard writeFile(file, bytes) else {
            fatalError("abrkit-fuzz: cannot write \(file): errno \(errno) (a machine problem, not a finding)")
        }
        return file
    }

    /// Writes every file of `bundle` under the folder, after removing what the previous bundle wrote.
    ///
    /// A file whose place is taken (a name that is also another file's folder) is skipped: the
    /// fuzzer made a bundle no file system can hold, not a reader problem.
    ///
    /// - Returns: the names written, in bundle order.
    @discardableResult
    public func replaceContents(with bundle: FileBundle) -> [String] {
        for file in createdFiles { unlink(file) }
        for folder in createdFolders.reversed() { rmdir(folder) }
        createdFiles = []
        createdFolders = []
        var written: [String] = []
        for file in bundle.files {
            let parts = file.name.split(separator: "/")
            var folder = path
            for part in parts.dropLast() {
                folder += "/" + part
                if mkdir(folder, 0o755) == 0 { createdFolders.append(folder) }
            }
            let target = path + "/" + file.name
            let ok = file.bytes.withUnsafeBufferPointer { writeFile(target, $0) }
            if ok {
                createdFiles.append(target)
                written.append(file.name)
            }
        }
        return written
    }
}

/// Writes `bytes` to `file` with `open(O_TRUNC)` and `write` until done; `false` on any error.
private func writeFile(_ file: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count, let base = bytes.baseAddress {
        let count = write(fd, base + offset, bytes.count - offset)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return false }
        offset += count
    }
    return true
}

/// The scratch folders to remove when the process exits normally (libFuzzer exits after `-runs`;
/// after a crash the folder stays, and scripts/fuzz.sh removes its whole temporary directory).
private enum ScratchRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [String] = []

    static func removeAtExit(_ path: String) {
        let isFirst = lock.withLock {
            paths.append(path)
            return paths.count == 1
        }
        if isFirst { atexit { ScratchRegistry.removeAll() } }
    }

    private static func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
