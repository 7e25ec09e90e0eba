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
    /// `PART-HOLD-BACK` in part targets: RFC 8216bis (draft-pantos-hls-rfc8216bis §4.4.3.8,
    /// EXT-X-SERVER-CONTROL) requires at least 2 and recommends at least 3 times the largest part
    /// target of any rendition; 3 is how far behind the live edge a player then starts.
    public static let partHoldBackParts = 3.0

    /// The media playlist of one rendition, with URIs relative to its own directory.
    ///
    /// When the rendition's segments were written in CMAF parts, the playlist is a Low-Latency HLS
    /// one (RFC 8216bis §4.4.3.7, §4.4.3.8, §4.4.4.9, §4.4.5.4): `EXT-X-PART-INF` with
    /// `PART-TARGET` = the longest part (no part may be longer), `EXT-X-SERVER-CONTROL` with
    /// `CAN-BLOCK-RELOAD=YES` and `PART-HOLD-BACK`, before each segment's `EXTINF` one `EXT-X-PART`
    /// per part, addressed as a `BYTERANGE` of the segment file, `INDEPENDENT=YES` on every part that
    /// holds an independent frame (the IDR; every audio frame), and after the last segment an
    /// `EXT-X-RENDITION-REPORT` for each other rendition (the low-latency server profile, Appendix
    /// B.1, asks one of every media playlist). Its type is then `EVENT` (the complete record of a
    /// live event, which a live origin publishes by appending; `EXT-X-ENDLIST` says it has ended)
    /// instead of `VOD`. No version beyond 7 is needed: byte ranges need 4, fMP4 7, and the
    /// low-latency tags none (§8 names only `EXT-X-SKIP`).
    ///
    /// - Parameters:
    ///   - rendition: the rendition, with parts or without.
    ///   - partHoldBackSeconds: `PART-HOLD-BACK`; by default ``partHoldBackParts`` times the
    ///     rendition's own part target. Give the same value to every playlist of a presentation,
    ///     ``partHoldBackParts`` times the largest part target of all.
    ///   - renditionReports: the presentation's other renditions written in parts, reported by
    ///     their playlists' URIs relative to this one (`../<directory>/playlist.m3u8`).
    /// - Returns: the playlist text.
    /// - Precondition: at least one segment.
    public static func media(
        _ rendition: PackagedRendition, partHoldBackSeconds: Double? = nil, renditionReports: [PackagedRendition] = []
    ) -> String {
        precondition(!rendition.segments.isEmpty, "a media playlist needs segments")
        let partTarget = rendition.partTargetSeconds
        var lines = [
            "#EXTM3U",
            "#EXT-X-VERSION:\(version)",
            "#EXT-X-TARGETDURATION:\(PackagedRendition.targetDurationSeconds(rendition.segments.map(\.durationSeconds)))",
        ]
        if let partTarget {
            lines += [
                "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=\(NumberFormat.fixed(partHoldBackSeconds ?? partHoldBackParts * partTarget, 6))",
                "#EXT-X-PART-INF:PART-TARGET=\(NumberFormat.fixed(partTarget, 6))",
            ]
        }
        lines += [
            "#EXT-X-MEDIA-SEQUENCE:0",
            partTarget == nil ? "#EXT-X-PLAYLIST-TYPE:VOD" : "#EXT-X-PLAYLIST-TYPE:EVENT",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-MAP:URI=\"\(SegmentNaming.initSegment)\"",
        ]
        for (index, segment) in rendition.segments.enumerated() {
            let uri = SegmentNaming.mediaSegment(number: SegmentNaming.firstNumber + index)
            var offset = 0
            for part in segment.parts {
                lines.append(
                    "#EXT-X-PART:DURATION=\(NumberFormat.fixed(part.durationSeconds, 6)),URI=\"\(uri)\",BYTERANGE=\"\(part.bytes)@\(offset)\""
                        + (part.independent ? ",INDEPENDENT=YES" : ""))
                offset += part.bytes
            }
            lines.append("#EXTINF:\(NumberFormat.fixed(segment.durationSeconds, 6)),")
            lines.append(uri)
        }
        if partTarget != nil {
            for other in renditionReports {
                guard let last = other.segments.last, !last.parts.isEmpty else { continue }
                // Media sequence numbers count from 0 (EXT-X-MEDIA-SEQUENCE:0); parts within their segment.
                lines.append(
                    "#EXT-X-RENDITION-REPORT:URI=\"../\(other.directory)/\(SegmentNaming.mediaPlaylist)\",LAST-MSN=\(other.segments.count - 1),LAST-PART=\(last.parts.count - 1)"
                )
            }
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
