import ABRSimulator
import Foundation

/// An HLS master playlist as the simulator plays it: one level per variant stream, segment sizes
/// from the media playlists' byte ranges or from the segment files on disk.
///
/// - Levels: `#EXT-X-STREAM-INF` variants, ordered by `AVERAGE-BANDWIDTH` (else `BANDWIDTH`), which
///   is the level's nominal bitrate; `RESOLUTION` gives its size. I-frame playlists and audio
///   renditions (`EXT-X-MEDIA`) are not played: the simulator models the video track.
/// - Segments: each `#EXTINF` in a media playlist; its bytes are the `#EXT-X-BYTERANGE` length, or the
///   size of the file the URI names, relative to the playlist. Init segments (`EXT-X-MAP`) are fetched
///   once per switch by real players and are not counted (a few hundred bytes).
/// - Files: a segment file must be a regular file; a symbolic link counts as the file it points at
///   (`stat`, never `lstat`), and a FIFO, a device or a folder is an error, looked at without being
///   opened. Media playlists and segment files must lie inside the master playlist's folder (the URI
///   as written, `..` resolved) unless `allowOutside`; a segment with a byte range is not looked at
///   on disk, so its URI is not checked.
/// - Segment duration: the median `EXTINF` of the first variant is the nominal one policies plan
///   with; every segment plays for its own `EXTINF` (a short last segment included), as from `ladder.json`.
/// Every variant must list the same number of segments (an aligned ladder, as `abrkit encode` writes).
public enum HLSVideo {
    /// A variant stream from the master playlist.
    struct Variant {
        var bandwidth: Double
        var averageBandwidth: Double?
        var width: Int?
        var height: Int?
        var uri: String
        /// The `#EXT-X-STREAM-INF` line.
        var line: Int
        /// The line of the URI that follows it.
        var uriLine: Int
    }

    /// Reads a master playlist and its media playlists.
    ///
    /// - Parameters:
    ///   - path: the master playlist.
    ///   - allowOutside: read media playlists and segment files whose URIs lead outside the master
    ///     playlist's folder (`../x`, absolute paths); by default they are refused.
    /// - Throws: `FormatError` naming the playlist, the line and the URI of the first problem.
    public static func read(path: String, allowOutside: Bool = false) throws(FormatError) -> Video {
        let text = try TextFile.read(path)
        let scope = ManifestScope(manifest: path, kind: "master playlist", allowOutside: allowOutside)
        let variants = try parseMaster(text, path: path).sorted { ($0.averageBandwidth ?? $0.bandwidth) < ($1.averageBandwidth ?? $1.bandwidth) }
        var table: [[Int]] = []
        var durations: [Double] = []
        for (k, variant) in variants.enumerated() {
            let mediaPath = try scope.localPath(of: variant.uri, in: path, line: variant.uriLine, what: "media playlist")
            _ = try scope.regularFileBytes(mediaPath, uri: variant.uri, in: path, line: variant.uriLine, what: "media playlist")
            let (sizes, extinf) = try parseMedia(try TextFile.read(mediaPath), path: mediaPath, scope: scope)
            if k == 0 {
                durations = extinf; table = sizes.map { [$0] }
            } else {
                guard sizes.count == table.count else {
                    throw FormatError(
                        .inconsistentTable, path: mediaPath, value: String(sizes.count),
                        problem: "\(sizes.count) segments, but \(variants[0].uri) has \(table.count)", expected: "aligned variants with equal segment counts")
                }
                for (i, size) in sizes.enumerated() { table[i].append(size) }
            }
        }
        let sorted = durations.sorted()
        let median = sorted[sorted.count / 2]
        let levels = variants.map {
            Level(bitsPerSecond: $0.averageBandwidth ?? $0.bandwidth, width: $0.width, height: $0.height, name: $0.height.map { "\($0)p" })
        }
        do {
            return try Video(levels: levels, segmentSeconds: median, segmentBytes: table, segmentDurations: durations)
        } catch {
            throw FormatError(error, path: path)
        }
    }

