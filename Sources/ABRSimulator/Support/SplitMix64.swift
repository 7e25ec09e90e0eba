/// A small, fast, seedable pseudo-random generator with a 64-bit state.
///
/// SplitMix64 from Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators",
/// OOPSLA 2014, doi:10.1145/2660193.2660195 (the `mix64` finaliser variant used by Java's
/// `SplittableRandom`). Every draw is a pure function of the seed and the draw count, on every
/// platform and toolchain, which is what byte-identical trace files need: we never use the
/// standard library's `random(in:using:)`, whose algorithm may change between releases.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// Weyl-sequence increment: 2⁶⁴ divided by the golden ratio, odd (Steele et al. 2014).
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= Self.gamma
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in `[0, 1)` with 53 random bits (every value a multiple of 2⁻⁵³).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// An approximately standard normal draw: the sum of 12 uniforms minus 6 (Irwin–Hall; mean 0,
    /// variance 1, bounded to ±6). Needs no `log`, `sqrt` or `cos`, so it is exact and portable
    /// without Foundation.
    public mutating func nextApproximateNormal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += nextUnit() }
        return sum - 6
    }

    /// A seed for an independent stream named `label`, derived from `seed`: FNV-1a over the
    /// label's UTF-8 bytes, mixed with the seed through one SplitMix64 step. Streams keyed by
    /// name stay the same when other names are added or removed.
    public static func seed(_ seed: UInt64, label: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(label.utf8)
        var mixer = SplitMix64(seed: seed ^ hash.value)
        return mixer.next()
    }
}
