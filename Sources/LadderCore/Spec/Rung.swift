/// One rendition of a ladder: its picture size, encoder and rate control.
///
/// Rate control is either capped VBR (`bitrateKbps`, usually with `maxrateKbps` and
/// `bufsizeKbits` for the VBV) or constant quality (`crf`, optionally capped by
/// `maxrateKbps`/`bufsizeKbits`). Rates are in kbit/s (1 kbit = 1000 bits) as FFmpeg's `-b:v 800k`.
public struct Rung: Codable, Sendable, Hashable {
    /// Unique within the ladder; used in file names ("720p", "hd-3000").
    public var name: String
    public var width: Int
    public var height: Int
    public var codec: VideoEncoder
    /// Target average bitrate, kbit/s.
    public var bitrateKbps: Int?
    /// VBV maximum rate, kbit/s.
    public var maxrateKbps: Int?
    /// VBV buffer size, kbit.
    public var bufsizeKbits: Int?
    /// Constant rate factor, instead of `bitrateKbps`.
    public var crf: Int?
    /// Encoder profile, e.g. "high" (libx264), "main" (libx265).
    public var profile: String?
    /// Encoder speed preset, e.g. "medium"; the pipeline's default when absent.
    public var preset: String?
    /// Class for the data cap; derived from `height` when absent (see ``VideoClass``).
    public var declaredClass: VideoClass?

    public init(
        name: String,
        width: Int,
        height: Int,
        codec: VideoEncoder = .libx264,
        bitrateKbps: Int? = nil,
        maxrateKbps: Int? = nil,
        bufsizeKbits: Int? = nil,
        crf: Int? = nil,
        profile: String? = nil,
        preset: String? = nil,
        declaredClass: VideoClass? = nil
    ) {
        self.name = name; self.width = width; self.height = height; self.codec = codec
        self.bitrateKbps = bitrateKbps; self.maxrateKbps = maxrateKbps; self.bufsizeKbits = bufsizeKbits
        self.crf = crf; self.profile = profile; self.preset = preset; self.declaredClass = declaredClass
    }

    /// The class this rung's data cap is judged by.
    public var videoClass: VideoClass { declaredClass ?? VideoClass(height: height) }

    /// Nominal rate for ordering and for manifests before measurement: the target bitrate, else the cap.
    public var nominalKbps: Int? { bitrateKbps ?? maxrateKbps }

    /// Upper bound, kbit/s, on any segment's average rate that the VBV allows: over a window of
    /// `segmentSeconds`, a VBV-compliant stream sends at most `maxrate × T + bufsize` bits (the
    /// buffer may start full). `nil` when the rung has no VBV cap.
    public func peakBoundKbps(segmentSeconds: Double) -> Double? {
        guard let maxrate = maxrateKbps, let bufsize = bufsizeKbits, segmentSeconds > 0 else { return nil }
        return Double(maxrate) + Double(bufsize) / segmentSeconds
    }

    /// The JSON field names a ladder file may use here, for readers that reject unknown fields.
    public static var jsonFields: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, width, height, codec
        case bitrateKbps = "bitrate_kbps"
        case maxrateKbps = "maxrate_kbps"
        case bufsizeKbits = "bufsize_kbits"
        case crf, profile, preset
        case declaredClass = "class"
    }
}