    static func parseMaster(_ text: String, path: String) throws(FormatError) -> [Variant] {
        let lines = TextFile.lines(text)
        guard lines.first?.text == "#EXTM3U" else {
            throw FormatError(
                .unknownFormat, path: path, line: lines.first?.number, value: lines.first.map { String($0.text) },
                problem: "not an HLS playlist", expected: "#EXTM3U on the first line")
        }
        var variants: [Variant] = []
        var pending: (attributes: [String: String], line: Int)?
        for (number, line) in lines.dropFirst() {
            if line.hasPrefix("#EXT-X-STREAM-INF:") {
                pending = (attributes(String(line.dropFirst("#EXT-X-STREAM-INF:".count))), number)
            } else if !line.hasPrefix("#"), let (attrs, infLine) = pending {
                guard let bandwidth = attrs["BANDWIDTH"].flatMap(Double.init), bandwidth > 0 else {
                    throw FormatError(
                        .outOfRange, path: path, line: infLine, value: attrs["BANDWIDTH"] ?? "(none)",
                        problem: "BANDWIDTH is missing or not a positive number", expected: "bits per second > 0")
                }
                let average = attrs["AVERAGE-BANDWIDTH"].flatMap(Double.init)
                let size = attrs["RESOLUTION"]?.split(separator: "x").compactMap { Int($0) }
                variants.append(
                    Variant(
                        bandwidth: bandwidth, averageBandwidth: average, width: size?.first, height: size?.count == 2 ? size?[1] : nil,
                        uri: String(line), line: infLine, uriLine: number))
                pending = nil
            }
        }
        guard !variants.isEmpty else {
            throw FormatError(
                .inconsistentTable, path: path, problem: "no #EXT-X-STREAM-INF variants", expected: "a master playlist (a media playlist is one level)")
        }
        return variants
    }

    /// Segment sizes and EXTINF durations of a media playlist; `scope` says where segment files may lie.
    static func parseMedia(_ text: String, path: String, scope: ManifestScope) throws(FormatError) -> (sizes: [Int], durations: [Double]) {
        var sizes: [Int] = [], durations: [Double] = []
        var duration: (value: Double, line: Int)?
        var byteRange: Int?
        for (number, line) in TextFile.lines(text) {
            if line.hasPrefix("#EXTINF:") {
                let field = line.dropFirst("#EXTINF:".count).split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                guard let value = Double(field), value.isFinite, value > 0 else {
                    throw FormatError(
                        .outOfRange, path: path, line: number, value: String(field), problem: "EXTINF duration is not a positive number",
                        expected: "seconds > 0")
                }
                duration = (value, number)
            } else if line.hasPrefix("#EXT-X-BYTERANGE:") {
                let spec = line.dropFirst("#EXT-X-BYTERANGE:".count).split(separator: "@").first ?? ""
                guard let length = Int(spec), length >= 0 else {
                    throw FormatError(
                        .outOfRange, path: path, line: number, value: String(spec), problem: "byte range length is not a whole number", expected: "bytes ≥ 0")
                }
                byteRange = length
            } else if !line.hasPrefix("#"), let (seconds, _) = duration {
                if let byteRange {
                    sizes.append(byteRange)
                } else {
                    let uri = String(line)
                    let segmentPath = try scope.localPath(of: uri, in: path, line: number, what: "segment")
                    sizes.append(try scope.regularFileBytes(segmentPath, uri: uri, in: path, line: number, what: "segment"))
                }
                durations.append(seconds)
                duration = nil
                byteRange = nil
            }
        }
        guard !sizes.isEmpty else {
            throw FormatError(.inconsistentTable, path: path, problem: "no segments (#EXTINF)", expected: "a media playlist with segments")
        }
        return (sizes, durations)
    }

    /// `KEY=value,KEY="quoted, value"` attribute lists (RFC 8216 §4.2).
    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var key = "", value = "", inKey = true, quoted = false
        func flush() {
            if !key.isEmpty { result[key.trimmingCharacters(in: .whitespaces)] = value }
            key = ""; value = ""; inKey = true
        }
        for c in text {
            if inKey {
                if c == "=" { inKey = false } else if c == "," { flush() } else { key.append(c) }
            } else if c == "\"" {
                quoted.toggle()
            } else if c == ",", !quoted {
                flush()
            } else {
                value.append(c)
            }
        }
        flush()
        return result
    }
}
