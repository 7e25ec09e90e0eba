import ABRSimulator
import LadderCore

/// HLS playlists for fMP4/CMAF renditions (RFC 8216 and Apple's HLS Authoring Specification).
///
/// Pure text: the caller writes the strings with ``AtomicFile`` after every segment is on disk.
/// `BANDWIDTH` and `AVERAGE-BANDWIDTH` are *measured* from the segment sizes (RFC 8216 §4.3.4.2),
/// not copied from encoder targets as the ffmpeg CLI does (1.1 × target).
public enum HLSWriter {
    /// Playlist version: fMP4 segments need 7 per Apple's HLS Authoring Specification (EXT-X-MAP
    /// alone needs 6, RFC 8216 §7).
    public static let version = 7
    /// Audio group id used by the master playlist.
    public static let audioGroupID = "audio"
    /// The media playlist of one rendition, with URIs relative to its own directory.
    ///
    /// - Precondition: at least one segment.
    public static func media(_ rendition: PackagedRendition) -> String {
        precondition(!rendition.segments.isEmpty, "a media playlist needs segments")
        var lines = [
            "#EXTM3U",
            "#EXT-X-VERSION:\(version)",
            "#EXT-X-TARGETDURATION:\(PackagedRendition.targetDurationSeconds(rendition.segments.map(\.durationSeconds)))",
            "#EXT-X-MEDIA-SEQUENCE:0",
            "#EXT-X-PLAYLIST-TYPE:VOD",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-MAP:URI=\"\(SegmentNaming.initSegment)\"",
        ]
        for (index, segment) in rendition.segments.enumerated() {
            lines.append("#EXTINF:\(NumberFormat.fixed(segment.durationSeconds, 6)),")
            lines.append(SegmentNaming.mediaSegment(number: SegmentNaming.firstNumber + index))
        }
        lines.append("#EXT-X-ENDLIST")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The master playlist: one `EXT-X-STREAM-INF` per video rendition, in the order given, and an
    /// `EXT-X-MEDIA` audio rendition when `audio` is present.
    ///
    /// With audio, `BANDWIDTH` is video peak + audio peak and `AVERAGE-BANDWIDTH` the sum of the
    /// averages (RFC 8216 §4.3.4.2: the largest sum over playable combinations), and `CODECS`
    /// lists both.
    ///
    /// - Precondition: every element of `video` is `.video`, and `audio` (if any) is `.audio`.
    public static func master(video: [PackagedRendition], audio: PackagedRendition? = nil) -> String {
        var lines = ["#EXTM3U", "#EXT-X-VERSION:\(version)", "#EXT-X-INDEPENDENT-SEGMENTS"]
        if let audio {
            guard case .audio(_, let channels, let language) = audio.media else {
                preconditionFailure("audio rendition expected")
            }
            var attributes = ["TYPE=AUDIO", "GROUP-ID=\"\(audioGroupID)\"", "NAME=\"\(language ?? audio.id)\""]
            if let language { attributes.append("LANGUAGE=\"\(language)\"") }
            attributes += [
                "DEFAULT=YES", "AUTOSELECT=YES", "CHANNELS=\"\(channels)\"",
                "URI=\"\(audio.directory)/\(SegmentNaming.mediaPlaylist)\"",
            ]
            lines.append("#EXT-X-MEDIA:" + attributes.joined(separator: ","))
        }
        for rendition in video {
            guard case .video(let width, let height, let frameRate) = rendition.media else {
                preconditionFailure("video rendition expected")
            }
            var attributes = [
                "BANDWIDTH=\(rendition.peakBitsPerSecond + (audio?.peakBitsPerSecond ?? 0))",
                "AVERAGE-BANDWIDTH=\(rendition.averageBitsPerSecond + (audio?.averageBitsPerSecond ?? 0))",
                "CODECS=\"\(([rendition.codecString] + (audio.map { [$0.codecString] } ?? [])).joined(separator: ","))\"",
                "RESOLUTION=\(width)x\(height)",
                "FRAME-RATE=\(frameRate.hlsAttribute)",
            ]
            if audio != nil { attributes.append("AUDIO=\"\(audioGroupID)\"") }
            lines.append("#EXT-X-STREAM-INF:" + attributes.joined(separator: ","))
            lines.append("\(rendition.directory)/\(SegmentNaming.mediaPlaylist)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
