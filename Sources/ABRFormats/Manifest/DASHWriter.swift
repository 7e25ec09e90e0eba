import ABRSimulator
import LadderCore

/// A static DASH MPD over the same CMAF segments as the HLS playlists (ISO/IEC 23009-1, live profile).
///
/// Each Representation uses a `SegmentTemplate` with a `SegmentTimeline` of the real segment
/// durations, so a short last segment or an uneven cut is described exactly.
public enum DASHWriter {
    /// SegmentTimeline ticks per second: 90 kHz divides the frame durations of 24, 25, 30, 50, 60 fps
    /// and their NTSC (×1000/1001) variants exactly.
    public static let timescale = 90_000

    /// The MPD text.
    ///
    /// `minBufferTime` is the longest segment of any rendition, and each `@bandwidth` is the smallest
    /// constant rate at which that Representation plays without stalling after `minBufferTime`
    /// (see ``bandwidthBitsPerSecond(_:minBufferSeconds:)``).
    ///
    /// With `lowLatency`, the MPD also carries what a low-latency player needs (see ``DASHLowLatency``):
    /// the DASH-IF low-latency profile, a `ServiceDescription` with `Latency` target, min and max in
    /// ms (dash.js `DashManifestModel.getServiceDescriptions` reads them), `availabilityTimeOffset`
    /// with `availabilityTimeComplete="false"` on every `SegmentTemplate`, and a `UTCTiming`. It stays
    /// `type="static"`: a dynamic MPD maps its timeline to the wall clock through
    /// `availabilityStartTime`, which only the origin that serves it live knows (and a deterministic
    /// encode cannot write), and which ffprobe (5.1) cannot read from files at rest. An origin
    /// replaying the encode live sets `type="dynamic"` and `availabilityStartTime`.
    ///
    /// - Parameters:
    ///   - video: the video renditions, in ascending bitrate.
    ///   - audio: the audio rendition, if any.
    ///   - lowLatency: the low-latency description, when the segments were written in parts.
    /// - Returns: the MPD text.
    /// - Precondition: every element of `video` is `.video` and has segments; `audio` (if any) is `.audio`.
    public static func mpd(video: [PackagedRendition], audio: PackagedRendition? = nil, lowLatency: DASHLowLatency? = nil) -> String {
        let all = video + (audio.map { [$0] } ?? [])
        precondition(!video.isEmpty && all.allSatisfy { !$0.segments.isEmpty }, "an MPD needs renditions with segments")
        let minBuffer = all.map(\.maximumSegmentSeconds).max() ?? 0
        let duration = all.map(\.durationSeconds).max() ?? 0
        var xml = XMLLines()
        xml.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        xml.open(
            "MPD",
            [
                ("xmlns", "urn:mpeg:dash:schema:mpd:2011"),
                ("profiles", "urn:mpeg:dash:profile:isoff-live:2011" + (lowLatency == nil ? "" : "," + lowLatencyProfile)),
                ("type", "static"), ("mediaPresentationDuration", NumberFormat.isoDuration(seconds: duration)),
                ("minBufferTime", NumberFormat.isoDuration(seconds: minBuffer)),
            ]
        )
        if let lowLatency {
            // ISO/IEC 23009-1 Annex K: ServiceDescription@id is required; it precedes the Periods.
            xml.open("ServiceDescription", [("id", "0")])
            xml.empty(
                "Latency",
                [
                    ("target", "\(lowLatency.targetLatencyMs)"), ("min", "\(lowLatency.minimumLatencyMs)"),
                    ("max", "\(lowLatency.maximumLatencyMs)"),
                ])
            xml.close("ServiceDescription")
        }
        xml.open("Period", [("id", "0"), ("start", "PT0.000S")])
        xml.open("AdaptationSet", adaptationSet(id: 0, contentType: "video", language: nil))
        for rendition in video {
            guard case .video(let width, let height, let frameRate) = rendition.media else {
                preconditionFailure("video rendition expected")
            }
            xml.open(
                "Representation",
                [
                    ("id", rendition.id),
                    ("bandwidth", "\(bandwidthBitsPerSecond(rendition, minBufferSeconds: minBuffer))"),
                    ("width", "\(width)"), ("height", "\(height)"), ("codecs", rendition.codecString),
                    ("frameRate", frameRate.dashAttribute), ("sar", "1:1"),
                ]
            )
            segmentTemplate(rendition, lowLatency: lowLatency, into: &xml)
            xml.close("Representation")
        }
        xml.close("AdaptationSet")
        if let audio {
            guard case .audio(let sampleRate, let channels, let language) = audio.media else {
                preconditionFailure("audio rendition expected")
            }
            xml.open("AdaptationSet", adaptationSet(id: 1, contentType: "audio", language: language))
            xml.open(
                "Representation",
                [
                    ("id", audio.id), ("bandwidth", "\(bandwidthBitsPerSecond(audio, minBufferSeconds: minBuffer))"),
                    ("codecs", audio.codecString), ("audioSamplingRate", "\(sampleRate)"),
                ]
            )
            xml.empty(
                "AudioChannelConfiguration",
                [("schemeIdUri", audioChannelConfigurationScheme), ("value", "\(channels)")]
            )
            segmentTemplate(audio, lowLatency: lowLatency, into: &xml)
            xml.close("Representation")
            xml.close("AdaptationSet")
        }
        xml.close("Period")
        if lowLatency != nil {
            // After the Periods (the MPD schema's element order).
            xml.empty("UTCTiming", [("schemeIdUri", DASHLowLatency.utcTimingScheme), ("value", DASHLowLatency.utcTimingSource)])
        }
        xml.close("MPD")
        return xml.text
    }

