// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// Frames done per rung, written by workers and read by the progress line.
final class ProgressCounter: @unchecked Sendable {
    // @unchecked: `counts` is guarded by `lock`.
    private let lock = NSLock()
    private var counts: [Int]

    init(rungCount: Int) { counts = Array(repeating: 0, count: rungCount) }

    func add(_ frames: Int, rung: Int) {
        lock.lock(); counts[rung] += frames; lock.unlock()
    }

    /// The slowest rung's count: frames that every rung has finished.
    var framesDoneByAll: Int {
        lock.lock(); defer { lock.unlock() }
        return counts.min() ?? 0
    }
}

#endif
