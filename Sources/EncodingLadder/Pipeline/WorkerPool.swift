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
    /// `progress` is called on the calling thread every `progressIntervalSeconds`, while decoding and
    /// then while the workers drain their encoders and quality probes, and once more at the end
    /// with every count final.
    ///
    /// - Throws: the first error of the decoder or of any rung (after all threads have stopped).
    func run(source: VideoSource, progressIntervalSeconds: Double, progress: (EncodeProgress) -> Void) throws -> Int {
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
        func report(_ total: Int?, _ isFinal: Bool) {
            progress(snapshot(decoded: decoded, total: total, elapsedSeconds: Date().timeIntervalSince(start), isFinal: isFinal))
        }
        var decodeError: Error? = nil
        do {
            feeding: while let frame = try source.nextFrame() {
                decoded += 1
                for queue in queues where !queue.push(frame) { break feeding }
                let now = Date()
                if now.timeIntervalSince(lastReport) >= progressIntervalSeconds {
                    lastReport = now
                    report(expected, false)
                }
            }
        } catch {
            decodeError = error
        }
        queues.forEach { $0.close() }
        // The tail: encoders drain their look-ahead and the probes catch up, which takes a while on big rungs.
        while finished.wait(timeout: .now() + max(0, progressIntervalSeconds - Date().timeIntervalSince(lastReport))) == .timedOut {
            lastReport = Date()
            if decodeError == nil { report(decoded, false) }
        }
        if let decodeError { throw decodeError }
        if let failure = lock.withLock({ failures.first }) { throw failure }
        report(decoded, true)
        return decoded
    }

    /// Every rung's slowest counts as a progress report; `total` is the frame count when known.
    private func snapshot(decoded: Int, total: Int?, elapsedSeconds: Double, isFinal: Bool) -> EncodeProgress {
        let done = counter.doneByAll
        let measuresQuality = encoders.contains { $0.measuresQuality }
        return EncodeProgress(
            rungCount: encoders.count, framesDecoded: decoded,
            encode: PhaseProgress(phase: .encode, framesDone: done.encoded, totalFrames: total, elapsedSeconds: elapsedSeconds),
            quality: measuresQuality
                ? PhaseProgress(phase: .quality, framesDone: done.measured, totalFrames: total, elapsedSeconds: elapsedSeconds) : nil,
            isFinal: isFinal)
    }

    private func work(queue: FrameQueue, rungs: [Int]) {
        do {
            while let frame = queue.pop() {
                for rung in rungs {
                    try encoders[rung].encode(frame)
                    counter.update(rung: rung, encodedMore: 1, measuredTotal: encoders[rung].framesMeasured)
                }
            }
            for rung in rungs {
                try encoders[rung].finish()
                counter.update(rung: rung, encodedMore: 0, measuredTotal: encoders[rung].framesMeasured)
            }
        } catch {
            queue.abandon()
            lock.withLock { failures.append(error) }
        }
    }
}

#endif
