import ABRSimulator

/// `ladder.json`: what `abrkit encode` measured, and what `abrkit simulate` plays.
///
/// A superset of Sabre's movie JSON (`segment_duration_ms`, `bitrates_kbps`,
/// `segment_sizes_bits[segment][level]`), so Sabre reads it unchanged. Sizes are in bits in the
/// Sabre fields and in bytes everywhere else; rates in kbit/s (1000 bit/s); GB = 10⁹ bytes.
public struct LadderFile: Codable, Hashable, Sendable {
    /// Schema version of this file; bumped on incompatible changes.
    public var abrkitLadderVersion: Int
    /// Nominal segment duration (Sabre field): the encode's GOP length.
    public var segmentDurationMs: Double
    /// Each segment's own duration, when they differ from `segmentDurationMs` (a source that ends
    /// mid-segment gives a shorter last one); absent when they are all equal, so Sabre's readers
    /// and older abrkit files see the same file.
    public var segmentDurationsMs: [Double]?
    /// Nominal bitrate per level, ascending (Sabre field).
    public var bitratesKbps: [Double]
    /// `[segment][level]` sizes in bits (Sabre field; bytes × 8).
    public var segmentSizesBits: [[Int]]
    /// Per-level description and measurements, same order as `bitratesKbps`.
    public var levels: [LevelInfo]
    /// Per-segment quality tables, `[segment][level]`, keyed by metric ("psnr_db", "psnr_y_db",
    /// "ssim", "ssim_db", and with VMAF "vmaf", "vmaf_harmonic_mean" and "vmaf_p5": the mean,
    /// libvmaf's harmonic mean and the 5th percentile of the segment's scored frames).
    public var segmentQuality: [String: [[Double]]]?
    /// How VMAF was measured, when it was.
    public var vmaf: VMAFInfo?

    /// The `segment_quality` key of the per-segment VMAF table.
    public static let vmafQualityKey = "vmaf"
    /// The `segment_quality` key of the per-segment VMAF harmonic mean.
    public static let vmafHarmonicMeanQualityKey = "vmaf_harmonic_mean"
    /// The `segment_quality` key of the per-segment 5th percentile of VMAF.
    public static let vmafPercentile5QualityKey = "vmaf_p5"
    /// What was encoded.
    public var source: SourceInfo?
    /// The audio rendition packaged beside the video, if any.
    public var audio: AudioInfo?
    /// Nominal CMAF part duration, seconds, when the encode wrote its segments in parts
    /// (`abrkit encode --part-seconds`); absent otherwise, with ``segmentPartSizesBytes``.
    public var partSeconds: Double?
    /// `[segment][level][part]` part sizes in bytes, same level order as `bitratesKbps`: each
    /// segment's `moof` + `mdat` pairs as written (the first with the segment's `styp`), adding up to
    /// the segment's size. A segment of `d` seconds has `⌈d ÷ partSeconds⌉` parts.
    public var segmentPartSizesBytes: [[[Int]]]?

    public init(
        segmentDurationMs: Double, bitratesKbps: [Double], segmentSizesBits: [[Int]], levels: [LevelInfo],
        segmentQuality: [String: [[Double]]]? = nil, source: SourceInfo? = nil, audio: AudioInfo? = nil,
        segmentDurationsMs: [Double]? = nil, partSeconds: Double? = nil, segmentPartSizesBytes: [[[Int]]]? = nil, vmaf: VMAFInfo? = nil
    ) {
        self.vmaf = vmaf
        self.partSeconds = partSeconds
        self.segmentPartSizesBytes = segmentPartSizesBytes
        self.segmentDurationsMs = segmentDurationsMs
        self.abrkitLadderVersion = 1
        self.segmentDurationMs = segmentDurationMs
        self.bitratesKbps = bitratesKbps
        self.segmentSizesBits = segmentSizesBits
        self.levels = levels
        self.segmentQuality = segmentQuality
        self.source = source
        self.audio = audio
    }

    enum CodingKeys: String, CodingKey {
        case abrkitLadderVersion = "abrkit_ladder_version"
        case segmentDurationMs = "segment_duration_ms"
        case segmentDurationsMs = "segment_durations_ms"
        case bitratesKbps = "bitrates_kbps"
        case segmentSizesBits = "segment_sizes_bits"
        case levels
        case segmentQuality = "segment_quality"
        case source, audio, vmaf
        case partSeconds = "part_seconds"
        case segmentPartSizesBytes = "segment_part_sizes_bytes"
    }

    /// The VMAF measurement's settings.
    public struct VMAFInfo: Codable, Hashable, Sendable {
        /// libvmaf model named for every rung, else "vmaf_v0.6.1" (the model of rungs under 2160
        /// lines); each level's `vmaf_model` says which model scored it.
        public var model: String
        /// Every n-th frame was scored (libvmaf's `n_subsample`).
        public var subsample: Int

