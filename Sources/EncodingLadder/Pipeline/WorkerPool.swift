// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// Runs the rung encoders on a fixed set of threads fed by one decoding loop.
///
/// ``RungAssignment`` balances the rungs over the threads; each rung is driven by exactly one
/// thread, so its output does not depend on the thread count. Each thread has a bounded
/// ``FrameQueue``; the decoder blocks when a thread is behind.
final class WorkerPool: @unchecked Sendable {
    // @unchecked: each encoder is touched only by its owning thread until `run` has joined them;
    // `failures` is guarded by `lock`.
    private let encoders: [RungEncoder]
    private let groups: [[Int]]
    private let queues: [FrameQueue]
    private let counter: ProgressCounter
    private let lock = NSLock()
    private var failures: [Error] = []

    /// Seconds between progress callbacks.
    static let progressIntervalSeconds = 0.5

    /// - Parameter threadCount: worker threads; 0 = one per core (at most one per rung).
    init(encoders: [RungEncoder], threadCount: Int, framesInFlight: Int) {
        self.encoders = encoders
        let threads = threadCount <= 0 ? ProcessInfo.processInfo.activeProcessorCount : threadCount
        groups = RungAssignment.groups(weights: encoders.map { $0.rung.width * $0.rung.height }, workers: threads)
        queues = groups.map { _ in FrameQueue(capacity: max(1, framesInFlight)) }
        counter = ProgressCounter(rungCount: encoders.count)
    }

    /// Decodes `source` to the end, feeding every thread; returns the number of source frames.
    ///
    /// - Throws: the first error of the decoder or of any rung (after all threads have stopped).
    func run(source: VideoSource, progress: (EncodeProgress) -> Void) throws -> Int {
        let finished = DispatchGroup()
        for (thread, group) in groups.enumerated() {
            finished.enter()
            let worker = Thread { [self] in
                work(queue: queues[thread], rungs: group)
                finished.leave()
            }
            worker.name = "abrkit-rungs-\(group.map(String.init).joined(separator: ","))"
            worker.stackSize = 8 << 20
            worker.start()
        }
        let start = Date()
        var lastReport = start
        var decoded = 0
        let expected = source.description.expectedDurationSeconds.map { Int(($0 * source.description.framesPerSecond).rounded()) }
        var decodeError: Error? = nil
        do {
            feeding: while let frame = try source.nextFrame() {
                decoded += 1
                for queue in queues where !queue.push(frame) { break feeding }
                let now = Date()
                if now.timeIntervalSince(lastReport) >= WorkerPool.progressIntervalSeconds {
                    lastReport = now
                    progress(
                        EncodeProgress(
                            rungCount: encoders.count, framesDecoded: decoded, framesEncoded: counter.framesDoneByAll,
                            expectedFrames: expected, elapsedSeconds: now.timeIntervalSince(start)))
                }
            }
        } catch {
            decodeError = error
        }
        queues.forEach { $0.close() }
        finished.wait()
        if let decodeError { throw decodeError }
        if let failure = lock.withLock({ failures.first }) { throw failure }
        progress(
            EncodeProgress(
                rungCount: encoders.count, framesDecoded: decoded, framesEncoded: counter.framesDoneByAll,
                expectedFrames: decoded, elapsedSeconds: Date().timeIntervalSince(start)))
        return decoded
    }

    private func work(queue: FrameQueue, rungs: [Int]) {
        do {
            while let frame = queue.pop() {
                for rung in rungs {
                    try encoders[rung].encode(frame)
                    counter.add(1, rung: rung)
                }
            }
            for rung in rungs { try encoders[rung].finish() }
        } catch {
            queue.abandon()
            lock.withLock { failures.append(error) }
        }
    }
}

#endif
