import ABRSimulator
import Testing

@testable import LadderCore

@Suite struct RateQualityHullTests {
    /// (100, 30), (200, 34), (300, 35), (400, 37), (500, 36): the chord from (200, 34) to (400, 37)
    /// passes 35.5 at 300, above 35, so (300, 35) is not a vertex; (500, 36) is past the best quality.
    @Test func pointsUnderAChordAndPastTheBestQualityAreOff() {
        let points = [(100.0, 30.0), (200, 34), (300, 35), (400, 37), (500, 36)].map { (kbps: $0.0, quality: $0.1) }
        #expect(RateQualityHull.vertices(points) == [0, 1, 3])
    }

    /// Collinear middle point (200, 32) on the chord from (100, 30) to (300, 34): dropped.
    @Test func collinearMiddlePointsAreDropped() {
        #expect(RateQualityHull.vertices([(100, 30), (200, 32), (300, 34)].map { (kbps: $0.0, quality: $0.1) }) == [0, 2])
    }

    /// Equal rates: only the best; exact duplicates: the lower index; equal quality at a higher rate: off.
    @Test func tiesKeepTheBetterAndTheEarlier() {
        #expect(RateQualityHull.vertices([(100, 30), (100, 32), (200, 35)].map { (kbps: $0.0, quality: $0.1) }) == [1, 2])
        #expect(RateQualityHull.vertices([(100, 30), (200, 35), (200, 35)].map { (kbps: $0.0, quality: $0.1) }) == [0, 1])
        #expect(RateQualityHull.vertices([(100, 35), (200, 35)].map { (kbps: $0.0, quality: $0.1) }) == [0])
    }

    @Test func degenerateInputs() {
        #expect(RateQualityHull.vertices([]).isEmpty)
        #expect(RateQualityHull.vertices([(kbps: 50, quality: 20)]) == [0])
        // NaN quality (nothing measured) never becomes a vertex.
        #expect(RateQualityHull.vertices([(100, .nan), (200, 30)].map { (kbps: $0.0, quality: $0.1) }) == [1])
    }

    /// Against a brute-force definition on random integer grids (many ties and collinear triples):
    /// a point is a vertex iff no other point has at most its rate and at least its quality (an
    /// earlier duplicate counts), and no chord between two other points passes on or above it.
    @Test(arguments: 0..<20)
    func agreesWithTheBruteForceDefinition(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let count = 1 + Int(generator.next() % 12)
        let points = (0..<count).map { _ in (kbps: Double(1 + generator.next() % 10), quality: Double(generator.next() % 10)) }
        func isVertex(_ p: Int) -> Bool {
            let (x, y) = points[p]
            for q in points.indices where q != p {
                if points[q].kbps <= x && points[q].quality >= y && (points[q] != points[p] || q < p) { return false }
            }
            for a in points.indices where a != p && points[a].kbps < x {
                for b in points.indices where b != p && points[b].kbps > x {
                    let chord = points[a].quality + (points[b].quality - points[a].quality) * (x - points[a].kbps) / (points[b].kbps - points[a].kbps)
                    if chord >= y { return false }
                }
            }
            return true
        }
        let expected = points.indices.filter(isVertex).sorted { points[$0].kbps < points[$1].kbps }
        #expect(RateQualityHull.vertices(points) == expected, "\(points)")
    }
}
