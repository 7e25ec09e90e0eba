/// How a rendition's pixel values map to colour: the four fields of an `nclx` colour box
/// (ISO/IEC 14496-12 §12.1.5, `colr`) and of H.264/HEVC VUI, with code points from ITU-T H.273.
///
/// CMAF's `cmfc` brand, which `init.mp4` declares, expects a `colr` box in every visual sample entry
/// (ISO/IEC 23000-19's video track constraints; GPAC's CMAF notes list "ColorInformationBox and
/// PixelAspectRatioBox in video tracks" among them). Without one a player guesses (BT.601 for SD,
/// BT.709 for HD, by convention), so an SD and an HD rung of one ladder could differ in colour.
public struct ColourDescription: Sendable, Hashable {
    /// `colour_primaries` (H.273 Table 2; 1 = BT.709).
    public var primaries: UInt16
    /// `transfer_characteristics` (H.273 Table 3; 1 = BT.709).
    public var transfer: UInt16
    /// `matrix_coefficients` (H.273 Table 4; 1 = BT.709).
    public var matrix: UInt16
    /// `full_range_flag`: false = limited ("video", 16–235 luma at 8 bits), true = full (0–255).
    public var fullRange: Bool

    public init(primaries: UInt16, transfer: UInt16, matrix: UInt16, fullRange: Bool) {
        self.primaries = primaries
        self.transfer = transfer
        self.matrix = matrix
        self.fullRange = fullRange
    }

    /// BT.709 primaries, transfer and matrix, limited range: what the pipeline's 8-bit YUV 4:2:0
    /// pictures are (libswscale writes limited range; the built-in sample's YUV values are defined as BT.709),
    /// and what HD streaming players assume.
    public static let bt709LimitedRange = ColourDescription(primaries: 1, transfer: 1, matrix: 1, fullRange: false)

    /// `unspecified` (2) in H.273's three tables: the code a source leaves unset.
    public static let unspecified: UInt16 = 2

    /// A source's stated colour, with BT.709 standing in for each part it leaves unstated (0 or 2,
    /// as many encodes do), limited range: the range the pipeline's YUV 4:2:0 frames are in
    /// whatever the source's (libswscale writes limited range).
    public static func stated(primaries: UInt16, transfer: UInt16, matrix: UInt16) -> ColourDescription {
        func orBT709(_ code: UInt16) -> UInt16 { code == 0 || code == unspecified || code > 255 ? 1 : code }
        return ColourDescription(primaries: orBT709(primaries), transfer: orBT709(transfer), matrix: orBT709(matrix), fullRange: false)
    }
}
