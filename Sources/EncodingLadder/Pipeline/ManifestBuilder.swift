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

    /// (path relative to the output directory, text) of every media playlist.
    func mediaPlaylists() -> [(path: String, text: String)] {
        (videoRenditions + (audioRendition.map { [$0] } ?? [])).map {
            ("\($0.directory)/\(SegmentNaming.mediaPlaylist)", HLSWriter.media($0))
        }
    }

    func masterPlaylist() -> String { HLSWriter.master(video: videoRenditions, audio: audioRendition) }

    func mpd() -> String { DASHWriter.mpd(video: videoRenditions, audio: audioRendition, lowLatency: lowLatency) }

    /// The low-latency MPD description when segments were written in parts: nominal segment and
    /// part durations, and the longest part of any video rendition.
    var lowLatency: DASHLowLatency? {
        guard let partSeconds = report.partSeconds, let target = videoRenditions.compactMap(\.partTargetSeconds).max() else { return nil }
        return DASHLowLatency(segmentSeconds: report.segmentSeconds, partSeconds: partSeconds, partTargetSeconds: target)
    }
}

#endif