    /// The DASH-IF interoperability point for low-latency live (IOP v5, "Low-latency Modes for DASH").
    static let lowLatencyProfile = "http://www.dashif.org/guidelines/low-latency-live-v5"

    /// ISO/IEC 23009-1 / 23003-3 scheme for a channel count.
    static let audioChannelConfigurationScheme = "urn:mpeg:dash:23003:3:audio_channel_configuration:2011"

    private static func adaptationSet(id: Int, contentType: String, language: String?) -> [(String, String)] {
        [("id", "\(id)"), ("contentType", contentType), ("mimeType", "\(contentType)/mp4")]
            + (language.map { [("lang", $0)] } ?? []) + [("segmentAlignment", "true"), ("startWithSAP", "1")]
    }

    /// ISO/IEC 23009-1 `@bandwidth`: the smallest constant rate B (bits/s, rounded up) such that a
    /// client receiving the Representation at B from any segment start, and starting playout after
    /// `minBufferSeconds`, has every segment complete by its playout time:
    /// B = max over k ≤ j of bits(k…j) ÷ (minBuffer + start(j) − start(k)).
    ///
    /// - Complexity: O(n²) in the number of segments.
    public static func bandwidthBitsPerSecond(_ rendition: PackagedRendition, minBufferSeconds: Double) -> Int {
        var starts: [Double] = []
        var t = 0.0
        for segment in rendition.segments { starts.append(t); t += segment.durationSeconds }
        var rate = 0.0
        for k in rendition.segments.indices {
            var bits = 0.0
            for j in k..<rendition.segments.count {
                bits += Double(rendition.segments[j].bytes * 8)
                let seconds = minBufferSeconds + starts[j] - starts[k]
                if seconds > 0 { rate = max(rate, bits / seconds) }
            }
        }
        return Int(rate.rounded(.up))
    }

    /// `SegmentTemplate` with a run-length `SegmentTimeline`. Tick boundaries are rounded from the
    /// cumulative time, so rounding never drifts. With `lowLatency`, `availabilityTimeOffset` in
    /// seconds to the µs (2.002 − 0.5 is written 1.502, not 1.5019999999999998).
    static func segmentTemplate(_ rendition: PackagedRendition, lowLatency: DASHLowLatency? = nil, into xml: inout XMLLines) {
        var durations: [Int] = []
        var elapsed = 0.0
        var previousTick = 0
        for segment in rendition.segments {
            elapsed += segment.durationSeconds
            let tick = Int((elapsed * Double(timescale)).rounded())
            durations.append(tick - previousTick)
            previousTick = tick
        }
        xml.open(
            "SegmentTemplate",
            [
                ("timescale", "\(timescale)"),
                ("initialization", "\(rendition.directory)/\(SegmentNaming.initSegment)"),
                ("media", "\(rendition.directory)/\(SegmentNaming.dashMediaTemplate)"),
                ("startNumber", "\(SegmentNaming.firstNumber)"),
            ]
                + (lowLatency.map {
                    [
                        ("availabilityTimeOffset", NumberFormat.shortest(($0.availabilityTimeOffsetSeconds * 1e6).rounded() / 1e6)),
                        ("availabilityTimeComplete", "false"),
                    ]
                } ?? [])
        )
        xml.open("SegmentTimeline", [])
        var index = 0
        while index < durations.count {
            var repeats = 0
            while index + repeats + 1 < durations.count, durations[index + repeats + 1] == durations[index] {
                repeats += 1
            }
            let start = index == 0 ? [("t", "0")] : []
            let repetition = repeats > 0 ? [("r", "\(repeats)")] : []
            xml.empty("S", start + [("d", "\(durations[index])")] + repetition)
            index += repeats + 1
        }
        xml.close("SegmentTimeline")
        xml.close("SegmentTemplate")
    }
}
