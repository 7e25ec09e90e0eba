/// File names inside a rendition's directory; the packager writes them and the manifests point at them.
public enum SegmentNaming {
    /// The CMAF header (ftyp + moov).
    public static let initSegment = "init.mp4"
    /// The rendition's HLS media playlist.
    public static let mediaPlaylist = "playlist.m3u8"
    /// Number of the first media segment (DASH `@startNumber`, HLS file names).
    public static let firstNumber = 1
    /// DASH `SegmentTemplate@media` equivalent of ``mediaSegment(number:)``.
    public static let dashMediaTemplate = "segment-$Number%05d$.m4s"

    /// Media segment `number`'s file name, e.g. `segment-00001.m4s`.
    public static func mediaSegment(number: Int) -> String {
        let digits = String(number)
        return "segment-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + ".m4s"
    }
}
