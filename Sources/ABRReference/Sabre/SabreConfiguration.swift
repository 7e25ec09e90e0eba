import ABRSimulator

/// The options of sabre.py that the reference model honours, with sabre.py's defaults.
///
/// Provenance: the `argparse` defaults of `src/sabre.py` (github.com/UMass-LIDS/sabre,
/// commit 09b03bb). Options not reproduced keep their defaults implicitly: no seek, no movie
/// length override, network multiplier 1, replacement `none`, moving average `ewma`.
public struct SabreConfiguration: Hashable, Sendable {
    /// `--max-buffer`: buffer capacity in seconds (default 25).
    public var maxBufferSeconds: Double = 25
    /// `--gamma-p`: BOLA's γp, also the rebuffer weight of the printed score (default 5).
    public var gammaP: Double = 5
    /// `--half-life`: EWMA half-lives in seconds (default 3 and 8).
    public var halfLivesSeconds: [Double] = [3, 8]
    /// `--no-abandon` when false: policies may abandon requests (default on).
    public var abandonment = true
    /// `--abr-osc`: BOLA variants minimise oscillation (default off).
    public var abrOsc = false
    /// `--abr-basic`: BOLA without Sabre's finite-buffer and abandonment additions (default off).
    public var abrBasic = false
    /// `--no-insufficient-buffer-rule` when false (default: rule on).
    public var insufficientBufferRule = true
    /// `--rampup-threshold`: the level that counts as ramped up; `nil` uses the network's
    /// sustainable level at the time (default).
    public var rampupThreshold: Int? = nil

    public init() {}

    /// Checks the values sabre.py would need to run to completion.
    ///
    /// - Throws: `ModelError.invalidConfiguration` for a buffer or γp that is not finite, a
    ///   buffer below one segment (the player could never fetch), no half-lives or one that is
    ///   not a finite number > 0, a ramp-up threshold that is not a level of the movie, or BOLA-E
    ///   (`bolae`, `dynamicdash`) with one level (its γp is 0 and sabre.py divides by it).
    func validate(for movie: SabreMovie, policy: SabrePolicyKind) throws(ModelError) {
        if policy == .bolae || policy == .dynamicdash, movie.levelCount < 2, insufficientBufferRule {
            throw ModelError(.invalidConfiguration, "policy \(policy.rawValue) needs at least 2 bitrates, got \(movie.levelCount) (BOLA-E's γp would be 0)")
        }
        guard maxBufferSeconds.isFinite, maxBufferSeconds * 1000 >= movie.segmentDurationMs else {
            throw ModelError(
                .invalidConfiguration, "max buffer \(maxBufferSeconds) s, expected a finite number ≥ one segment (\(movie.segmentDurationMs / 1000) s)")
        }
        guard gammaP.isFinite else {
            throw ModelError(.invalidConfiguration, "gamma p \(gammaP), expected a finite number")
        }
        guard !halfLivesSeconds.isEmpty else {
            throw ModelError(.invalidConfiguration, "no EWMA half-lives, expected at least one")
        }
        for h in halfLivesSeconds where !(h.isFinite && h > 0) {
            throw ModelError(.invalidConfiguration, "EWMA half-life \(h) s, expected a finite number > 0")
        }
        if let r = rampupThreshold, !(0..<movie.levelCount).contains(r) {
            throw ModelError(.invalidConfiguration, "ramp-up threshold \(r), expected a level in 0..<\(movie.levelCount)")
        }
    }
}
