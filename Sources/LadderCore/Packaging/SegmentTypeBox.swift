/// The `styp` box that opens every media segment: ISO/IEC 14496-12 §8.16.2 (SegmentTypeBox, the
/// same layout as `ftyp`: size, type, major brand, minor version, compatible brands).
///
/// The brands say what each `segment-NNNNN.m4s` is:
/// - `cmfs`, a CMAF segment (ISO/IEC 23000-19 §7.3.3.1 and its brand table: the brand of a CMAF
///   segment's `styp`), which is the major brand;
/// - `cmff`, a CMAF fragment: every segment here is exactly one fragment (one `moof` + `mdat`
///   starting with an IDR);
/// - `msdh`, a DASH media segment (ISO/IEC 23009-1 §6.3.4.2: a media segment's `styp`, when present,
///   carries `msdh` as a compatible brand).
///
/// `msix` (the DASH *indexed* media segment, §6.3.4.3) is deliberately absent: it promises a `sidx`
/// box, and the segments are written without one (`skip_sidx`).
public enum SegmentTypeBox {
    /// The major brand: a CMAF segment.
    public static let majorBrand = "cmfs"
    /// Minor version 0: the brands carry no version.
    public static let minorVersion: UInt32 = 0
    /// The compatible brands, in the order they are written.
    public static let compatibleBrands = ["cmfs", "cmff", "msdh"]

    /// The box's bytes (28: 8 of header, 4 + 4 of major brand and minor version, 4 per compatible brand).
    public static let bytes: [UInt8] = make(major: majorBrand, minor: minorVersion, compatible: compatibleBrands)

    /// A `styp` box with the given brands.
    ///
    /// - Precondition: every brand is four ASCII characters (a four-character code).
    static func make(major: String, minor: UInt32, compatible: [String]) -> [UInt8] {
        let brands = [major] + compatible
        precondition(brands.allSatisfy { $0.utf8.count == 4 && $0.unicodeScalars.allSatisfy(\.isASCII) }, "a brand is a four-character code")
        let size = UInt32(8 + 4 + 4 + 4 * compatible.count)
        var box = bigEndian(size) + Array("styp".utf8) + Array(major.utf8) + bigEndian(minor)
        for brand in compatible { box += Array(brand.utf8) }
        return box
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
