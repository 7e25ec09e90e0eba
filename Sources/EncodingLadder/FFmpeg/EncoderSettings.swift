// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import LadderCore

/// Everything needed to open one rung's encoder: size, clock, GOP, rate control and the
/// codec-private options that pin IDR frames to segment boundaries.
struct EncoderSettings: Sendable {
    var codecName: String
    var width: Int
    var height: Int
    /// One tick per frame: 1/fps as a rational (e.g. 1001/30000).
    var timeBase: AVRational
    /// Frames per segment; every segment starts with an IDR and no other IDR is allowed.
    var gopFrames: Int
    var bitrateBitsPerSecond: Int?
    var maxrateBitsPerSecond: Int?
    var bufsizeBits: Int?
    /// Options for `avcodec_open2` (codec-private: preset, profile, crf, x264-params, ...).
    var privateOptions: [String: String]
    /// Encoder threads per rung (see ``EncodeOptions/defaultEncoderThreads``); 0 lets the encoder choose.
    var threadCount: Int
    /// Sample entry to force in MP4 ("hvc1" for HEVC, which Apple's players require).
    var codecTag: String?
    /// The colour the pictures are in: written into the bitstream's VUI by the encoder and into
    /// `init.mp4`'s `colr` box by the muxer.
    var colour: ColourDescription = .bt709LimitedRange

    /// The settings of `rung`, in a pipeline whose frames tick at `timeBase` and whose segments hold `gopFrames` frames.
    ///
    /// Key-frame placement per encoder (the options the ffmpeg CLI would take, see `ffmpeg -h encoder=NAME`):
    /// - libx264 / libx265: `keyint = min-keyint = gop` and `scenecut=0` (x264/x265 docs: no
    ///   scene-cut I frames), plus `forced-idr` so frames the pipeline marks as I become IDRs.
    /// - libvpx-vp9, libsvtav1: `g` and `keyint_min` = gop; forced key frames at boundaries.
    ///   With `slicedThreads`, x264 splits each frame into `threadCount` slices encoded in parallel,
    ///   which keeps its output independent of thread timing (see ``EncoderThreadPlan``).
    static func make(
        rung: Rung, codecName: String, gopFrames: Int, timeBase: AVRational, threadCount: Int = 1,
        slicedThreads: Bool = false
    ) -> EncoderSettings {
        var options: [String: String] = [:]
        var codecTag: String? = nil
        let bitrate = rung.bitrateKbps.map { $0 * 1000 }
        let maxrate = rung.maxrateKbps.map { $0 * 1000 }
        let bufsize = rung.bufsizeKbits.map { $0 * 1000 }
        switch codecName {
        case "libx264":
            options["x264-params"] =
                "keyint=\(gopFrames):min-keyint=\(gopFrames):scenecut=0:open-gop=0"
                + (slicedThreads && threadCount > 1 ? ":sliced-threads=1" : "")
            options["forced-idr"] = "1"
            if let preset = rung.preset { options["preset"] = preset }
            if let profile = rung.profile { options["profile"] = profile }
            if let crf = rung.crf { options["crf"] = String(crf) }
        case "libx265":
            options["x265-params"] = "keyint=\(gopFrames):min-keyint=\(gopFrames):scenecut=0:open-gop=0:log-level=error"
            options["forced-idr"] = "1"
            if let preset = rung.preset { options["preset"] = preset }
            if let profile = rung.profile { options["profile"] = profile }
            if let crf = rung.crf { options["crf"] = String(crf) }
            codecTag = "hvc1"
        case "libvpx-vp9":
            if let crf = rung.crf { options["crf"] = String(crf) }
            options["deadline"] = "good"
            options["cpu-used"] = rung.preset ?? VP9Defaults.cpuUsed
            options["row-mt"] = "1"
        case "libsvtav1":
            if let crf = rung.crf { options["crf"] = String(crf) }
            if let preset = rung.preset { options["preset"] = preset }
            options["svtav1-params"] = "scd=0"
        default:
            if let preset = rung.preset { options["preset"] = preset }
        }
        return EncoderSettings(
            codecName: codecName, width: rung.width, height: rung.height, timeBase: timeBase,
            gopFrames: gopFrames, bitrateBitsPerSecond: bitrate, maxrateBitsPerSecond: maxrate,
            bufsizeBits: bufsize, privateOptions: options, threadCount: threadCount, codecTag: codecTag)
    }
}

/// libvpx-vp9 defaults for VOD ladders.
enum VP9Defaults {
    /// `cpu-used=4` with `deadline=good`: the speed/quality point Google's VOD recommendations use for
    /// ladders (developers.google.com/media/vp9/settings/vod, "Speed 4 for first pass... 1–2 for
    /// quality"; single pass here, so the faster setting).
    static let cpuUsed = "4"
}

#endif
