/// Per-class data budgets, in GB per hour of viewing (1 GB = 10⁹ bytes), and the verdict per rung.
///
/// The defaults are the per-stream figures Netflix publishes for its data-usage settings: about
/// 1 GB/h for standard definition, up to 3 GB/h for HD and 7 GB/h for Ultra HD (Netflix Help
/// Center, "How can I control how much data Netflix uses?", help.netflix.com/en/node/87). A ladder
/// file may override any of them under `data_caps_gb_per_hour`.
public struct DataCaps: Codable, Sendable, Hashable {
    /// Netflix's published SD figure, GB/h.
    public static let defaultSDGBPerHour = 1.0
    /// Netflix's published HD maximum, GB/h.
    public static let defaultHDGBPerHour = 3.0
    /// Netflix's published Ultra HD maximum, GB/h.
    public static let defaultUHDGBPerHour = 7.0

    public var sdGBPerHour: Double
    public var hdGBPerHour: Double
    public var uhdGBPerHour: Double

    public init(
        sdGBPerHour: Double = defaultSDGBPerHour,
        hdGBPerHour: Double = defaultHDGBPerHour,
        uhdGBPerHour: Double = defaultUHDGBPerHour
    ) {
        self.sdGBPerHour = sdGBPerHour
        self.hdGBPerHour = hdGBPerHour
        self.uhdGBPerHour = uhdGBPerHour
    }

    /// The cap for one class, GB/h.
    public func capGBPerHour(for videoClass: VideoClass) -> Double {
        switch videoClass {
        case .sd: sdGBPerHour
        case .hd: hdGBPerHour
        case .uhd: uhdGBPerHour
        }
    }

    /// Judges a measured (or bounded) consumption against the cap of `videoClass`.
    public func verdict(gbPerHour: Double, videoClass: VideoClass) -> DataCapVerdict {
        DataCapVerdict(videoClass: videoClass, capGBPerHour: capGBPerHour(for: videoClass), gbPerHour: gbPerHour)
    }

    enum CodingKeys: String, CodingKey {
        case sdGBPerHour = "sd", hdGBPerHour = "hd", uhdGBPerHour = "uhd"
    }

    /// Missing classes keep their defaults, so a file can override just one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sdGBPerHour = try c.decodeIfPresent(Double.self, forKey: .sdGBPerHour) ?? Self.defaultSDGBPerHour
        hdGBPerHour = try c.decodeIfPresent(Double.self, forKey: .hdGBPerHour) ?? Self.defaultHDGBPerHour
        uhdGBPerHour = try c.decodeIfPresent(Double.self, forKey: .uhdGBPerHour) ?? Self.defaultUHDGBPerHour
    }
}
