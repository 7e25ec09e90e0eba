/// The upper convex hull of rate–quality points: the encodes a per-title ladder should be built from.
///
/// Per-title encoding (Netflix Technology Blog, "Per-Title Encode Optimization", 2015) encodes a
/// title at several resolutions and bitrates and keeps the points on the upper convex hull of
/// quality against bitrate: at each rate, the resolution that gives the most quality. A point below
/// the hull is beaten by a mix of two hull points at the same average rate, and a point to the right
/// of the best quality only costs more. Rate is taken linearly (bits are what a viewer pays for).
public enum RateQualityHull {
    /// Indices into `points` of the hull's vertices, in ascending rate (and so ascending quality).
    ///
    /// The upper hull of Andrew's monotone chain (A. M. Andrew, "Another efficient algorithm for
    /// convex hulls in two dimensions", 1979), cut at the highest quality. Among points of equal rate
    /// only the best can be a vertex; ties keep the lower index. Collinear middle points are dropped.
    public static func vertices(_ points: [(kbps: Double, quality: Double)]) -> [Int] {
        let usable = points.indices.filter { points[$0].kbps.isFinite && points[$0].quality.isFinite }
        let order = usable.sorted {
            let a = points[$0], b = points[$1]
            if a.kbps != b.kbps { return a.kbps < b.kbps }
            if a.quality != b.quality { return a.quality > b.quality }
            return $0 < $1
        }
        var hull: [Int] = []
        for index in order {
            let p = points[index]
            if let last = hull.last, points[last].kbps == p.kbps { continue }  // a better point of this rate is in already
            // Pop while the last vertex lies on or below the chord from the one before it to p.
            while hull.count >= 2 {
                let a = points[hull[hull.count - 2]], b = points[hull[hull.count - 1]]
                let cross = (b.kbps - a.kbps) * (p.quality - a.quality) - (b.quality - a.quality) * (p.kbps - a.kbps)
                guard cross >= 0 else { break }
                hull.removeLast()
            }
            hull.append(index)
        }
        // Past the best quality the hull only descends: more rate, no more quality.
        guard let best = hull.indices.max(by: { points[hull[$0]].quality < points[hull[$1]].quality }) else { return [] }
        return Array(hull[...best])
    }
}
