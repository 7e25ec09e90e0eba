import CFFmpeg

/// RFC 6381 `CODECS` strings for manifests, read from the encoder's own parameter sets.
enum CodecString {
    static func make(codecName: String, extradata: [UInt8], parameters: CodecParameters) -> String {
        switch parameters.pointer.pointee.codec_id {
        case AV_CODEC_ID_H264: return avc(extradata) ?? "avc1.640028"
        case AV_CODEC_ID_HEVC: return hevc(extradata) ?? "hvc1.1.6.L120.90"
        case AV_CODEC_ID_AV1: return av1(extradata) ?? "av01.0.08M.08"
        case AV_CODEC_ID_VP9: return vp9(width: Int(parameters.pointer.pointee.width), height: Int(parameters.pointer.pointee.height))
        default: return codecName
        }
    }

    /// "avc1.PPCCLL" from the SPS (ISO/IEC 14496-15 §5.3.3.1: profile_idc, constraint flags, level_idc),
    /// found in Annex B extradata or an avcC record.
    static func avc(_ extradata: [UInt8]) -> String? {
        let sps: ArraySlice<UInt8>
        if extradata.first == 1, extradata.count >= 4 {
            sps = extradata[1...3]
        } else if let nal = nalUnits(extradata).first(where: { $0.first.map { $0 & 0x1F == 7 } ?? false }), nal.count >= 4 {
            sps = nal[(nal.startIndex + 1)...(nal.startIndex + 3)]
        } else {
            return nil
        }
        return "avc1." + sps.map { hex($0) }.joined()
    }

    /// "hvc1.A.B.TL.C" (ISO/IEC 14496-15 Annex E.3) from the SPS's profile_tier_level.
    static func hevc(_ extradata: [UInt8]) -> String? {
        guard let nal = nalUnits(extradata).first(where: { $0.first.map { ($0 >> 1) & 0x3F == 33 } ?? false }) else { return nil }
        let raw = unescape(Array(nal))
        // 2 bytes NAL header, 1 byte (vps id, max sub-layers, nesting), then profile_tier_level.
        guard raw.count >= 15 else { return nil }
        let profileSpace = raw[3] >> 6, tier = (raw[3] >> 5) & 1, profile = raw[3] & 0x1F
        let compatibility = raw[4...7].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        var reversed: UInt32 = 0
        for bit in 0..<32 where compatibility & (1 << bit) != 0 { reversed |= 1 << (31 - bit) }
        var constraints = Array(raw[8...13])
        while let last = constraints.last, last == 0 { constraints.removeLast() }
        let space = ["", "A", "B", "C"][Int(profileSpace)]
        let parts = ["hvc1", "\(space)\(profile)", String(reversed, radix: 16, uppercase: true),
                     "\(tier == 1 ? "H" : "L")\(raw[14])"] + constraints.map { String($0, radix: 16, uppercase: true) }
        return parts.joined(separator: ".")
    }

    /// "av01.P.LLT.DD" (AV1 Codec ISO Media File Format Binding, "Codecs Parameter String") from the av1C record.
    static func av1(_ extradata: [UInt8]) -> String? {
        guard extradata.count >= 4, extradata[0] & 0x7F == 1 else { return nil }
        let profile = extradata[1] >> 5, level = extradata[1] & 0x1F
        let tier = extradata[2] >> 7, highBitDepth = (extradata[2] >> 6) & 1, twelveBit = (extradata[2] >> 5) & 1
        let depth = highBitDepth == 1 ? (twelveBit == 1 ? 12 : 10) : 8
        return "av01.\(profile).\(level < 10 ? "0" : "")\(level)\(tier == 1 ? "H" : "M").\(depth < 10 ? "0" : "")\(depth)"
    }

    /// "vp09.00.LL.08": profile 0, 8 bit, level from the picture size (VP9 Bitstream spec, Annex A levels).
    static func vp9(width: Int, height: Int) -> String {
        let samples = width * height
        let levels: [(maxSamples: Int, level: Int)] = [(36_864, 10), (73_728, 11), (122_880, 20), (245_760, 21), (552_960, 30),
                                                       (983_040, 31), (2_228_224, 40), (8_912_896, 50), (35_651_584, 60)]
        let level = levels.first { samples <= $0.maxSamples }?.level ?? 62
        return "vp09.00.\(level).08"
    }

    /// NAL units of an Annex B byte stream (start codes 00 00 01 or 00 00 00 01).
    static func nalUnits(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var starts: [Int] = []
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0, bytes[index + 1] == 0, bytes[index + 2] == 1 { starts.append(index + 3); index += 3 } else { index += 1 }
        }
        return starts.enumerated().map { offset, start in
            var end = offset + 1 < starts.count ? starts[offset + 1] - 3 : bytes.count
            while end > start, bytes[end - 1] == 0 { end -= 1 }
            return bytes[start..<end]
        }
    }

    /// Removes emulation-prevention bytes (00 00 03 → 00 00).
    static func unescape(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var zeros = 0
        for byte in bytes {
            if zeros >= 2 && byte == 3 { zeros = 0; continue }
            zeros = byte == 0 ? zeros + 1 : 0
            output.append(byte)
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
