import Foundation

/// Reading and writing whole text files with `FormatError`s that name the path.
///
/// Writes go through ``AtomicFile``, so a failed or interrupted write never leaves a half-written file behind.
enum TextFile {
    /// The file's contents as UTF-8 text.
    ///
    /// - Throws: `.fileNotFound`, or `.unreadable` for a folder, a FIFO or a device, a link loop, a
    ///   permission problem or invalid UTF-8.
    static func read(_ path: String) throws(FormatError) -> String {
        try text(readData(path), path: path)
    }

    /// `data` as UTF-8 text, or `.unreadable` naming `path`.
    static func text(_ data: Data, path: String) throws(FormatError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError(.unreadable, path: path, problem: "the file is not UTF-8 text")
        }
        return text
    }

    /// The file's bytes.
    ///
    /// Looks at the path with `stat` first (``FileKind``) and reads only a regular file, so a FIFO
    /// or a device is named as such and never opened (opening a FIFO would block for a writer).
    ///
    /// - Throws: `.fileNotFound`, or `.unreadable` for a folder, a FIFO, a socket or a device, a
    ///   symbolic link loop, or a file that cannot be read.
    static func readData(_ path: String) throws(FormatError) -> Data {
        let kind: FileKind
        do { kind = try FileKind.of(path) } catch {
            guard error.errno != ENOENT || error.danglingTarget != nil else { throw FormatError(.fileNotFound, path: path, problem: "no such file") }
            throw FormatError(error, path: path)
        }
        switch kind {
        case .regularFile: break
        case .folder: throw FormatError(.unreadable, path: path, problem: "this is a folder", expected: "a file")
        default:
            throw FormatError(.unreadable, path: path, problem: "not a regular file (\(kind.phrase))", expected: "a regular file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FormatError(.unreadable, path: path, problem: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Writes `text` through ``AtomicFile``, reporting a failure as a `FormatError`.
    static func write(_ text: String, to path: String) throws(FormatError) {
        do { try AtomicFile.write(text, to: path) } catch {
            throw FormatError(.unreadable, path: path, problem: "cannot write: \(error.message)" + (error.cause.map { " (\($0))" } ?? ""))
        }
    }

    /// Non-blank lines with their 1-based numbers, trimmed of spaces, tabs and `\r`.
    ///
    /// Splits on the byte `\n`, not on `Character`: Swift treats `"\r\n"` as one grapheme, and
    /// Pensieve's HSDPA files use Windows line ends.
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var result: [(number: Int, text: Substring)] = []
        let bytes = text.utf8
        var number = 0
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            guard let first = raw.firstIndex(where: { !isBlank($0) }), let last = raw.lastIndex(where: { !isBlank($0) }) else { continue }
            result.append((number, text[first..<bytes.index(after: last)]))
        }
        return result
    }

    /// Whitespace-separated fields of a line (spaces or tabs).
    static func fields(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }
}
