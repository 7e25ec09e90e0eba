#if FFmpeg
/// A small ISO/IEC 14496-12 box reader for tests: an oracle for timing that does not go through
/// FFmpeg's demuxer.
enum MP4Boxes {
    /// (type, payload) of each box in `bytes`, in order; nil when a size is inconsistent.
    static func children(_ bytes: ArraySlice<UInt8>) -> [(type: String, payload: ArraySlice<UInt8>)]? {
        var boxes: [(String, ArraySlice<UInt8>)] = []
        var at = bytes.startIndex
        while at < bytes.endIndex {
            guard bytes.endIndex - at >= 8 else { return nil }
            let size = Int(uint(bytes, at, 4))
            let type = String(decoding: bytes[at + 4..<at + 8], as: UTF8.self)
            guard size >= 8, at + size <= bytes.endIndex else { return nil }
            boxes.append((type, bytes[at + 8..<at + size]))
            at += size
        }
        return boxes
    }

    /// The first box found along `path` (e.g. ["moov", "trak", "mdia", "mdhd"]).
    static func find(_ path: [String], in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let first = path.first, let box = children(bytes)?.first(where: { $0.type == first }) else { return nil }
        return path.count == 1 ? box.payload : find(Array(path.dropFirst()), in: box.payload)
    }

    /// The track's media timescale (ticks per second) from an init segment's `mdhd`.
    static func mediaTimescale(_ initSegment: [UInt8]) -> UInt32? {
        guard let mdhd = find(["moov", "trak", "mdia", "mdhd"], in: initSegment[...]) else { return nil }
        // version 0: version+flags, creation, modification (4 bytes each); version 1: 64-bit times.
        let offset = mdhd.first == 1 ? 20 : 12
        return UInt32(uint(mdhd, mdhd.startIndex + offset, 4))
    }

    /// Every sample's presentation time in media ticks (decode time + composition offset), in decode
    /// order, for a media segment with one track fragment; nil when a box is missing or malformed.
    static func presentationTimes(_ segment: [UInt8]) -> [Int64]? {
        guard let traf = find(["moof", "traf"], in: segment[...]),
            let tfhd = find(["tfhd"], in: traf), let tfdt = find(["tfdt"], in: traf), let trun = find(["trun"], in: traf)
        else { return nil }
        // tfhd: version+flags, track_ID, then optional fields in flag order.
        let tfhdFlags = uint(tfhd, tfhd.startIndex, 4) & 0xFF_FFFF
        var at = tfhd.startIndex + 8
        if tfhdFlags & 0x1 != 0 { at += 8 }  // base-data-offset
        if tfhdFlags & 0x2 != 0 { at += 4 }  // sample-description-index
        let defaultDuration: UInt64? = tfhdFlags & 0x8 != 0 ? uint(tfhd, at, 4) : nil
        var decodeTime = Int64(tfdt.first == 1 ? uint(tfdt, tfdt.startIndex + 4, 8) : uint(tfdt, tfdt.startIndex + 4, 4))
        let version = trun[trun.startIndex]
        let flags = uint(trun, trun.startIndex, 4) & 0xFF_FFFF
        let count = Int(uint(trun, trun.startIndex + 4, 4))
        at = trun.startIndex + 8
        if flags & 0x1 != 0 { at += 4 }  // data-offset
        if flags & 0x4 != 0 { at += 4 }  // first-sample-flags
        var times: [Int64] = []
        for _ in 0..<count {
            var duration = defaultDuration
            if flags & 0x100 != 0 { duration = uint(trun, at, 4); at += 4 }
            if flags & 0x200 != 0 { at += 4 }
            if flags & 0x400 != 0 { at += 4 }
            var offset: Int64 = 0
            if flags & 0x800 != 0 {
                let raw = UInt32(uint(trun, at, 4))
                offset = version == 0 ? Int64(raw) : Int64(Int32(bitPattern: raw))
                at += 4
            }
            guard let duration, at <= trun.endIndex else { return nil }
            times.append(decodeTime + offset)
            decodeTime += Int64(duration)
        }
        return times
    }

    /// (major brand, minor version, compatible brands) of an `ftyp` or `styp` payload; nil when malformed.
    static func brands(_ payload: ArraySlice<UInt8>) -> (major: String, minor: UInt32, compatible: [String])? {
        guard payload.count >= 8, payload.count % 4 == 0 else { return nil }
        let fourCC = { (at: Int) in String(decoding: payload[at..<at + 4], as: UTF8.self) }
        let start = payload.startIndex
        return (fourCC(start), UInt32(uint(payload, start + 4, 4)), stride(from: start + 8, to: payload.endIndex, by: 4).map(fourCC))
    }

    /// The first sample entry of an init segment's only track: its four-character code and child
    /// boxes (`avcC`, `colr`, `pasp`, ...); nil when a box is missing or malformed.
    ///
    /// ISO/IEC 14496-12: `stsd` is a full box (4 bytes of version and flags) with a 4-byte entry
    /// count; a VisualSampleEntry has 78 bytes of fixed fields (§12.1.3.2) before its child boxes.
    static func visualSampleEntry(_ initSegment: [UInt8]) -> (type: String, children: [(type: String, payload: ArraySlice<UInt8>)])? {
        guard let stsd = find(["moov", "trak", "mdia", "minf", "stbl", "stsd"], in: initSegment[...]), stsd.count > 8,
            let entry = children(stsd.dropFirst(8))?.first, entry.payload.count >= 78,
            let boxes = children(entry.payload.dropFirst(78))
        else { return nil }
        return (entry.type, boxes)
    }

    /// The fields of an `nclx` colour box payload: (primaries, transfer, matrix, full range); nil for
    /// another colour type or a short box. ISO/IEC 14496-12 §12.1.5: type, three 16-bit codes, then
    /// `full_range_flag` as the top bit of one byte.
    static func nclx(_ colr: ArraySlice<UInt8>) -> (primaries: UInt16, transfer: UInt16, matrix: UInt16, fullRange: Bool)? {
        let start = colr.startIndex
        guard colr.count >= 11, String(decoding: colr[start..<start + 4], as: UTF8.self) == "nclx" else { return nil }
        return (
            UInt16(uint(colr, start + 4, 2)), UInt16(uint(colr, start + 6, 2)), UInt16(uint(colr, start + 8, 2)),
            colr[start + 10] & 0x80 != 0
        )
    }

    /// Big-endian unsigned integer of `width` bytes at `at`.
    private static func uint(_ bytes: ArraySlice<UInt8>, _ at: Int, _ width: Int) -> UInt64 {
        bytes[at..<at + width].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
#endif
