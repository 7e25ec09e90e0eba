/// Conversions between bitrates and data volume per hour of viewing.
public enum DataRate {
    /// GB per hour at a constant rate: `kbps × 1000 ÷ 8 × 3600 ÷ 10⁹` (1 kbit = 1000 bits).
    public static func gbPerHour(kbps: Double) -> Double { kbps * 1000 / 8 * 3600 / 1e9 }

    /// GB per hour of a measured rendition: `bytes ÷ seconds × 3600 ÷ 10⁹`.
    public static func gbPerHour(bytes: Int, seconds: Double) -> Double { Double(bytes) / seconds * 3600 / 1e9 }

    /// The constant rate, kbit/s, that uses `gbPerHour` per hour.
    public static func kbps(gbPerHour: Double) -> Double { gbPerHour * 1e9 / 3600 * 8 / 1000 }
}
