// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import LadderCore

/// Which worker thread drives which rungs.
///
/// Measured on 2 cores (1080p source, five `sd-hd-4k` rungs, one x264 thread each): one worker per
/// rung took ≈ 2 % more CPU and 6 % more wall time than one per core, the extra inside libx264 (more
/// busy threads than cores, each evicting the others' caches). So the default is one worker per core, and the rungs are
/// balanced over them by picture area (x264's work grows with it): largest first, each to the least
/// loaded worker (the LPT rule). Every rung is still driven by exactly one thread in frame order, so
/// the output does not depend on the worker count.
enum RungAssignment {
    /// Rung indices per worker, each worker's in ascending order.
    ///
    /// - Parameters:
    ///   - weights: each rung's expected work (any unit; e.g. pixels per picture).
    ///   - workers: threads wanted; clamped to `1...weights.count`.
    static func groups(weights: [Int], workers: Int) -> [[Int]] {
        guard !weights.isEmpty else { return [] }
        let count = min(max(1, workers), weights.count)
        var load = [Int](repeating: 0, count: count)
        var groups = [[Int]](repeating: [], count: count)
        // Heaviest first; equal weights keep ladder order, so the result is a function of the input alone.
        let order = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
        for rung in order {
            // Ties (e.g. zero weights) go to the worker with fewer rungs, then the lower index: none stays empty.
            let lightest = load.indices.min { (load[$0], groups[$0].count, $0) < (load[$1], groups[$1].count, $1) }!
            load[lightest] += weights[rung]
            groups[lightest].append(rung)
        }
        return groups.map { $0.sorted() }
    }
}

#endif
