/// Presets that resemble three families of real networks.
///
/// Each preset's state means are chosen so that, with the birth–death chain's long-run shares
/// (1 : 2 : … : 2 : 1 for equal dwells), the time-weighted mean and spread come close to a public
/// data set's; the figures quoted are what `abrkit traces info` measures over those sets in
/// `../shared/data` (time-weighted over each set's periods). Dwell times, noise and correlation
/// are modelling choices, stated as such, checked only by eye against the real traces' plots.
extension MarkovTraceGenerator {
    /// Default length of a generated trace: 10 minutes, long enough for a 48-chunk, 4-s video
    /// (Pensieve's, 192 s) to play with stalls, short enough that a whole set simulates fast.
    public static let defaultDurationSeconds = 600.0

    /// 3G/HSDPA-like: five states 0.4–2.5 Mbit/s.
    ///
    /// Target: Pensieve's HSDPA test set (142 traces cooked from Riiser et al., "Commute path
    /// bandwidth traces from 3G networks", MMSys 2013, doi:10.1145/2483977.2483991), whose
    /// time-weighted mean is 1.20 Mbit/s with p10 0.41, median 1.00, p90 2.25 and p99 4.10 Mbit/s.
    /// States 0.4, 0.7, 1.1, 1.6, 2.5 Mbit/s give a long-run mean of 1.21 Mbit/s. Dwell 15 s and
    /// noise cv 0.3 with correlation 0.8 per second: chosen.
    public static func threeGLike(durationSeconds: Double = defaultDurationSeconds) -> MarkovTraceGenerator {
        MarkovTraceGenerator(
            label: "3G-like",
            states: [0.4, 0.7, 1.1, 1.6, 2.5].map { State(meanBitsPerSecond: $0 * 1_000_000, meanDwellSeconds: 15) },
            coefficientOfVariation: 0.3, noiseCorrelation: 0.8, durationSeconds: durationSeconds)
    }

    /// LTE-like: five states 8–55 Mbit/s.
    ///
    /// Target: the Belgium 4G/LTE traces (van der Hooft et al., "HTTP/2-Based Adaptive Streaming
    /// of HEVC Video Over 4G/LTE Networks", IEEE Communications Letters 2016,
    /// doi:10.1109/LCOMM.2016.2601087; Sabre's `4Glogs`, 40 traces), whose time-weighted mean is
    /// 30.2 Mbit/s with p10 9.2, median 28.8, p90 54.0 and p99 66.8 Mbit/s. States 8, 18, 30, 42,
    /// 55 Mbit/s give a long-run mean of 30.4 Mbit/s. Dwell 10 s (LTE rates move faster than
    /// HSDPA's in those traces) and cv 0.25, correlation 0.7: chosen.
    public static func lteLike(durationSeconds: Double = defaultDurationSeconds) -> MarkovTraceGenerator {
        MarkovTraceGenerator(
            label: "LTE-like",
            states: [8.0, 18, 30, 42, 55].map { State(meanBitsPerSecond: $0 * 1_000_000, meanDwellSeconds: 10) },
            coefficientOfVariation: 0.25, noiseCorrelation: 0.7, durationSeconds: durationSeconds)
    }

    /// Fixed-broadband-like: a subscribed tier, mostly delivered in full, with spells of congestion.
    ///
    /// Shape from the FCC's *Measuring Broadband America* fixed reports (fcc.gov/general/
    /// measuring-broadband-america), which find that most fixed ISPs deliver close to (often
    /// above) the advertised download speed on average, with lower speeds in the evening peak,
    /// over tiers from a few Mbit/s (DSL) to hundreds (cable, fibre). Three states: congested at
    /// 50 % of the tier (mean dwell 30 s), loaded at 85 % (60 s), and the full tier (120 s), noise
    /// cv 0.05 with correlation 0.9. The percentages and dwells are chosen, not measured.
    ///
    /// - Parameters:
    ///   - tierBitsPerSecond: the subscribed (advertised) download rate.
    ///   - durationSeconds: the length of the traces it generates.
    public static func broadbandLike(tierBitsPerSecond: Double, durationSeconds: Double = defaultDurationSeconds) -> MarkovTraceGenerator {
        MarkovTraceGenerator(
            label: "broadband-like (\(describeRate(tierBitsPerSecond)) tier)",
            states: [
                State(meanBitsPerSecond: 0.50 * tierBitsPerSecond, meanDwellSeconds: 30),
                State(meanBitsPerSecond: 0.85 * tierBitsPerSecond, meanDwellSeconds: 60),
                State(meanBitsPerSecond: 1.00 * tierBitsPerSecond, meanDwellSeconds: 120),
            ],
            coefficientOfVariation: 0.05, noiseCorrelation: 0.9, durationSeconds: durationSeconds)
    }
}
