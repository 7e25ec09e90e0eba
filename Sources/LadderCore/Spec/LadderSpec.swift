import Foundation

/// What to encode: a named ladder of rungs, the segment duration, GOP and data caps.
///
/// Read from `ladders/*.json` (schema in `ladders/README.md`) with ABRFormats' `LadderSpec.load(nameOrPath:searchDirectory:)`,
/// which validates every field and names the file, rung and value in its errors.
public struct LadderSpec: Codable, Sendable, Hashable {
    /// Segment duration when a ladder gives none, seconds: a common DASH/HLS choice that keeps
    /// switching responsive; Apple's HLS authoring spec recommends 6 s for HLS (its presets say so).
    public static let defaultSegmentSeconds = 4.0

    public var name: String
    /// One line on what this ladder is.
    public var description: String?
    /// Where the rungs come from (publication, URL).
    public var reference: String?
    /// Target segment duration, seconds; every segment starts with an IDR at the same time on all rungs.
    public var segmentSeconds: Double
    /// GOP length in frames; `nil` means one GOP per segment (frame rate × `segmentSeconds`).
    public var gopFrames: Int?
    /// Per-class data caps, GB/h.
    public var dataCaps: DataCaps
    /// Rungs, lowest first.
    public var rungs: [Rung]

    public init(
        name: String,
        description: String? = nil,
        reference: String? = nil,
        segmentSeconds: Double = defaultSegmentSeconds,
        gopFrames: Int? = nil,
        dataCaps: DataCaps = DataCaps(),
        rungs: [Rung]
    ) {
        self.name = name; self.description = description; self.reference = reference
        self.segmentSeconds = segmentSeconds; self.gopFrames = gopFrames; self.dataCaps = dataCaps; self.rungs = rungs
    }

    /// The data-cap verdict for a rung at a measured consumption.
    public func dataCapVerdict(for rung: Rung, gbPerHour: Double) -> DataCapVerdict {
        dataCaps.verdict(gbPerHour: gbPerHour, videoClass: rung.videoClass)
    }

    /// The JSON field names a ladder file may use here, for readers that reject unknown fields.
    public static var jsonFields: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, reference
        case segmentSeconds = "segment_seconds"
        case gopFrames = "gop"
        case dataCaps = "data_caps_gb_per_hour"
        case rungs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        segmentSeconds = try c.decodeIfPresent(Double.self, forKey: .segmentSeconds) ?? Self.defaultSegmentSeconds
        gopFrames = try c.decodeIfPresent(Int.self, forKey: .gopFrames)
        dataCaps = try c.decodeIfPresent(DataCaps.self, forKey: .dataCaps) ?? DataCaps()
        rungs = try c.decode([Rung].self, forKey: .rungs)
    }
}
