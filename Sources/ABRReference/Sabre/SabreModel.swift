import ABRSimulator

/// The `sabre` reference model: sabre.py's semantics, quirks included, in pure Swift.
///
/// Reproduces `src/sabre.py` of Sabre (Spiteri, Sitaraman, Sparacio, "From Theory to Practice:
/// Improving Bitrate Adaptation in the DASH Reference Player", MMSys 2018,
/// doi:10.1145/3204949.3204953; github.com/UMass-LIDS/sabre, commit 09b03bb) with its default
/// options: 25 s buffer, per-period latency, abandonment checked every 50 ms / 12 kbit, EWMA
/// 3 s / 8 s, no replacement. For the same network and movie the metrics equal what sabre.py
/// prints, to its printed precision (tests check this on Sabre's 3G and 4G trace sets).
///
/// Each quirk is documented where it is implemented: latency consuming period time
/// (`SabreNetworkModel`), abandonment steps (`SabreNetworkModel.download`), the unused abandon
/// target and startup (`SabreSession`), stall counting and reaction time (`SabrePlayback`).
public enum SabreModel {
    /// Plays `movie` over `network` with one of sabre.py's policies.
    ///
    /// - Parameters:
    ///   - network: the trace in Sabre units (loops when exhausted).
    ///   - movie: the title in Sabre units.
    ///   - policy: sabre.py's `--abr`.
    ///   - configuration: sabre.py's options (defaults: sabre.py's defaults).
    /// - Returns: sabre.py's printed metrics and the request log.
    /// - Throws: `ModelError.invalidConfiguration` when the configuration cannot run this movie.
    /// - Complexity: O(requests × abandonment steps + network periods crossed).
    public static func run(
        network: SabreNetwork, movie: SabreMovie, policy: SabrePolicyKind,
        configuration: SabreConfiguration = SabreConfiguration()
    ) throws(ModelError) -> SabreRun {
        try configuration.validate(for: movie, policy: policy)
        let ladder = SabreLadder(movie)
        func play<P: SabrePolicy>(_ p: P, bolaBufferMs: Double? = nil) -> SabreRun {
            SabreSession.run(policy: p, network: network, movie: movie, configuration: configuration, bolaBufferMs: bolaBufferMs)
        }
        switch policy {
        case .bola:
            return play(SabreBola(ladder: ladder, configuration: configuration))
        case .bolae:
            let p = SabreBolaE(ladder: ladder, configuration: configuration)
            return play(p, bolaBufferMs: p.printedBufferMs)
        case .throughput:
            return play(SabreThroughputRule(ladder: ladder, configuration: configuration))
        case .dynamic:
            return play(SabreDynamic(ladder: ladder, configuration: configuration))
        case .dynamicdash:
            let p = SabreDynamicDash(ladder: ladder, configuration: configuration)
            return play(p, bolaBufferMs: p.bola.printedBufferMs)
        }
    }

    /// Whether sabre.py prints BOLA's buffer size (`bola_buffer_ms`) for `policy` over `video`:
    /// `bolae` and `dynamicdash` do when their BOLA-E sizes its own buffer. Known before any
    /// session, so a sweep's CSV header is fixed before its first row.
    public static func printsBolaBuffer(
        _ policy: SabrePolicyKind, video: Video, configuration: SabreConfiguration = SabreConfiguration()
    ) throws(ModelError) -> Bool {
        guard policy == .bolae || policy == .dynamicdash else { return false }
        return SabreBolaE(ladder: SabreLadder(try SabreMovie(video: video)), configuration: configuration).printedBufferMs != nil
    }

    /// Plays abrkit's trace and video (converted to Sabre's units) with one of sabre.py's policies.
    ///
    /// - Throws: `ModelError` for a trace or video Sabre cannot play, or an invalid configuration.
    public static func run(
        network: [TracePeriod], video: Video, policy: SabrePolicyKind,
        configuration: SabreConfiguration = SabreConfiguration()
    ) throws(ModelError) -> SabreRun {
        try run(network: SabreNetwork(tracePeriods: network), movie: SabreMovie(video: video), policy: policy, configuration: configuration)
    }
}
