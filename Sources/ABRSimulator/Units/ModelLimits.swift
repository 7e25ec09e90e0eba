/// The physical range the engine accepts for every quantity of a trace or a video.
///
/// The bounds are far outside anything measured (so no real data set is refused) and far inside
/// what binary64 arithmetic can carry through a session (so no result becomes infinite or NaN):
/// a 1e308 latency or a 1e-300 segment duration is an input error, named as such, not a session
/// whose QoE silently reads `nan`. Readers check them through the engine's initialisers, which
/// throw `ModelError`; the file readers add the file name.
public enum ModelLimits {
    /// 10⁷ s (about 116 days) for one trace period: far above any recorded network's sampling
    /// interval or outage.
    public static let maximumPeriodSeconds = 1e7
    /// 10⁹ s (about 32 years) for one loop of a trace.
    public static let maximumTraceSeconds = 1e9
    /// 1 Tbit/s: above any access link a client streams over.
    public static let maximumBitsPerSecond = 1e12
    /// 1 hour of one-way latency per request: above any real network (geostationary satellite
    /// links are ≈ 0.3 s), yet bounded.
    public static let maximumLatencySeconds = 3600.0
    /// 1 ms: no streaming format cuts shorter segments (CMAF's low-latency chunks are ≥ 10 ms).
    public static let minimumSegmentSeconds = 0.001
    /// 1 hour per segment: far above any VOD or live packaging (2–10 s is usual).
    public static let maximumSegmentSeconds = 3600.0
    /// 10¹² bytes (1 TB) per segment.
    public static let maximumSegmentBytes = 1_000_000_000_000

    /// Whether `value` is finite and within `range`.
    static func contains(_ range: ClosedRange<Double>, _ value: Double) -> Bool { value.isFinite && range.contains(value) }
}
