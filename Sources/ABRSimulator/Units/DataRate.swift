/// Conversions between bitrates, bytes and data used per hour of viewing: the one place abrkit
/// computes GB per hour.
///
/// Decimal units throughout, as streaming services state data use: 1 GB = 10⁹ bytes and
/// 1 kbit = 1000 bits (not 1024).
public enum DataRate {
    /// GB per hour of a measured stream: `bytes ÷ seconds × 3600 ÷ 10⁹`, and 0 for no playback.
    public static func gbPerHour(bytes: Double, seconds: Double) -> Double { seconds > 0 ? bytes / seconds * 3600 / 1e9 : 0 }

    /// GB per hour of a measured stream of `bytes` over `seconds`; 0 for no playback.
    public static func gbPerHour(bytes: Int, seconds: Double) -> Double { gbPerHour(bytes: Double(bytes), seconds: seconds) }

    /// GB per hour at a constant rate: `kbps × 1000 ÷ 8 × 3600 ÷ 10⁹`.
    public static func gbPerHour(kbps: Double) -> Double { kbps * 1000 / 8 * 3600 / 1e9 }

    /// Bytes per second of media that use `gbPerHour` per hour: `GB/h × 10⁹ ÷ 3600`.
    public static func bytesPerSecond(gbPerHour: Double) -> Double { gbPerHour * 1e9 / 3600 }

    /// The constant rate, kbit/s, that uses `gbPerHour` per hour.
    public static func kbps(gbPerHour: Double) -> Double { gbPerHour * 1e9 / 3600 * 8 / 1000 }
}
