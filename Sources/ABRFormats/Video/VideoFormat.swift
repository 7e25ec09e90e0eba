import Foundation

/// The video (segment-size table) formats abrkit reads.
///
/// | format | what | sizes |
/// |---|---|---|
/// | `ladder` | `ladder.json` written by `abrkit encode` (`LadderFile`) | bits in the Sabre fields |
/// | `sabre` | Sabre movie JSON: `segment_duration_ms`, `bitrates_kbps`, `segment_sizes_bits[segment][level]` | bits |
/// | `pensieve` | a folder of `video_size_0 … video_size_{L−1}`, one chunk size per line, one file per level | bytes |
/// | `hls` | an HLS master playlist (`#EXTM3U` with `#EXT-X-STREAM-INF` variants), e.g. `abrkit encode`'s `master.m3u8` | byte ranges or segment files |
/// | `dash` | a DASH MPD (`<MPD>`), e.g. `abrkit encode`'s `manifest.mpd` | segment files or `mediaRange`s |
public enum VideoFormat: String, CaseIterable, Hashable, Sendable {
    case ladder, sabre, pensieve, hls, dash

    /// Every accepted input, in words, for errors that say what was expected.
    public static let acceptedInputs =
        "a ladder.json, an HLS master playlist (#EXTM3U), a DASH MPD (<MPD>), a Sabre movie JSON, or a folder of Pensieve video_size_N files"

    /// Guesses the format: a folder is `pensieve`; a file starting `#EXTM3U` is `hls`; one whose
    /// first non-blank character is `<` is `dash` (XML: the reader checks for `<MPD>`); a JSON object
    /// with `abrkit_ladder_version` or `levels` is `ladder`; any other JSON object is `sabre`.
    public static func detect(path: String) throws(FormatError) -> VideoFormat {
        let kind: FileKind
        do { kind = try FileKind.of(path) } catch { throw FormatError(error, path: path) }
        if kind == .folder { return .pensieve }
        let data = try TextFile.readData(path)
        if data.starts(with: Array("#EXTM3U".utf8)) { return .hls }
        if startsWithMarkup(data) { return .dash }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                throw FormatError(.emptyFile, path: path, problem: "the file is empty", expected: acceptedInputs)
            }
            throw FormatError(
                .unknownFormat, path: path, problem: "not a video abrkit reads (neither an HLS playlist, an MPD nor a JSON object)",
                expected: acceptedInputs)
        }
        return object["abrkit_ladder_version"] != nil || object["levels"] != nil ? .ladder : .sabre
    }

    /// Whether the first character after a UTF-8 byte order mark and white space is `<`.
    static func startsWithMarkup(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) } == UInt8(ascii: "<")
    }
}
