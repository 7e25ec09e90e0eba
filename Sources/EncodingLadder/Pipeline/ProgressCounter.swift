// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// Frames encoded and measured per rung, written by workers and read by the progress reports.
final class ProgressCounter: @unchecked Sendable {
    // @unchecked: `encoded` and `measured` are guarded by `lock`.
    private let lock = NSLock()
    private var encoded: [Int]
    private var measured: [Int]

    init(rungCount: Int) {
        encoded = Array(repeating: 0, count: rungCount)
        measured = Array(repeating: 0, count: rungCount)
    }

    /// Records that `rung` has encoded `frames` more frames and measured `measuredTotal` in all.
    func update(rung: Int, encodedMore frames: Int, measuredTotal: Int) {
        lock.lock(); encoded[rung] += frames; measured[rung] = measuredTotal; lock.unlock()
    }

    /// The slowest rung's counts: frames that every rung has encoded, and measured.
    var doneByAll: (encoded: Int, measured: Int) {
        lock.lock(); defer { lock.unlock() }
        return (encoded.min() ?? 0, measured.min() ?? 0)
    }
}

#endif
