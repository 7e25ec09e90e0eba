// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import ABRFormats
import LadderCore

/// Turns an encode's measurements into the packaging layer's renditions, and those into manifest text.
struct ManifestBuilder {
    var report: EncodeReport
    /// Video rungs in manifest order (ascending bitrate).
    var rungs: [RungReport]

    var videoRenditions: [PackagedRendition] {
        rungs.map(\.packaged)
    }

    var audioRendition: PackagedRendition? {
        report.audio.map { audio in
            PackagedRendition(
                id: AudioRendition.directoryName, directory: AudioRendition.directoryName, codecString: audio.codecString,
                media: .audio(sampleRate: audio.sampleRate, channels: audio.channelCount, language: nil),
                segments: audio.segmentBytes.indices.map { index in
                    PackagedSegment(
                        durationSeconds: audio.segmentDurationsSeconds[index], bytes: audio.segmentBytes[index],
                        parts: audio.segmentParts.isEmpty ? [] : audio.segmentParts[index])
                })
        }
    }

    /// (path relative to the output directory, text) of every media playlist. With parts, all share
    /// one `PART-HOLD-BACK` (three times the largest part target of any, video or audio) and each
    /// reports the others.
    func mediaPlaylists() -> [(path: String, text: String)] {
        let all = videoRenditions + (audioRendition.map { [$0] } ?? [])
        let holdBack = partTargetSeconds.map { HLSWriter.partHoldBackParts * $0 }
        return all.map { rendition in
            (
                "\(rendition.directory)/\(SegmentNaming.mediaPlaylist)",
                HLSWriter.media(rendition, partHoldBackSeconds: holdBack, renditionReports: all.filter { $0.id != rendition.id })
            )
        }
    }

    /// The largest part target of any rendition, video or audio; nil without parts.
    var partTargetSeconds: Double? {
        (videoRenditions + (audioRendition.map { [$0] } ?? [])).compactMap(\.partTargetSeconds).max()
    }

    func masterPlaylist() -> String { HLSWriter.master(video: videoRenditions, audio: audioRendition) }

    func mpd() -> String { DASHWriter.mpd(video: videoRenditions, audio: audioRendition, lowLatency: lowLatency) }

    /// The low-latency MPD description when segments were written in parts: nominal segment and
    /// part durations, and the longest part of any rendition (so the latency is the playlists').
    var lowLatency: DASHLowLatency? {
        guard let partSeconds = report.partSeconds, let target = partTargetSeconds else { return nil }
        return DASHLowLatency(segmentSeconds: report.segmentSeconds, partSeconds: partSeconds, partTargetSeconds: target)
    }
}

#endif
