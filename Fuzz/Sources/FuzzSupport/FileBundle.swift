#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several files packed into one fuzzer input, so that a fuzzer can mutate a playlist and the
/// playlists it names, or a folder of per-level files, as one byte string.
///
/// A line `@@ NAME` starts the file `NAME`; the bytes before the first such line are the file
/// `firstName`. Every other byte belongs to the file in force, unchanged (line ends included), so
/// a one-file input is that file as is. A name is one to three `/`-separated parts of letters,
/// digits, `.`, `_` and `-` (not `.` or `..`), at most 100 bytes; a file with any other name is
/// dropped, so nothing is written outside the scratch folder. scripts/fuzz.sh packs its seeds in
/// this form.
///
/// ```
/// #EXTM3U
/// #EXT-X-STREAM-INF:BANDWIDTH=800000
/// 360p/playlist.m3u8
/// @@ 360p/playlist.m3u8
/// #EXTM3U
/// ...
/// ```
public struct FileBundle {
    /// One packed file.
    public struct File {
        /// The name, relative to the folder the bundle is unpacked into.
        public var name: String
        /// The file's contents.
        public var bytes: [UInt8]
    }

    /// The files, in input order; a later file of the same name replaces an earlier one when written.
    public var files: [File]

    /// The marker that starts a file: `@@ ` at the start of a line.
    static let marker = Array("@@ ".utf8)
    static let maximumNameBytes = 100
    static let maximumNameParts = 3

    /// Unpacks `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: the fuzzer's input.
    ///   - firstName: the name of the file before the first `@@` line.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, firstName: String) {
        files = []
        var name: String? = firstName
        var contentStart = 0
        var lineStart = 0
        func close(at end: Int) {
            if let name { files.append(File(name: name, bytes: Array(bytes[contentStart..<end]))) }
        }
        while lineStart < bytes.count, let base = bytes.baseAddress {
            // memchr: the generic `firstIndex(of:)` on a slice dominated the run time under ASan.
            let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart)
            let lineEnd = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            if bytes[lineStart..<lineEnd].starts(with: Self.marker) {
                close(at: lineStart)
                name = Self.validName(bytes[(lineStart + Self.marker.count)..<lineEnd])
                contentStart = min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        close(at: bytes.count)
    }

    /// The name in a marker line (trailing spaces and `\r` ignored), or `nil` when it is not allowed.
    static func validName(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        var text = raw[...]
        while let last = text.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\r") { text = text.dropLast() }
        guard !text.isEmpty, text.count <= maximumNameBytes else { return nil }
        let isAllowed: (UInt8) -> Bool = { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }
        let parts = text.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count <= maximumNameParts else { return nil }
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(isAllowed), !part.elementsEqual([UInt8(ascii: ".")]),
                !part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")])
            else { return nil }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
