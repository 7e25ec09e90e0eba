import ABRSimulator
import Testing

@Suite struct SplitMix64Tests {
    /// Expected values from an independent Python implementation of Steele et al.'s algorithm
    /// (the 1234567 stream is also the widely quoted test vector of Vigna's `splitmix64.c`).
    static let referenceStreams: [(seed: UInt64, expected: [UInt64])] = [
        (0, [16_294_208_416_658_607_535, 7_960_286_522_194_355_700, 487_617_019_471_545_679]),
        (
            1_234_567,
            [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ]
        ),
    ]

    @Test(arguments: referenceStreams)
    func matchesReferenceStream(seed: UInt64, expected: [UInt64]) {
        var rng = SplitMix64(seed: seed)
        #expect(expected.map { _ in rng.next() } == expected)
    }

    @Test func labelSeedIsFNV1aMixedThroughOneStep() {
        // Python: next(splitmix64(20260101 ^ fnv1a64(b"3g-like-01"))).
        #expect(SplitMix64.seed(20_260_101, label: "3g-like-01") == 17_213_279_175_477_524_466)
        #expect(SplitMix64.seed(20_260_101, label: "3g-like-02") != SplitMix64.seed(20_260_101, label: "3g-like-01"))
    }

    @Test func unitDrawsStayInHalfOpenIntervalWithUniformMoments() {
        var rng = SplitMix64(seed: 42)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let u = rng.nextUnit()
            #expect(u >= 0 && u < 1)
            sum += u
            sumSquares += u * u
        }
        // Uniform[0,1): mean 1/2, variance 1/12; standard error of the mean ≈ 0.29/√n ≈ 0.00065.
        #expect(abs(sum / Double(n) - 0.5) < 0.004)
        #expect(abs(sumSquares / Double(n) - (sum / Double(n)) * (sum / Double(n)) - 1.0 / 12) < 0.002)
    }

    @Test func approximateNormalHasUnitVarianceAndBoundedSupport() {
        var rng = SplitMix64(seed: 7)
        let n = 100_000
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<n {
            let z = rng.nextApproximateNormal()
            #expect(abs(z) <= 6)
            sum += z
            sumSquares += z * z
        }
        #expect(abs(sum / Double(n)) < 0.02)
        #expect(abs(sumSquares / Double(n) - 1) < 0.03)
    }
}