        public init(model: String, subsample: Int) { self.model = model; self.subsample = subsample }
    }

    /// One rendition's description and measurements.
    public struct LevelInfo: Codable, Hashable, Sendable {
        public var name: String
        public var width: Int
        public var height: Int
        public var codec: String
        /// RFC 6381 codec string for manifests, e.g. "avc1.64001f".
        public var codecString: String?
        public var targetKbps: Double?
        public var averageKbps: Double
        /// Highest per-segment bitrate (HLS `BANDWIDTH`).
        public var peakKbps: Double
        /// Bytes ÷ seconds × 3600 ÷ 10⁹.
        public var gbPerHour: Double
        public var psnrYDb: Double?
        /// PSNR of the plane-size-weighted MSE ((4·Y + U + V) ÷ 6 for 4:2:0), as ffmpeg's `psnr` filter reports as "average".
        public var psnrDb: Double?
        public var ssim: Double?
        /// The class cap this rung was checked against, GB per hour.
        public var dataCapGBPerHour: Double?
        public var withinCap: Bool?
        /// Media playlist of this rung, relative to the ladder file.
        public var playlist: String?
        /// Mean VMAF over the scored frames, at the source's size (rung upscaled bicubically).
        public var vmaf: Double?
        /// libvmaf's harmonic mean of the frame scores, `n / Σ 1/(1 + s) − 1`.
        public var vmafHarmonicMean: Double?
        /// 5th percentile of the frame scores (linear interpolation between closest ranks).
        public var vmafPercentile5: Double?
        /// The libvmaf model that scored this rung: `vmaf_4k_v0.6.1` for rungs of 2160 lines or
        /// more when the back end has it, else `vmaf_v0.6.1`, unless one model was named for all.
        public var vmafModel: String?

        public init(
            name: String, width: Int, height: Int, codec: String, codecString: String? = nil, targetKbps: Double? = nil,
            averageKbps: Double, peakKbps: Double, gbPerHour: Double, psnrYDb: Double? = nil, psnrDb: Double? = nil,
            ssim: Double? = nil, dataCapGBPerHour: Double? = nil, withinCap: Bool? = nil, playlist: String? = nil,
            vmaf: Double? = nil, vmafHarmonicMean: Double? = nil, vmafPercentile5: Double? = nil, vmafModel: String? = nil
        ) {
            self.vmaf = vmaf; self.vmafHarmonicMean = vmafHarmonicMean; self.vmafPercentile5 = vmafPercentile5; self.vmafModel = vmafModel
            self.name = name; self.width = width; self.height = height; self.codec = codec; self.codecString = codecString
            self.targetKbps = targetKbps; self.averageKbps = averageKbps; self.peakKbps = peakKbps; self.gbPerHour = gbPerHour
            self.psnrYDb = psnrYDb; self.psnrDb = psnrDb; self.ssim = ssim
            self.dataCapGBPerHour = dataCapGBPerHour; self.withinCap = withinCap; self.playlist = playlist
        }

        enum CodingKeys: String, CodingKey {
            case name, width, height, codec
            case codecString = "codec_string"
            case targetKbps = "target_kbps"
            case averageKbps = "average_kbps"
            case peakKbps = "peak_kbps"
            case gbPerHour = "gb_per_hour"
            case psnrYDb = "psnr_y_db"
            case psnrDb = "psnr_db"
            case ssim
            case dataCapGBPerHour = "data_cap_gb_per_hour"
            case withinCap = "within_cap"
            case playlist
            case vmaf
            case vmafHarmonicMean = "vmaf_harmonic_mean"
            case vmafPercentile5 = "vmaf_p5"
            case vmafModel = "vmaf_model"
        }
    }

    /// The encoded source.
    public struct SourceInfo: Codable, Hashable, Sendable {
        /// File path, or "sample" for the built-in synthetic source.
        public var name: String
        public var width: Int
        public var height: Int
        public var frameRate: Double
        public var durationSeconds: Double

        public init(name: String, width: Int, height: Int, frameRate: Double, durationSeconds: Double) {
            self.name = name; self.width = width; self.height = height; self.frameRate = frameRate; self.durationSeconds = durationSeconds
        }

        enum CodingKeys: String, CodingKey {
            case name, width, height
            case frameRate = "frame_rate"
            case durationSeconds = "duration_s"
        }
    }

    /// The audio rendition.
    public struct AudioInfo: Codable, Hashable, Sendable {
        public var codec: String
        public var averageKbps: Double
        public var gbPerHour: Double
        public var playlist: String?

        public init(codec: String, averageKbps: Double, gbPerHour: Double, playlist: String? = nil) {
            self.codec = codec; self.averageKbps = averageKbps; self.gbPerHour = gbPerHour; self.playlist = playlist
        }

        enum CodingKeys: String, CodingKey {
            case codec
            case averageKbps = "average_kbps"
            case gbPerHour = "gb_per_hour"
            case playlist
        }
    }
}
