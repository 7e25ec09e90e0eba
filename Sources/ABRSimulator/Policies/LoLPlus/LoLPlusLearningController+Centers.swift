/// The initial distance weights: dash.js's deterministic k-means++ seeding over random points.
extension LoLPlusLearningController {
    /// dash.js `_getInitialKmeansPlusPlusCenters`: farthest-point seeding from the first point,
    /// then the centres sorted from the least similar (largest summed distance) by distance to it.
    ///
    /// - Parameters:
    ///   - points: the candidate points.
    ///   - count: how many centres to pick.
    static func sortedKMeansPlusPlusCenters(_ points: [[Double]], count: Int) -> [[Double]] {
        let ones = [1.0, 1, 1, 1]
        var centers = [points[0]]
        for _ in 1..<max(count, 1) {
            var next = points[0]
            var maxDistance: Double?
            for point in points {
                var nearest: Double?
                for center in centers {
                    let d = distance(point, center, weights: ones)
                    if nearest.map({ d < $0 }) ?? true { nearest = d }
                }
                if let nearest, maxDistance.map({ nearest > $0 }) ?? true {
                    next = point
                    maxDistance = nearest
                }
            }
            centers.append(next)
        }
        var maxSum: Double?
        var leastSimilar = 0
        for i in centers.indices {
            var sum = 0.0
            for j in centers.indices where j != i { sum += distance(centers[i], centers[j], weights: ones) }
            if maxSum.map({ sum > $0 }) ?? true {
                maxSum = sum
                leastSimilar = i
            }
        }
        var sorted = [centers.remove(at: leastSimilar)]
        while !centers.isEmpty {
            var minDistance: Double?
            var nearest = 0
            for (i, center) in centers.enumerated() {
                let d = distance(sorted[0], center, weights: ones)
                if minDistance.map({ d < $0 }) ?? true {
                    minDistance = d
                    nearest = i
                }
            }
            sorted.append(centers.remove(at: nearest))
        }
        return sorted
    }
}
