/// RFC 6381 `codecs` strings for HLS `CODECS` and DASH `@codecs`, built from the parameters a
/// player needs to decide whether it can decode a rendition before fetching it.
///
/// The parsers read the encoder's extradata (`AVCodecContext.extradata`): either the ISO/IEC
/// 14496-15 configuration record (`avcC`/`hvcC`) or Annex B parameter sets, as libx264 and libx265
/// emit with `AV_CODEC_FLAG_GLOBAL_HEADER`.
public enum CodecString {
    /// `avc1.PPCCLL`: profile_idc, constraint-set flags and level_idc as two hex digits each
    /// (RFC 6381 §3.3; e.g. High 3.1 = `avc1.64001f`).
    public static func avc1(profileIDC: UInt8, constraintFlags: UInt8, levelIDC: UInt8) -> String {
        "avc1." + hex(profileIDC) + hex(constraintFlags) + hex(levelIDC)
    }

    /// The `avc1` string from H.264 extradata (an `avcC` record or Annex B with an SPS), or `nil`.
    public static func avc1(extradata: [UInt8]) -> String? {
        if extradata.first == 1, extradata.count >= 4 {  // avcC: version 1, profile, compatibility, level
            return avc1(profileIDC: extradata[1], constraintFlags: extradata[2], levelIDC: extradata[3])
        }
        guard let unit = NALUnits.annexB(extradata).first(where: { ($0.first ?? 0) & 0x1f == 7 }) else { return nil }
        let sps = NALUnits.removingEmulationPrevention(unit)
        guard sps.count >= 4 else { return nil }
        return avc1(profileIDC: sps[1], constraintFlags: sps[2], levelIDC: sps[3])
    }

    /// HEVC `profile_tier_level` fields as ISO/IEC 14496-15 Annex E encodes them in a codecs string.
    public struct HEVCProfileTierLevel: Sendable, Hashable {
        public var profileSpace: UInt8
        public var highTier: Bool
        public var profileIDC: UInt8
        public var compatibilityFlags: UInt32
        /// The six bytes of general constraint indicator flags.
        public var constraintBytes: [UInt8]
        public var levelIDC: UInt8

        /// Reads the 12 bytes of general_profile_tier_level starting at `bytes[start]`.
        init?(_ bytes: [UInt8], at start: Int) {
            guard bytes.count >= start + 12 else { return nil }
            profileSpace = bytes[start] >> 6
            highTier = bytes[start] & 0x20 != 0
            profileIDC = bytes[start] & 0x1f
            compatibilityFlags = bytes[start + 1..<start + 5].reduce(0) { $0 << 8 | UInt32($1) }
            constraintBytes = Array(bytes[start + 5..<start + 11])
            levelIDC = bytes[start + 11]
        }
    }

    /// `hvc1.[A-C]P.C.TL.B…` (ISO/IEC 14496-15 Annex E): profile space letter and profile_idc,
    /// compatibility flags bit-reversed in hex, tier (L/H) and level_idc, then the constraint
    /// bytes in hex with trailing zero bytes omitted (e.g. Main, level 3.1 = `hvc1.1.6.L93.B0`).
    public static func hvc1(_ ptl: HEVCProfileTierLevel) -> String {
        let space = ["", "A", "B", "C"][Int(ptl.profileSpace & 3)]
        var reversed: UInt32 = 0
        for bit in 0..<32 where ptl.compatibilityFlags & (1 << UInt32(bit)) != 0 { reversed |= 1 << UInt32(31 - bit) }
        var constraints = ptl.constraintBytes
        while constraints.last == 0 { constraints.removeLast() }
        var parts = [
            "hvc1", "\(space)\(ptl.profileIDC)", String(reversed, radix: 16, uppercase: true),
            "\(ptl.highTier ? "H" : "L")\(ptl.levelIDC)",
        ]
        parts += constraints.map { String($0, radix: 16, uppercase: true) }
        return parts.joined(separator: ".")
    }

    /// The `hvc1` string from H.265 extradata (an `hvcC` record or Annex B with an SPS), or `nil`.
    public static func hvc1(extradata: [UInt8]) -> String? {
        if extradata.first == 1, let ptl = HEVCProfileTierLevel(extradata, at: 1) { return hvc1(ptl) }
        // SPS (type 33): 2-byte NAL header, then one byte of vps id / max sub-layers / nesting flag,
        // then general_profile_tier_level. Emulation-prevention bytes are removed first.
        guard let sps = NALUnits.annexB(extradata).first(where: { (($0.first ?? 0) >> 1) & 0x3f == 33 }),
            let ptl = HEVCProfileTierLevel(NALUnits.removingEmulationPrevention(sps), at: 3)
        else { return nil }
        return hvc1(ptl)
    }

    /// `av01.P.LLT.DD` (AV1 Codec ISO Media File Format Binding §5): seq_profile, seq_level_idx
    /// (two digits) and tier (M/H), bit depth (two digits); e.g. `av01.0.08M.08`.
    public static func av01(profile: Int, levelIndex: Int, highTier: Bool, bitDepth: Int) -> String {
        "av01.\(profile).\(twoDigits(levelIndex))\(highTier ? "H" : "M").\(twoDigits(bitDepth))"
    }

    /// The `av01` string from an `av1C` record, or `nil`.
    public static func av01(av1C record: [UInt8]) -> String? {
        guard record.count >= 3, record[0] & 0x80 != 0 else { return nil }  // marker bit
        let highBitDepth = record[2] & 0x40 != 0, twelveBit = record[2] & 0x20 != 0
        return av01(
            profile: Int(record[1] >> 5),
            levelIndex: Int(record[1] & 0x1f),
            highTier: record[2] & 0x80 != 0,
            bitDepth: highBitDepth ? (twelveBit ? 12 : 10) : 8
        )
    }

    /// `vp09.PP.LL.DD` (VP Codec ISO Media File Format Binding, codecs parameter string):
    /// profile, level (e.g. 31 for 3.1) and bit depth, two digits each; e.g. `vp09.00.31.08`.
    public static func vp09(profile: Int, level: Int, bitDepth: Int) -> String {
        "vp09.\(twoDigits(profile)).\(twoDigits(level)).\(twoDigits(bitDepth))"
    }

    /// Largest luma picture size, samples, of each VP9 level (WebM Project, "VP9 Levels and Decoder
    /// Testing", webmproject.org/vp9/levels), lowest level first; levels are written ×10 (3.1 = 31).
    public static let vp9LevelMaximumLumaPictureSamples: [(level: Int, samples: Int)] = [
        (10, 36_864), (11, 73_728), (20, 122_880), (21, 245_760), (30, 552_960), (31, 983_040),
        (40, 2_228_224), (50, 8_912_896), (60, 35_651_584),
    ]

    /// `vp09` for a picture size when the encoder reports no level (libvpx in libavcodec sets none):
    /// the lowest level whose maximum luma picture size holds `width × height` (sample rate is not
    /// considered, so high frame rates may need a higher level), 6.2 beyond the table.
    public static func vp09(profile: Int = 0, bitDepth: Int = 8, width: Int, height: Int) -> String {
        let samples = width * height
        let level = vp9LevelMaximumLumaPictureSamples.first { samples <= $0.samples }?.level ?? 62
        return vp09(profile: profile, level: level, bitDepth: bitDepth)
    }

    /// `mp4a.40.N` for MPEG-4 audio object type `N` (2 = AAC-LC), RFC 6381 §3.3.
    public static func mp4a(audioObjectType: Int = 2) -> String { "mp4a.40.\(audioObjectType)" }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 && value >= 0 ? "0\(value)" : "\(value)" }
}
