import Foundation

/// The video (segment-size table) formats abrkit reads.
///
/// | format | what | sizes |
/// |---|---|---|
/// | `ladder` | `ladder.json` written by `abrkit encode` (`LadderFile`) | bits in the Sabre fields |
/// | `sabre` | Sabre movie JSON: `segment_duration_ms`, `bitrates_kbps`, `segment_sizes_bits[segment][level]` | bits |
/// | `pensieve` | a folder of `video_size_0 … video_size_{L−1}`, one chunk size per line, one file per level | bytes |
/// | `hls` | an HLS master playlist (`#EXTM3U` with `#EXT-X-STREAM-INF` variants), e.g. `abrkit encode`'s `master.m3u8` | byte ranges or segment files |
public enum VideoFormat: String, CaseIterable, Hashable, Sendable {
    case ladder, sabre, pensieve, hls

    /// Guesses the format: a folder is `pensieve`; a file starting `#EXTM3U` is `hls`; a JSON object with `abrkit_ladder_version` or
    /// `levels` is `ladder`; any other JSON object is `sabre`.
    public static func detect(path: String) throws(FormatError) -> VideoFormat {
        let kind: FileKind
        do { kind = try FileKind.of(path) } catch { throw FormatError(error, path: path) }
        if kind == .folder { return .pensieve }
        let data = try TextFile.readData(path)
        if data.starts(with: Array("#EXTM3U".utf8)) { return .hls }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                throw FormatError(.emptyFile, path: path, problem: "the file is empty", expected: "a ladder.json or Sabre movie JSON object")
            }
            throw FormatError(
                .unknownFormat, path: path, problem: "not a JSON object",
                expected: "a ladder.json or Sabre movie JSON file, or a folder of Pensieve video_size_N files")
        }
        return object["abrkit_ladder_version"] != nil || object["levels"] != nil ? .ladder : .sabre
    }
}
