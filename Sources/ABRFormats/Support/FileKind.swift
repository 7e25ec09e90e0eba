import Foundation

/// What a path names, found with `stat(2)` (symbolic links followed) without opening it.
///
/// Readers look before they read: opening a FIFO blocks until a writer appears, a character
/// device such as `/dev/zero` never ends, and the size of a symbolic link (`lstat`) is the length
/// of its target's name, not the target's size. `stat` answers all three without touching the data.
enum FileKind: Hashable, Sendable {
    /// A regular file of `bytes` bytes (after following any symbolic links).
    case regularFile(bytes: Int)
    case folder
    /// A named pipe (`mkfifo`).
    case fifo
    case socket
    case characterDevice
    case blockDevice
    /// A file type `stat` reports that none of the above covers.
    case other

    /// Why a path could not be looked at: the `errno` of `stat(2)`, in words.
    struct LookupError: Error, Hashable, Sendable {
        /// The `errno` value `stat` set.
        var errno: Int32
        /// The target of a symbolic link that points at nothing, when that is why `stat` failed.
        var danglingTarget: String?

        /// `.fileNotFound` for a path that does not exist, `.unreadable` for one that cannot be looked at.
        var code: FormatError.Code { errno == ENOENT || errno == ENOTDIR ? .fileNotFound : .unreadable }

        /// The reason as a short phrase, naming the `errno` where the words alone would be vague.
        var problem: String {
            switch errno {
            case ENOENT: danglingTarget.map { "a symbolic link to \($0), which does not exist" } ?? "no such file or folder"
            case ELOOP: "a symbolic link loop (ELOOP: too many levels of symbolic links)"
            case ENOTDIR: "a component of the path is a file, not a folder (ENOTDIR)"
            case EACCES: "permission denied: a folder on the way cannot be searched (EACCES)"
            case ENAMETOOLONG: "the path is too long (ENAMETOOLONG)"
            default: "cannot look at it: \(String(cString: strerror(errno))) (errno \(errno))"
            }
        }
    }

    /// The kind of the file at `path`, links followed; never opens it.
    ///
    /// - Throws: ``LookupError`` when `stat` fails (no such path, a link loop, a dangling link, no permission).
    static func of(_ path: String) throws(LookupError) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let failure = errno
            var linkStatus = stat()
            let isLink = lstat(path, &linkStatus) == 0 && linkStatus.st_mode & S_IFMT == S_IFLNK
            let target = isLink && failure == ENOENT ? try? FileManager.default.destinationOfSymbolicLink(atPath: path) : nil
            throw LookupError(errno: failure, danglingTarget: target)
        }
        return switch status.st_mode & S_IFMT {
        case S_IFREG: .regularFile(bytes: Int(status.st_size))
        case S_IFDIR: .folder
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        default: .other
        }
    }

    /// The kind with an article, for messages: "a FIFO", "a folder".
    var phrase: String {
        switch self {
        case .regularFile: "a regular file"
        case .folder: "a folder"
        case .fifo: "a FIFO"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .other: "a special file of an unknown kind"
        }
    }
}

extension FormatError {
    /// A path `stat` could not look at: `traces/x: a symbolic link loop (ELOOP: too many levels of symbolic links)`.
    init(_ lookup: FileKind.LookupError, path: String) {
        self.init(lookup.code, path: path, problem: lookup.problem)
    }
}
