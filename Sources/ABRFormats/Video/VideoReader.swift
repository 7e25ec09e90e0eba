import ABRSimulator

/// Reads a video description in any `VideoFormat`, detecting it unless told.
public enum VideoReader {
    /// Reads a video.
    ///
    /// - Parameters:
    ///   - path: a `ladder.json`, a Sabre movie JSON, an HLS master playlist, a DASH MPD, or a Pensieve `video_size_N` folder.
    ///   - format: the format, or `nil` to detect it (`VideoFormat.detect`).
    ///   - bitratesKbps: the levels' bitrates for a Pensieve folder (ignored otherwise).
    ///   - segmentSeconds: the chunk length for a Pensieve folder (ignored otherwise).
    ///   - qualityMetric: the `segment_quality` key of a ladder file (ignored otherwise).
    ///   - segmentLimit: play at most this many chunks of a Pensieve folder (Pensieve plays 48 of 49).
    ///   - allowOutside: let an HLS playlist's or an MPD's URIs lead outside its folder
    ///     (ignored otherwise; `HLSVideo.read(path:allowOutside:)`, `DASHVideo.read(path:allowOutside:)`).
    public static func read(
        path: String, format: VideoFormat? = nil,
        bitratesKbps: [Double] = PensieveVideoFolder.defaultBitratesKbps,
        segmentSeconds: Double = PensieveVideoFolder.defaultSegmentSeconds,
        qualityMetric: String? = nil,
        segmentLimit: Int? = nil,
        allowOutside: Bool = false
    ) throws(FormatError) -> Video {
        let detected: VideoFormat
        if let format { detected = format } else { detected = try VideoFormat.detect(path: path) }
        return switch detected {
        case .ladder: try LadderVideo.read(path: path, qualityMetric: qualityMetric)
        case .sabre: try SabreMovieFile.read(path: path)
        case .hls: try HLSVideo.read(path: path, allowOutside: allowOutside)
        case .dash: try DASHVideo.read(path: path, allowOutside: allowOutside)
        case .pensieve:
            try PensieveVideoFolder.read(
                path: path, bitratesKbps: bitratesKbps, segmentSeconds: segmentSeconds,
                segmentLimit: segmentLimit)
        }
    }
}
