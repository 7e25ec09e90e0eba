import Foundation

/// Writes a file so readers see either the old content or the new, never a partial file.
///
/// The bytes go to a temporary file in the destination's directory (same file system), are
/// flushed to disk, and are then renamed over the destination (`rename(2)` is atomic on POSIX).
/// Manifests and `ladder.json` are written this way, last, so they never point at missing data.
/// abrkit's one atomic writer: results, traces, figures, segments and manifests all go through it.
public enum AtomicFile {
    /// A failed atomic write; the destination is untouched and no temporary file is left.
    public struct WriteError: Error, Hashable, Sendable, CustomStringConvertible {
        public enum Code: String, Sendable { case directoryMissing, createFailed, writeFailed, renameFailed }
        public var code: Code
        public var path: String
        public var message: String
        /// `errno` text of the failing call.
        public var cause: String?
        public var description: String { "\(path): \(message)" + (cause.map { " (\($0))" } ?? "") }
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String, flush: Bool = true) throws(WriteError) {
        try write(Data(text.utf8), to: path, flush: flush)
    }

    /// Writes `data` to `path` atomically.
    ///
    /// - Parameters:
    ///   - data: the file's new contents.
    ///   - path: the file to replace or create; its folder must exist.
    ///   - flush: `fsync` the file before the rename, so a crash cannot leave an empty file under the
    ///     new name. Media segments skip it (the manifests written after them are flushed, and a
    ///     segment per file would cost a disk round trip each).
    /// - Throws: ``WriteError`` naming the path and the system error.
    public static func write(_ data: Data, to path: String, flush: Bool = true) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError(code: .directoryMissing, path: path, message: "directory \(directory) does not exist")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw WriteError(
                code: .createFailed,
                path: path,
                message: "cannot create a temporary file in \(directory)",
                cause: errnoText()
            )
        }
        var failure: WriteError?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(fd, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = WriteError(
                        code: .writeFailed,
                        path: path,
                        message: "cannot write \(temporary)",
                        cause: errnoText()
                    )
                    return
                }
                offset += written
            }
        }
        if failure == nil, flush, fsync(fd) != 0 {
            failure = WriteError(
                code: .writeFailed,
                path: path,
                message: "cannot flush \(temporary)",
                cause: errnoText()
            )
        }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 {
            failure = WriteError(
                code: .renameFailed,
                path: path,
                message: "cannot rename \(temporary) over it",
                cause: errnoText()
            )
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
