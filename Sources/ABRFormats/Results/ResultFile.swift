import Foundation

/// One file of a result set, written as it is produced: rows gather in a ``CSVBuffer`` and go to
/// disk in writes of ``flushBytes``, so a 100 MB `segments.csv` never sits in memory whole.
public final class ResultFile {
    /// 1 MiB per write: large enough that system calls cost nothing next to formatting.
    public static let flushBytes = 1 << 20

    /// The file's name in the set.
    public let name: String
    /// Bytes written so far.
    public private(set) var byteCount = 0
    private let path: String
    private var descriptor: Int32

    init(name: String, path: String) throws(FormatError) {
        self.name = name
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot create") }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Writes the buffer out once it holds at least ``flushBytes``, and empties it.
    public func drain(_ csv: inout CSVBuffer) throws(FormatError) {
        if csv.bytes.count >= Self.flushBytes { try write(&csv) }
    }

    /// Writes what the buffer holds, flushes the file to disk and closes it.
    func finish(_ csv: inout CSVBuffer) throws(FormatError) {
        try write(&csv)
        guard fsync(descriptor) == 0 else { throw Self.failure(path, "cannot flush") }
        close(descriptor)
        descriptor = -1
    }

    private func write(_ csv: inout CSVBuffer) throws(FormatError) {
        var failed = false
        csv.bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        guard !failed else { throw Self.failure(path, "cannot write") }
        byteCount += csv.bytes.count
        csv.bytes.removeAll(keepingCapacity: true)
    }

    private static func failure(_ path: String, _ what: String) -> FormatError {
        FormatError(.unreadable, path: path, problem: "\(what): \(String(cString: strerror(errno)))")
    }
}
