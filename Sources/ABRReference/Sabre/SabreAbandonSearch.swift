/// The search both BOLA variants run when offered to abandon a request: the lower level with
/// the best BOLA score among those whose whole segment is smaller than what remains.
///
/// sabre.py (`Bola.check_abandon`, `BolaEnh.check_abandon`) scans every lower level `q` with
/// `other_size = size × bitrate[q] / bitrate[current]` and `other_score = (Vp (γp + u_q) − Q) /
/// other_size`, keeping a strictly better score. This computes the same comparisons on the
/// same operands, with shortcuts that cannot change the answer:
///
/// - `other_size` depends only on the request, so it is computed once per request (same
///   expression, same value);
/// - sizes ascend with `q`, so the scan stops at the first one not below the remainder, and
///   when even level 0's is not below it (or the request is at level 0) there is nothing to
///   score (`mayAbandon`);
/// - a division is skipped when a multiplication shows, with a 10⁻¹² relative margin far above
///   rounding error, that the quotient cannot exceed the best score; otherwise the exact
///   quotient is compared as sabre.py compares it.
struct SabreAbandonSearch {
    private var request = (segment: -1, quality: -1)
    private var lowerSizes: [Double] = []

    /// Whether some lower level's segment is smaller than `remainingBits` (else the search can
    /// only answer `nil`, whatever the scores, and callers may skip computing them).
    /// Call before `bestLowerLevel` for each offer.
    @inline(__always)
    mutating func mayAbandon(_ progress: SabreProgress, bitratesKbps: [Double], below remainingBits: Double) -> Bool {
        if request.segment != progress.segment || request.quality != progress.quality {
            prepare(progress, bitratesKbps: bitratesKbps)
        }
        return !lowerSizes.isEmpty && lowerSizes[0] < remainingBits
    }

    /// Computes the lower levels' segment sizes once per request.
    @inline(never)
    private mutating func prepare(_ progress: SabreProgress, bitratesKbps: [Double]) {
        request = (progress.segment, progress.quality)
        let bitrate = bitratesKbps[progress.quality]
        lowerSizes.removeAll(keepingCapacity: true)
        for q in 0..<progress.quality {
            lowerSizes.append(progress.sizeBits * bitratesKbps[q] / bitrate)
        }
    }

    /// The best lower level for the request `mayAbandon` last saw.
    ///
    /// The current request's score is `scoreNumerator / scoreDenominator`; sabre.py divides
    /// first, this divides only once some level's score might beat it (a cross-multiplication
    /// with the same 10⁻¹² margin rules the others out), then compares exact quotients.
    ///
    /// - Parameters:
    ///   - targets: `Vp (γp + u_q)` per level, as the policy currently defines `Vp`.
    ///   - bufferMs: the buffer level the policy scores with (`Q`).
    ///   - remainingBits: the bits a lower level's segment must be smaller than.
    ///   - scoreNumerator: `Vp (γp + u_current) − Q`.
    ///   - scoreDenominator: the bits the current request's score divides by (> 0).
    /// - Returns: the best lower level, or `nil` when none beats the current score.
    func bestLowerLevel(
        targets: [Double], bufferMs: Double, remainingBits: Double,
        scoreNumerator: Double, scoreDenominator: Double
    ) -> Int? {
        var score: Double? = nil  // the exact quotient, once needed
        var best: Int? = nil
        for q in lowerSizes.indices {
            let otherSize = lowerSizes[q]
            guard otherSize < remainingBits else { break }
            let numerator = targets[q] - bufferMs
            if let current = score {
                let bound = current * otherSize
                if numerator <= bound - Swift.abs(bound) * 1e-12 { continue }  // quotient ≤ score
                let otherScore = numerator / otherSize
                if otherScore > current {
                    score = otherScore
                    best = q
                }
            } else {
                // numerator / otherSize ≤ scoreNumerator / scoreDenominator, both sizes > 0
                let bound = scoreNumerator * otherSize
                if numerator * scoreDenominator <= bound - Swift.abs(bound) * 1e-12 { continue }
                let current = scoreNumerator / scoreDenominator
                let otherScore = numerator / otherSize
                if otherScore > current {
                    best = q
                    score = otherScore
                } else {
                    score = current
                }
            }
        }
        return best
    }
}
