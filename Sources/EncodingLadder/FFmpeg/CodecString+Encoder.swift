// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import LadderCore

extension CodecString {
    /// The RFC 6381 string of an opened encoder, read from its own parameter sets (extradata), or for
    /// AV1 from the `av1C` record the MP4 muxer wrote into the init segment (libsvtav1's extradata is
    /// a raw sequence header OBU, which the muxer converts).
    ///
    /// VP9 carries no level in its extradata; the level is the lowest whose picture-size limit
    /// holds the rung (VP9 Bitstream & Decoding Process Specification v0.6, Annex A, "MaxPicSize").
    static func make(codecName: String, extradata: [UInt8], parameters: CodecParameters, initSegment: [UInt8]) -> String {
        let codecParameters = parameters.pointer.pointee
        switch codecParameters.codec_id {
        case AV_CODEC_ID_H264: return avc1(extradata: extradata) ?? codecName
        case AV_CODEC_ID_HEVC: return hvc1(extradata: extradata) ?? codecName
        case AV_CODEC_ID_AV1: return av01(av1C: boxPayload("av1C", in: initSegment)) ?? av01(av1C: extradata) ?? codecName
        case AV_CODEC_ID_VP9:
            let samples = Int(codecParameters.width) * Int(codecParameters.height)
            let level = vp9Levels.first { samples <= $0.maximumPictureSamples }?.level ?? 62
            return vp09(profile: 0, level: level, bitDepth: 8)
        default: return codecName
        }
    }

    /// The bytes after the first `type` box header in `bytes` (to the end; the record parsers read only its start).
    static func boxPayload(_ type: String, in bytes: [UInt8]) -> [UInt8] {
        let tag = Array(type.utf8)
        guard tag.count == 4, bytes.count > 8 else { return [] }
        for index in 4..<(bytes.count - 4) where Array(bytes[index..<index + 4]) == tag {
            return Array(bytes[(index + 4)...])
        }
        return []
    }

    /// VP9 levels and their MaxPicSize in luma samples (VP9 spec Annex A).
    private static let vp9Levels: [(maximumPictureSamples: Int, level: Int)] = [
        (36_864, 10), (73_728, 11), (122_880, 20), (245_760, 21), (552_960, 30), (983_040, 31),
        (2_228_224, 40), (2_228_224, 41), (8_912_896, 50), (8_912_896, 51), (8_912_896, 52),
        (35_651_584, 60), (35_651_584, 61), (35_651_584, 62),
    ]
}

#endif
